import { browser } from 'wxt/browser';
import { tabStateSchema, type TabState } from '../contract/extension';
import type { TabIssue } from '../contract/page';

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

/** Read-modify-writes run one at a time: reports from several tabs and frames arrive together. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => {});
  return run;
}

export interface FrameReport {
  tabId: number;
  frameId: number;
  url: string;
  title: string;
  issues: TabIssue[];
  /** Issues found beyond what one report carries (counted, not listed). */
  omitted?: number;
}

/**
 * One frame's issues. The page itself (frame 0) also gives the tab's URL and title; when it moves to
 * another URL, what its frames reported before is dropped (they report again if they are still there).
 */
export function putFrameIssues(report: FrameReport): Promise<TabState> {
  return serially(async () => {
    const all = await readAll();
    const key = String(report.tabId);
    const previous = all[key];
    const top = report.frameId === 0;
    // (Only a URL the page itself reported counts: a frame may report before its page does.)
    const moved = top && previous !== undefined && '0' in previous.frames && previous.url !== report.url;
    const frames = moved ? {} : { ...(previous?.frames ?? {}) };
    const omitted = moved ? {} : { ...(previous?.omitted ?? {}) };
    omitted[String(report.frameId)] = report.omitted ?? 0;
    // Field ids are per frame: give other frames' ids their frame's prefix, so that they stay unique.
    frames[String(report.frameId)] = top ? report.issues : report.issues.map((i) => ({ ...i, fieldId: `${report.frameId}:${i.fieldId}` }));
    const issues = Object.keys(frames)
      .sort((a, b) => Number(a) - Number(b))
      .flatMap((f) => frames[f]!);
    all[key] = {
      tabId: report.tabId,
      url: top || !previous ? report.url : previous.url,
      title: top || !previous ? report.title : previous.title,
      issues,
      frames,
      omitted,
      updatedAt: Date.now(),
    };
    await browser.storage.session.set({ [KEY]: all, [LAST]: report.tabId });
    return all[key]!;
  });
}

export function removeTabState(tabId: number): Promise<void> {
  return serially(async () => {
    const all = await readAll();
    if (!(String(tabId) in all)) return;
    delete all[String(tabId)];
    await browser.storage.session.set({ [KEY]: all });
  });
}

/** Whether a tab still shows a portal page with our content script in it (injectable for tests). */
export type TabAlive = (tabId: number) => Promise<boolean>;

/**
 * The state of `tabId`; when that tab has none (not a portal page), the most recent portal tab's. With
 * `alive`, a tab whose page no longer answers (it left the portal, or was reloaded) is forgotten first:
 * a popup never says "1 issue on this tab" about a page that is not there any more.
 */
export async function getTabState(tabId: number | undefined, alive?: TabAlive): Promise<{ state: TabState | null; fromOtherTab: boolean }> {
  const all = await readAll();
  const live = async (id: number) => {
    if (!all[String(id)]) return false;
    if (!alive || (await alive(id))) return true;
    await removeTabState(id);
    return false;
  };
  if (tabId !== undefined && (await live(tabId))) return { state: all[String(tabId)]!, fromOtherTab: false };
  const last = (await browser.storage.session.get(LAST))[LAST];
  const state = typeof last === 'number' && last !== tabId && (await live(last)) ? all[String(last)] : undefined;
  return { state: state ?? null, fromOtherTab: state !== undefined };
}

/** Tabs that have reported from the portal (and are still open). */
export async function knownTabIds(): Promise<number[]> {
  return Object.values(await readAll()).map((s) => s.tabId);
}

/**
 * Marks every stored issue ignored or not again (the user ignored an issue, or showed it again): the
 * page does not report again when only that changed. Returns the tabs whose state changed.
 */
export function relabelIgnored(isIgnored: (issue: TabIssue, url: string) => boolean): Promise<number[]> {
  return serially(async () => {
    const all = await readAll();
    const changed: number[] = [];
    for (const state of Object.values(all)) {
      const mark = (i: TabIssue) => {
        const ignored = isIgnored(i, state.url);
        const { ignored: _was, ...rest } = i;
        return ignored ? { ...rest, ignored: true } : rest;
      };
      const before = JSON.stringify(state.issues);
      state.issues = state.issues.map(mark);
      for (const f of Object.keys(state.frames)) state.frames[f] = state.frames[f]!.map(mark);
      if (JSON.stringify(state.issues) !== before) changed.push(state.tabId);
    }
    if (changed.length > 0) await browser.storage.session.set({ [KEY]: all });
    return changed;
  });
}
