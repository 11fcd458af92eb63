import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { ProfileStore } from '../components/background/profile-store';
import { ProgressStore } from '../components/background/progress-store';
import { createRouter } from '../components/background/router';
import { removeTabState } from '../components/background/tab-states';

export default defineBackground(() => {
  const router = createRouter(new ProfileStore(), new ProgressStore());
  browser.runtime.onMessage.addListener(router.listener);
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
});
