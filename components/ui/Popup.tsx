import { browser } from 'wxt/browser';
import { strings } from './strings';
import { uiLocale } from './locale';
import { TabSummary } from './TabSummary';

/** Opens the checklist: Chrome's side panel or Firefox's sidebar. Must run inside a click handler. */
async function openSidebar(): Promise<void> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  if (chromeSidePanel) {
    const win = await browser.windows.getCurrent();
    await chromeSidePanel.open({ windowId: win.id! });
  } else {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  }
  window.close();
}

export function Popup() {
  const locale = uiLocale();
  const t = strings(locale);
  return (
    <main class="popup" lang={locale}>
      <h1>{t.sidebarTitle}</h1>
      <TabSummary locale={locale} full={false} />
      <button type="button" id="open-sidebar" onClick={() => void openSidebar()}>
        {t.openSidebar}
      </button>
    </main>
  );
}
