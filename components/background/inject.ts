import { browser } from 'wxt/browser';
import type { Ping } from '../contract/page';

/** The portal's tabs, as `tabs.query` and the content script's `matches` name them. */
const PORTAL_TABS = 'https://partner.microsoft.com/*';
/** Where WXT puts the content script in the build. */
const CONTENT_SCRIPT = 'content-scripts/content.js';

interface Scripting {
  executeScript(injection: { target: { tabId: number; allFrames?: boolean }; files: string[] }): Promise<unknown>;
}

/**
 * Chromium does not run content scripts in tabs that were open when the extension was installed,
 * reloaded or updated: the old instance is orphaned and the tab goes unchecked, with no word. So on
 * install and update, every open portal tab whose page does not answer a ping gets the content script
 * (`scripting` permission, host access to the portal). Firefox re-injects by itself: nothing to do there.
 */
export async function injectIntoOpenPortalTabs(scripting: Scripting | undefined): Promise<number> {
  if (!scripting) return 0;
  let injected = 0;
  for (const tab of await browser.tabs.query({ url: PORTAL_TABS })) {
    if (tab.id === undefined || tab.discarded) continue;
    const ping: Ping = { type: 'csp-ping' };
    const alive = await browser.tabs.sendMessage(tab.id, ping, { frameId: 0 }).then(
      (answer) => answer != null,
      () => false,
    );
    if (alive) continue;
    try {
      await scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT] });
      injected++;
    } catch (error) {
      console.warn('[CSP Reseller Assistant] could not check an open portal tab', error);
    }
  }
  return injected;
}
