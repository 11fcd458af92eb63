import { browser } from 'wxt/browser';

/** Opens the issue report for a portal tab in a new tab beside it (the report reads that tab). */
export async function openReport(tabId: number | undefined): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(`/report.html${tabId === undefined ? '' : `?tab=${tabId}`}`) });
}
