import { browser } from 'wxt/browser';
import type { TabState } from '../protocol';
import { tabStateSchema } from './messages';

/**
 * The issues of each open portal tab. Kept in `storage.session` (memory only, cleared when the browser
 * closes) so that Chrome can stop and restart the service worker without losing them.
 */
const KEY = 'tabStates';
const LAST = 'lastPortalTab';

async function readAll(): Promise<Record<string, TabState>> {
  const raw = (await browser.storage.session.get(KEY))[KEY];
  const parsed = tabStateSchema.array().safeParse(Object.values((raw ?? {}) as object));
  if (!parsed.success) return {};
  return Object.fromEntries(parsed.data.map((s) => [String(s.tabId), s]));
}

export async function putTabState(state: TabState): Promise<void> {
  const all = await readAll();
  all[String(state.tabId)] = state;
  await browser.storage.session.set({ [KEY]: all, [LAST]: state.tabId });
}

export async function removeTabState(tabId: number): Promise<void> {
  const all = await readAll();
  if (!(String(tabId) in all)) return;
  delete all[String(tabId)];
  await browser.storage.session.set({ [KEY]: all });
}

/** The state of `tabId`; when that tab has none (not a portal page), the most recent portal tab's. */
export async function getTabState(tabId: number | undefined): Promise<{ state: TabState | null; fromOtherTab: boolean }> {
  const all = await readAll();
  if (tabId !== undefined && all[String(tabId)]) return { state: all[String(tabId)]!, fromOtherTab: false };
  const last = (await browser.storage.session.get(LAST))[LAST];
  const state = typeof last === 'number' ? all[String(last)] : undefined;
  return { state: state ?? null, fromOtherTab: state !== undefined };
}

/** Tabs that have reported from the portal (and are still open). */
export async function knownTabIds(): Promise<number[]> {
  return Object.values(await readAll()).map((s) => s.tabId);
}
