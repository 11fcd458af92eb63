import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ProfileStore } from '../components/background/profile-store';
import { createRouter } from '../components/background/router';
import { removeTabState } from '../components/background/tab-states';

export default defineBackground(() => {
  const router = createRouter(new ProfileStore());
  browser.runtime.onMessage.addListener(router.listener);
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
});
