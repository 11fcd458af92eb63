import { browser, type Browser } from 'wxt/browser';
import { profileEvidence, recordEvidence, setManual, type Progress } from '../../rules/companion/progress';
import type { EvidenceReading } from '../../rules/companion/evidence';
import { pageReads, readPageEvidence } from '../../rules/companion/page-evidence';
import { placeOfPage, portalPath } from '../../rules/companion/places';
import { describeDomain } from '../../rules/email/domain';
import { explainPortalErrors } from '../../rules/portal/explain';
import {
  extensionRequestSchema,
  PROFILE_WRITES,
  type ExtensionResponses,
  type ProgressChanged,
  type TabStateChanged,
} from '../contract/extension';
import { pageRequestSchema, pageResponseSchemas, type FactsChanged, type PageResponses, type Ping } from '../contract/page';
import { LIMITS } from '../contract/limits';
import { factsOf, parseProfile, type ParseResult, type Profile } from '../contract/profile';
import { splitProgress } from '../contract/progress';
import { showBadge } from './badge';
import { ignoreKey } from '../../rules/fixes';
import { emptyProgress } from '../../rules/companion/progress';
import { emptyProfile } from '../contract/profile';
import type { LearnNotice, Learned, PrefsChanged } from '../contract/page';
import { addressLine, applyLearned, newPartnerIds, wouldReplace } from './learn';
import { mergeProfiles } from './merge';
import { pagePrefsOf, PrefsStore } from './prefs-store';
import type { ProfileStore } from './profile-store';
import type { ProgressStore } from './progress-store';
import { getTabState, knownTabIds, putFrameIssues, relabelIgnored } from './tab-states';

/** Where the content script runs: page messages are accepted only from there. */
export const PORTAL_ORIGIN = 'https://partner.microsoft.com';

type Sender = Browser.runtime.MessageSender;
type Response = PageResponses[keyof PageResponses] | ExtensionResponses[keyof ExtensionResponses];

/** Messages the background itself broadcasts: not requests, no answer. */
const BROADCASTS = new Set(['tab-state-changed', 'facts-changed', 'progress-changed', 'prefs-changed']);

/** A refusal the sender is told about (as `{ error }`), with a reason a developer can act on. */
export class Refused extends Error {}

const typeOf = (message: unknown) => (typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined);
const onPortal = (url: string | undefined) => typeof url === 'string' && (url === PORTAL_ORIGIN || url.startsWith(`${PORTAL_ORIGIN}/`));

/** The sender is one of this extension's own pages (popup, sidebar, options), never a content script. */
function fromExtensionPage(sender: Sender): boolean {
  const base = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}

/**
 * The background's message router: validates every message against its direction's schema, checks who
 * sent it, and answers. Page messages only from portal tabs; profile reads and writes only from the
 * extension's own pages.
 */
export function createRouter(store: ProfileStore, progressStore: ProgressStore, prefsStore = new PrefsStore()) {
  /**
   * What recent learns changed (to undo) and what they asked about (to accept), by token, for the tab that
   * was told. In memory: a notice lives seconds; after a service-worker restart its Undo says it failed.
   */
  const undoable = new Map<string, { tabId: number; before: Profile; after: Profile }>();
  const asked = new Map<string, { tabId: number; learned: Learned }>();
  const remember = <T>(map: Map<string, T>, value: T) => {
    const token = crypto.randomUUID();
    map.set(token, value);
    while (map.size > 20) map.delete(map.keys().next().value!);
    return token;
  };

  /** What a learn that changed the profile tells the page. */
  function noticeOf(learned: Learned, before: Profile, after: Profile, tabId: number): LearnNotice | undefined {
    const token = remember(undoable, { tabId, before, after });
    switch (learned.kind) {
      case 'identifiers': {
        const count = newPartnerIds(before, after);
        return count > 0 ? { kind: 'identifiers', count, token } : undefined;
      }
      case 'verified-address':
        return { kind: 'verified-address', token };
      case 'legal-profile':
        return { kind: 'legal-profile', token };
      case 'company-domain':
        return {
          kind: 'company-domain',
          domain: after.company.domains.find((d) => !before.company.domains.includes(d)) ?? learned.domain,
          token,
        };
    }
  }

  async function learn(learned: Learned, tabId: number, force: boolean): Promise<{ changed: boolean; notice?: LearnNotice }> {
    let before: Profile | null = null;
    let ask = false;
    const { profile, changed } = await store.update((p) => {
      before = p;
      ask = !force && wouldReplace(p, learned);
      // (Without `force`, what would replace a fact the user gave is left out; the rest is merged.)
      return applyLearned(p, learned, new Date().toISOString(), { force });
    });
    if (changed) {
      await broadcast(profile);
      progressChanged();
    }
    if (ask && (learned.kind === 'verified-address' || learned.kind === 'legal-profile')) {
      const token = remember(asked, { tabId, learned });
      const kind = learned.kind === 'verified-address' ? 'ask-verified-address' : 'ask-company-address';
      return { changed, notice: { kind, address: addressLine(learned.address ?? {}), token } };
    }
    if (!changed || !before) return { changed };
    const notice = noticeOf(learned, before, profile, tabId);
    return { changed, ...(notice ? { notice } : {}) };
  }

  /** Puts back what one learn changed, unless it was changed again since (then nothing is touched). */
  async function undoLearn(token: string, tabId: number): Promise<boolean> {
    const entry = undoable.get(token);
    if (!entry || entry.tabId !== tabId) return false;
    undoable.delete(token);
    let ok = false;
    const { profile, changed } = await store.update((current) => {
      const merged = mergeProfiles(entry.after, entry.before, current);
      ok = merged.ok;
      return merged.ok ? { ...merged.profile, updatedAt: new Date().toISOString() } : current;
    });
    if (changed) {
      await broadcast(profile);
      progressChanged();
    }
    return ok;
  }

  async function prefsChanged(): Promise<void> {
    const prefs = pagePrefsOf(await prefsStore.current());
    // Reports already stored are greyed (or not) at once: the page sends no new report for this.
    const keys = new Set(prefs.ignored);
    for (const tabId of await relabelIgnored((i, url) => keys.has(ignoreKey(i.code, i.fieldLabel, portalPath(url))))) {
      await showBadge(tabId, (await getTabState(tabId)).state?.issues ?? []);
      const changed: TabStateChanged = { type: 'tab-state-changed', tabId };
      browser.runtime.sendMessage(changed).catch(() => {});
    }
    const message: PrefsChanged = { type: 'prefs-changed', prefs };
    browser.runtime.sendMessage(message).catch(() => {});
    for (const tabId of await knownTabIds()) browser.tabs.sendMessage(tabId, message).catch(() => {});
  }

  /** Opens the checklist at a step: the side panel (Chromium) or sidebar (Firefox), else in a tab. */
  async function openStep(step: string, tabId: number): Promise<void> {
    await browser.storage.session.set({ openStep: step });
    try {
      const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { tabId: number }): Promise<void> } } }).chrome?.sidePanel;
      if (chromeSidePanel) await chromeSidePanel.open({ tabId });
      else await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
    } catch {
      await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html#step-${step}` as '/sidepanel.html') });
    }
  }

  /** The tab's page answers our ping from the portal: it has not navigated away. */
  async function tabAlive(tabId: number): Promise<boolean> {
    try {
      const ping: Ping = { type: 'csp-ping' };
      const answer = (await browser.tabs.sendMessage(tabId, ping, { frameId: 0 })) as { href?: unknown } | undefined;
      return onPortal(typeof answer?.href === 'string' ? answer.href : undefined);
    } catch {
      return false;
    }
  }

  /** Tells every portal tab and open extension page about a changed profile. */
  async function broadcast(profile: Profile): Promise<void> {
    const message: FactsChanged = { type: 'facts-changed', facts: factsOf(profile) };
    browser.runtime.sendMessage(message).catch(() => {});
    for (const tabId of await knownTabIds()) browser.tabs.sendMessage(tabId, message).catch(() => {});
  }

  /** Evidence read on a portal page (`url`), stored with the page's path and the time. */
  async function record(url: string, evidence: EvidenceReading[]): Promise<boolean> {
    if (evidence.length === 0) return false;
    const at = new Date().toISOString();
    const path = portalPath(url).slice(0, 500);
    const { changed } = await progressStore.update((p) => evidence.reduce((q, e) => recordEvidence(q, { ...e, path, at }), p));
    if (changed) progressChanged();
    return changed;
  }

  function progressChanged(): void {
    const message: ProgressChanged = { type: 'progress-changed' };
    browser.runtime.sendMessage(message).catch(() => {});
  }

  /** The stored progress with what the profile itself shows (PLA known, distributor set …) merged in. */
  async function progressView(): Promise<ExtensionResponses['get-progress']> {
    const [stored, { profile }] = await Promise.all([progressStore.current(), store.current()]);
    const derived = profileEvidence({
      partnerIds: profile.partnerIds,
      associatedPartnerId: profile.associatedPartnerId,
      companyName: profile.company.name,
      companyCountry: profile.company.country,
      companyDomains: profile.company.domains,
      ...(profile.verifiedAddress?.source === 'dialog' ? { verifiedFromDialog: { at: profile.verifiedAddress.confirmedAt } } : {}),
      distributor: profile.distributor,
      updatedAt: profile.updatedAt,
    });
    const { version, ...base } = stored;
    const progress = Object.values(derived).reduce<Progress>(
      (p, record) => (record && !p.evidence[record.kind] ? recordEvidence(p, record) : p),
      base,
    );
    return { progress: { version, ...progress }, facts: factsOf(profile) };
  }

  /** An import: replaces the profile (the user chose the file). */
  async function replaceProfile(result: ParseResult): Promise<ExtensionResponses['save-profile']> {
    if (!result.ok) return { ...result, code: 'invalid' };
    const { profile, revision } = await store.update(() => ({ ...result.profile, updatedAt: new Date().toISOString() }));
    await broadcast(profile);
    progressChanged();
    return { ok: true, profile, revision };
  }

  /**
   * An edit from options: written as is when nothing else wrote since its base; else what it changed is
   * merged into what is stored now, or the save is refused where both changed the same thing.
   */
  async function saveProfile(
    result: ParseResult,
    baseRaw: unknown,
    baseRevision: number | undefined,
  ): Promise<ExtensionResponses['save-profile']> {
    if (!result.ok) return { ...result, code: 'invalid' };
    const base = baseRaw === undefined ? null : parseProfile(baseRaw);
    let conflicts: string[] = [];
    try {
      const { profile, revision, changed } = await store.update((current, rev) => {
        if (baseRevision === rev) return { ...result.profile, updatedAt: new Date().toISOString() };
        // No base (an older options page): nothing to merge against, and a blind overwrite could erase what
        // another tab wrote. Refuse, with the stored profile to start again from.
        const merged = base?.ok
          ? mergeProfiles(base.profile, result.profile, current)
          : { ok: false as const, conflicts: ['(no base revision)'] };
        if (!merged.ok) {
          conflicts = merged.conflicts;
          return current;
        }
        return { ...merged.profile, updatedAt: new Date().toISOString() };
      });
      if (conflicts.length > 0) {
        return { ok: false, code: 'stale', conflicts, errors: [`Changed meanwhile in another tab, not saved: ${conflicts.join(', ')}`] };
      }
      if (changed) await broadcast(profile);
      return { ok: true, profile, revision };
    } catch (error) {
      return { ok: false, code: 'invalid', errors: [String(error instanceof Error ? error.message : error)] };
    }
  }
  async function fromPage(message: unknown, sender: Sender): Promise<Response> {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !onPortal(sender.url ?? sender.tab?.url))
      throw new Refused(`${String(typeOf(message))} is accepted only from a portal tab`);
    const request = pageRequestSchema.parse(message);
    switch (request.type) {
      case 'lookup-domains':
        // One host the lookup cannot describe is left out; the others are answered.
        return {
          domains: request.hosts.flatMap((host) => {
            try {
              return [describeDomain(host)];
            } catch {
              return [];
            }
          }),
        };
      case 'report-issues': {
        // Issues the user ignored on their field stay in the report, marked (greyed, not counted).
        const keys = new Set(pagePrefsOf(await prefsStore.current()).ignored);
        const path = portalPath(request.url);
        const issues = request.issues.map((i) => (keys.has(ignoreKey(i.code, i.fieldLabel, path)) ? { ...i, ignored: true } : i));
        const state = await putFrameIssues({
          tabId,
          frameId: sender.frameId ?? 0,
          url: request.url,
          title: request.title,
          issues,
          omitted: request.omitted ?? 0,
        });
        await showBadge(tabId, state.issues);
        const changed: TabStateChanged = { type: 'tab-state-changed', tabId };
        // Extension pages (popup, sidebar) listen; when none is open there is no receiver, which is fine.
        browser.runtime.sendMessage(changed).catch(() => {});
        return { ok: true };
      }
      case 'get-facts':
        return { facts: factsOf((await store.current()).profile), prefs: pagePrefsOf(await prefsStore.current()) };
      case 'recognise-portal-errors':
        // Each code with what it means and what to do (en and ja) and its step: the mark beside the message says it.
        return pageResponseSchemas['recognise-portal-errors'].parse({
          errors: request.texts.map(explainPortalErrors),
        });
      case 'learn':
        return learn(request.learned, tabId, false);
      case 'undo-learn':
        return { ok: await undoLearn(request.token, tabId) };
      case 'accept-learned': {
        const entry = asked.get(request.token);
        if (!entry || entry.tabId !== tabId) return { ok: false };
        asked.delete(request.token);
        const { notice } = await learn(entry.learned, tabId, true);
        return { ok: true, ...(notice ? { notice } : {}) };
      }
      case 'ignore-issue': {
        const path = portalPath(`${PORTAL_ORIGIN}${request.path}`);
        await prefsStore.update((p) => {
          const key = ignoreKey(request.code, request.label, path);
          if (p.ignored.some((i) => ignoreKey(i.code, i.label, i.path) === key)) return p;
          return {
            ...p,
            ignored: [...p.ignored, { code: request.code, label: request.label, path, at: new Date().toISOString() }].slice(-500),
          };
        });
        await prefsChanged();
        return { ok: true };
      }
      case 'open-step':
        await openStep(request.step, tabId);
        return { ok: true };
      case 'open-options':
        await browser.runtime.openOptionsPage();
        return { ok: true };
      case 'page-evidence': {
        const url = sender.url ?? '';
        const changed = await record(url, readPageEvidence(url, request.page));
        return { changed, ...pageReads(url, request.page.headings) };
      }
      case 'authorized-provider': {
        const url = sender.url ?? '';
        if (placeOfPage(url) !== 'authorize-distributor') return { changed: false };
        return { changed: await record(url, [{ kind: 'distributor-authorized', value: 'seen', seen: request.seen }]) };
      }
    }
  }

  async function fromExtension(message: unknown, sender: Sender): Promise<Response> {
    if (!fromExtensionPage(sender)) {
      const what = PROFILE_WRITES.has(typeOf(message) as never) ? 'a profile change' : String(typeOf(message));
      throw new Refused(`${what} is accepted only from the extension's own pages`);
    }
    const request = extensionRequestSchema.parse(message);
    switch (request.type) {
      case 'get-tab-state':
        return getTabState(request.tabId, tabAlive);
      case 'get-profile':
        return store.current();
      case 'save-profile':
        return saveProfile(parseProfile(request.profile), request.base, request.baseRevision);
      case 'import-profile':
        if (request.text.length > LIMITS.importText) {
          return {
            ok: false,
            code: 'too-large',
            errors: [`The file is ${request.text.length} characters long; at most ${LIMITS.importText} are read. Nothing was changed.`],
          };
        }
        {
          // An optional `progress` section: imported with the profile; a file without one keeps local progress.
          const split = splitProgress(request.text);
          if (split.errors) return { ok: false, code: 'invalid', errors: split.errors };
          const result = await replaceProfile(parseProfile(split.profile));
          if (result.ok && split.progress) {
            const { version: _v, ...imported } = split.progress;
            await progressStore.update(() => imported);
            progressChanged();
          }
          return result;
        }
      case 'dismiss-unreadable':
        await store.dismissUnreadable();
        return { ok: true };
      case 'get-progress':
        return progressView();
      case 'set-step-state': {
        const at = new Date().toISOString();
        const { changed } = await progressStore.update((p) => setManual(p, request.stepId, request.state, at));
        if (changed) progressChanged();
        return { ok: true };
      }
      case 'get-set-aside':
        return { text: await store.setAsideText(request.id) };
      case 'delete-set-aside':
        await store.deleteSetAside(request.id);
        return { ok: true };
      case 'get-prefs':
        return { prefs: await prefsStore.current() };
      case 'set-language': {
        const prefs = await prefsStore.update((p) => {
          const { language: _l, ...rest } = p;
          return request.language ? { ...rest, language: request.language } : rest;
        });
        await prefsChanged();
        return { prefs };
      }
      case 'unignore': {
        const key = ignoreKey(request.code, request.label, request.path);
        const prefs = await prefsStore.update((p) => ({
          ...p,
          ignored: p.ignored.filter((i) => ignoreKey(i.code, i.label, i.path) !== key),
        }));
        await prefsChanged();
        return { prefs };
      }
      case 'forget-everything': {
        // The profile, the progress and the ignored issues; the language chosen stays (it is how the page speaks).
        const { profile } = await store.update(() => ({ ...emptyProfile(), updatedAt: new Date().toISOString() }));
        await progressStore.update(() => emptyProgress());
        await prefsStore.update((p) => ({ ...p, ignored: [] }));
        await broadcast(profile);
        await prefsChanged();
        progressChanged();
        return { ok: true };
      }
    }
  }

  const PAGE_TYPES = new Set<unknown>(pageRequestSchema.options.map((o) => o.shape.type.value));

  /** Answers one message; throws (a `Refused` or a validation error) when it is not accepted. */
  function handle(message: unknown, sender: Sender): Promise<Response> {
    return PAGE_TYPES.has(typeOf(message)) ? fromPage(message, sender) : fromExtension(message, sender);
  }

  /** The `runtime.onMessage` listener: answers with `sendResponse` (the style WXT documents), `{ error }` when refused. */
  function listener(message: unknown, sender: Sender, sendResponse: (response: unknown) => void): boolean {
    if (BROADCASTS.has(typeOf(message) as string)) return false;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      console.warn('[CSP Reseller Assistant] refused message', error);
      sendResponse({ error: String(error instanceof Error ? error.message : error) });
    });
    return true;
  }

  return { handle, listener };
}
