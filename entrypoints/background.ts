import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { applyLearned } from '../components/background/learn';
import { requestSchema } from '../components/background/messages';
import { factsOf, parseProfile, type Profile } from '../components/background/profile';
import { ProfileStore } from '../components/background/profile-store';
import { getTabState, knownTabIds, putFrameIssues, removeTabState } from '../components/background/tab-states';
import type { FactsChanged, ProfileResult, Responses, TabStateChanged } from '../components/protocol';
import { describeDomain } from '../rules/email/domain';

const store = new ProfileStore();

/** Tells every portal tab and open extension page about a changed profile. */
async function broadcast(profile: Profile): Promise<void> {
  const message: FactsChanged = { type: 'facts-changed', facts: factsOf(profile) };
  browser.runtime.sendMessage(message).catch(() => {});
  for (const tabId of await knownTabIds()) browser.tabs.sendMessage(tabId, message).catch(() => {});
}

async function replaceProfile(result: ReturnType<typeof parseProfile>): Promise<ProfileResult> {
  if (!result.ok) return result;
  const { profile } = await store.update(() => ({ ...result.profile, updatedAt: new Date().toISOString() }));
  await broadcast(profile);
  return { ok: true, profile };
}

async function handle(message: unknown, sender: Browser.runtime.MessageSender): Promise<Responses[keyof Responses]> {
  const request = requestSchema.parse(message);
  switch (request.type) {
    case 'lookup-domains':
      return { domains: request.hosts.map(describeDomain) };
    case 'report-issues': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('report-issues must come from a tab');
      await putFrameIssues({ tabId, frameId: sender.frameId ?? 0, url: request.url, title: request.title, issues: request.issues });
      const changed: TabStateChanged = { type: 'tab-state-changed', tabId };
      // Extension pages (popup, sidebar) listen; when none is open there is no receiver, which is fine.
      browser.runtime.sendMessage(changed).catch(() => {});
      return { ok: true };
    }
    case 'get-tab-state':
      return getTabState(request.tabId);
    case 'get-facts':
      return { facts: factsOf((await store.current()).profile) };
    case 'learn': {
      const learned = request.learned;
      if (learned.kind === 'company-domain') {
        // Only a real company mailbox domain teaches anything.
        const info = describeDomain(learned.domain.toLowerCase());
        if (info.personal || info.tenantOnly) return { changed: false };
        learned.domain = info.registrable;
      }
      const { profile, changed } = await store.update((p) => applyLearned(p, learned, new Date().toISOString()));
      if (changed) await broadcast(profile);
      return { changed };
    }
    case 'get-profile':
      return store.current();
    case 'save-profile':
      return replaceProfile(parseProfile(request.profile));
    case 'import-profile':
      return replaceProfile(parseProfile(request.text));
    case 'dismiss-unreadable':
      await store.dismissUnreadable();
      return { ok: true };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    const type = (message as { type?: string } | null)?.type;
    if (type === 'tab-state-changed' || type === 'facts-changed') return false;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      console.warn('[CSP Reseller Assistant] refused message', error);
      sendResponse({ error: String(error instanceof Error ? error.message : error) });
    });
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
});
