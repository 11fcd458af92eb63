import { browser } from 'wxt/browser';
import type { CoverValues } from '../contract/page';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A picture of the portal tab with every field value and learned value covered: the content script lays
 * opaque blocks over them, the tab is shown and captured, the blocks are removed right after, and the
 * report's tab comes back. Needs `activeTab` (granted when the popup or the keyboard command was used on
 * the portal tab).
 */
export async function takeScreenshot(
  tabId: number,
  frameIds: number[],
): Promise<{ ok: true; dataUrl: string } | { ok: false; error: string }> {
  const self = await browser.tabs.getCurrent();
  const frames = [...new Set([0, ...frameIds])];
  const cover = (on: boolean) =>
    Promise.all(
      frames.map((frameId) =>
        browser.tabs.sendMessage(tabId, { type: 'cover-values', on } satisfies CoverValues, { frameId }).catch(() => false),
      ),
    );
  try {
    const tab = await browser.tabs.update(tabId, { active: true });
    await pause(250);
    const covered = await cover(true);
    if (covered[0] !== true) return { ok: false, error: 'the portal tab did not answer (reload it and try again)' };
    await pause(150);
    const dataUrl = await browser.tabs.captureVisibleTab(tab!.windowId!, { format: 'png' });
    return { ok: true, dataUrl };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await cover(false);
    if (self?.id !== undefined) await browser.tabs.update(self.id, { active: true }).catch(() => {});
  }
}
