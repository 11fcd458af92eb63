import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { injectIntoOpenPortalTabs } from '../components/background/inject';
import { ProfileStore } from '../components/background/profile-store';
import { ProgressStore } from '../components/background/progress-store';
import { createRouter } from '../components/background/router';
import { removeTabState } from '../components/background/tab-states';

export default defineBackground(() => {
  const router = createRouter(new ProfileStore(), new ProgressStore());
  browser.runtime.onMessage.addListener(router.listener);
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
  // The first-run page, once, on install (never on an update or reload).
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // Chromium only (MV3 `scripting`): portal tabs open across an install, reload or update stay checked.
  if (import.meta.env.MANIFEST_VERSION === 3) {
    browser.runtime.onInstalled.addListener(({ reason }) => {
      if (reason === 'install' || reason === 'update') {
        void injectIntoOpenPortalTabs((browser as unknown as { scripting?: Parameters<typeof injectIntoOpenPortalTabs>[0] }).scripting);
      }
    });
  }

  // The keyboard command opens the issue report for the tab it was pressed on (the report falls back to
  // the most recent portal tab when that one is not a portal page).
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'open-report') return;
    void (async () => {
      const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
      await browser.tabs.create({ url: browser.runtime.getURL(`/report.html${id === undefined ? '' : `?tab=${id}`}`) });
    })();
  });
});
