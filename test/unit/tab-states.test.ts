// Each tab's issues in storage.session (fakeBrowser): frames add up, a navigation drops old frames, a
// closed tab is forgotten, and an extension tab falls back to the last portal tab.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getTabState, knownTabIds, putFrameIssues, removeTabState } from '../../components/background/tab-states';

const A = 'https://partner.microsoft.com/en-us/a';
const B = 'https://partner.microsoft.com/en-us/b';
const issue = (fieldId: string, code = 'personal-email-domain') => ({
  code,
  severity: 'error' as const,
  fieldId,
  message: 'm',
  fieldLabel: 'Email',
});

beforeEach(() => fakeBrowser.reset());

describe('tab states', () => {
  it("adds up a page's frames, the page's own first, with frame-prefixed field ids", async () => {
    await putFrameIssues({ tabId: 1, frameId: 5, url: `${A}/frame`, title: 'frame', issues: [issue('f1')] });
    await putFrameIssues({ tabId: 1, frameId: 0, url: A, title: 'A', issues: [issue('f1')] });
    const { state } = await getTabState(1);
    expect(state?.issues.map((i) => i.fieldId)).toEqual(['f1', '5:f1']);
    expect(state?.url).toBe(A);
    expect(state?.title).toBe('A');
  });

  it('a page that moves to another URL drops what its frames reported', async () => {
    await putFrameIssues({ tabId: 1, frameId: 0, url: A, title: 'A', issues: [] });
    await putFrameIssues({ tabId: 1, frameId: 3, url: `${A}/frame`, title: 'f', issues: [issue('f1')] });
    await putFrameIssues({ tabId: 1, frameId: 0, url: B, title: 'B', issues: [issue('f2')] });
    expect((await getTabState(1)).state?.issues.map((i) => i.fieldId)).toEqual(['f2']);
  });

  it('reports arriving together are all kept (writes run one at a time)', async () => {
    await Promise.all(
      [1, 2, 3, 4, 5].map((tabId) => putFrameIssues({ tabId, frameId: 0, url: A, title: 'A', issues: [issue(`f${tabId}`)] })),
    );
    expect((await knownTabIds()).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('a closed tab is forgotten; an unknown tab falls back to the last portal tab and says so', async () => {
    await putFrameIssues({ tabId: 1, frameId: 0, url: A, title: 'A', issues: [issue('f1')] });
    await putFrameIssues({ tabId: 2, frameId: 0, url: B, title: 'B', issues: [] });
    expect(await getTabState(99)).toMatchObject({ fromOtherTab: true, state: { tabId: 2 } });
    await removeTabState(1);
    expect(await knownTabIds()).toEqual([2]);
    expect((await getTabState(1)).state?.tabId).toBe(2);
  });

  it('a corrupt stored value reads as no state, never a crash', async () => {
    await fakeBrowser.storage.session.set({ tabStates: { 1: { tabId: 'one' } } });
    expect(await getTabState(1)).toEqual({ state: null, fromOtherTab: false });
  });
});
