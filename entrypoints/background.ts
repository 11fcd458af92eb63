import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { requestSchema } from '../components/background/messages';
import { getTabState, putTabState, removeTabState } from '../components/background/tab-states';
import type { Responses, TabStateChanged } from '../components/protocol';
import { describeDomain } from '../rules/email/domain';

async function handle(message: unknown, sender: Browser.runtime.MessageSender): Promise<Responses[keyof Responses]> {
  const request = requestSchema.parse(message);
  switch (request.type) {
    case 'lookup-domains':
      return { domains: request.hosts.map(describeDomain) };
    case 'report-issues': {
      const tabId = sender.tab?.id;
      if (tabId === undefined) throw new Error('report-issues must come from a tab');
      await putTabState({ tabId, url: request.url, title: request.title, issues: request.issues, updatedAt: Date.now() });
      const changed: TabStateChanged = { type: 'tab-state-changed', tabId };
      // Extension pages (popup, sidebar) listen; when none is open there is no receiver, which is fine.
      browser.runtime.sendMessage(changed).catch(() => {});
      return { ok: true };
    }
    case 'get-tab-state':
      return getTabState(request.tabId);
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (r: unknown) => void) => {
    if ((message as { type?: string } | null)?.type === 'tab-state-changed') return false;
    handle(message, sender).then(sendResponse, (error: unknown) => {
      console.warn('[CSP Reseller Assistant] refused message', error);
      sendResponse({ error: String(error instanceof Error ? error.message : error) });
    });
    return true;
  });
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
});
