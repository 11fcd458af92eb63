// The background's router: every message validated against its direction's schema, and accepted only from
// the senders that direction allows. Run against WXT's fakeBrowser (storage.session, runtime) and a
// fake-indexeddb profile store.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProfileStore } from '../../components/background/profile-store';
import { ProgressStore } from '../../components/background/progress-store';
import { createRouter } from '../../components/background/router';
import { getTabState } from '../../components/background/tab-states';
import { issueTotal } from '../../components/contract/extension';

const PORTAL = 'https://partner.microsoft.com/en-us/dashboard/account/v3/enrollment/legal-business-profile';
const fromPortal = (tabId = 7, frameId = 0) => ({
  id: fakeBrowser.runtime.id,
  tab: { id: tabId, url: PORTAL } as never,
  frameId,
  url: PORTAL,
});
const fromOtherSite = () => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 8, url: 'https://partner.microsoft.com.evil.example/' } as never,
  frameId: 0,
  url: 'https://partner.microsoft.com.evil.example/',
});
const fromOptions = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
const fromOptionsTab = () => ({ ...fromOptions(), tab: { id: 3, url: fakeBrowser.runtime.getURL('/options.html') } as never });

let store: ProfileStore;
let router: ReturnType<typeof createRouter>;
let dbCount = 0;

beforeEach(() => {
  fakeBrowser.reset();
  // The background tells tabs and pages about changes; nothing listens in a unit test.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  store = new ProfileStore(`router-test-${dbCount++}`);
  router = createRouter(store, new ProgressStore(`router-test-${dbCount}`));
});

const issue = {
  code: 'personal-email-domain',
  severity: 'error',
  fieldId: 'f1',
  message: 'gmail.com is web-mail',
  fieldLabel: 'Email',
} as const;

describe('page messages', () => {
  it('a portal tab reports its issues and the popup reads them', async () => {
    await expect(router.handle({ type: 'report-issues', url: PORTAL, title: 'Legal', issues: [issue] }, fromPortal())).resolves.toEqual({
      ok: true,
    });
    const { state } = await getTabState(7);
    expect(state?.issues).toEqual([issue]);
  });

  it('are refused from a tab outside the portal, from an extension page and from no tab at all', async () => {
    const report = { type: 'report-issues', url: PORTAL, title: 'x', issues: [issue] };
    await expect(router.handle(report, fromOtherSite())).rejects.toThrow(/only from a portal tab/);
    await expect(router.handle(report, fromOptions())).rejects.toThrow(/only from a portal tab/);
    await expect(
      router.handle({ type: 'learn', learned: { kind: 'company-domain', domain: 'contoso.com' } }, fromOtherSite()),
    ).rejects.toThrow(/only from a portal tab/);
    expect((await getTabState(8)).state).toBeNull();
    expect((await store.current()).profile.company.domains).toEqual([]);
  });

  it('are validated: a malformed report is refused and stores nothing', async () => {
    await expect(
      router.handle({ type: 'report-issues', url: PORTAL, title: 'x', issues: [{ ...issue, severity: 'fatal' }] }, fromPortal()),
    ).rejects.toThrow();
    expect((await getTabState(7)).state).toBeNull();
  });

  it('learning a company domain keeps the registrable domain of a work mailbox only', async () => {
    await router.handle({ type: 'learn', learned: { kind: 'company-domain', domain: 'Mail.Contoso.co.jp' } }, fromPortal());
    await router.handle({ type: 'learn', learned: { kind: 'company-domain', domain: 'gmail.com' } }, fromPortal());
    await router.handle({ type: 'learn', learned: { kind: 'company-domain', domain: 'contoso.onmicrosoft.com' } }, fromPortal());
    expect((await store.current()).profile.company.domains).toEqual(['contoso.co.jp']);
  });

  it('answers domain lookups', async () => {
    const { domains } = (await router.handle({ type: 'lookup-domains', hosts: ['gmail.com'] }, fromPortal())) as {
      domains: { personal: boolean }[];
    };
    expect(domains[0]?.personal).toBe(true);
  });
});

describe('extension-page messages', () => {
  const profile = { version: 1, company: { name: 'Contoso', domains: ['contoso.com'] } };
  /** A save as options makes it: with the stored profile and revision the edit started from. */
  const save = async (edited: unknown, sender: object = fromOptions()) => {
    const { profile: base, revision } = (await router.handle({ type: 'get-profile' }, fromOptions())) as {
      profile: unknown;
      revision: number;
    };
    return router.handle({ type: 'save-profile', profile: edited, base, baseRevision: revision }, sender as never);
  };

  it('a content script cannot edit the profile: save, import and dismiss are refused from a portal tab', async () => {
    await expect(router.handle({ type: 'save-profile', profile }, fromPortal())).rejects.toThrow(
      /a profile change is accepted only from the extension's own pages/,
    );
    await expect(router.handle({ type: 'import-profile', text: JSON.stringify(profile) }, fromPortal())).rejects.toThrow(
      /only from the extension's own pages/,
    );
    await expect(router.handle({ type: 'dismiss-unreadable' }, fromPortal())).rejects.toThrow(/only from the extension's own pages/);
    expect((await store.current()).profile.company.name).toBeUndefined();
  });

  it('nor read it, nor read other tabs', async () => {
    await expect(router.handle({ type: 'get-profile' }, fromPortal())).rejects.toThrow(/only from the extension's own pages/);
    await expect(router.handle({ type: 'get-tab-state', tabId: 1 }, fromPortal())).rejects.toThrow(/only from the extension's own pages/);
  });

  it('another extension is refused too', async () => {
    await expect(router.handle({ type: 'save-profile', profile }, { ...fromOptions(), id: 'someone-else' })).rejects.toThrow(/own pages/);
  });

  it('options (popup-like or opened in a tab) saves and imports', async () => {
    expect(await save(profile)).toMatchObject({ ok: true });
    expect((await store.current()).profile.company.name).toBe('Contoso');
    const imported = await router.handle(
      { type: 'import-profile', text: JSON.stringify({ ...profile, company: { name: 'Fabrikam' } }) },
      fromOptionsTab(),
    );
    expect(imported).toMatchObject({ ok: true, profile: { company: { name: 'Fabrikam' } } });
  });

  it('a bad import is answered with readable errors and changes nothing', async () => {
    await save(profile);
    const result = await router.handle(
      { type: 'import-profile', text: '{"version":1,"partnerIds":[{"id":"12ab","type":"global"}]}' },
      fromOptions(),
    );
    expect(result).toMatchObject({ ok: false });
    expect((await store.current()).profile.company.name).toBe('Contoso');
  });
});

describe('no lost update (#1)', () => {
  const learnId = () =>
    router.handle(
      { type: 'learn', learned: { kind: 'identifiers', partnerIds: [{ id: '7654321', type: 'location', country: 'JP' }] } },
      fromPortal(),
    );
  const getProfile = async () =>
    (await router.handle({ type: 'get-profile' }, fromOptions())) as { profile: { company: object }; revision: number };

  it('#1 a save from options started before a tab learned a PartnerID keeps that PartnerID (merged, not overwritten)', async () => {
    const { profile: base, revision } = await getProfile();
    await learnId();
    const edited = { ...base, company: { ...base.company, name: 'Contoso Japan KK' } };
    const result = await router.handle({ type: 'save-profile', profile: edited, base, baseRevision: revision }, fromOptions());
    expect(result).toMatchObject({ ok: true });
    const stored = (await store.current()).profile;
    expect(stored.company.name).toBe('Contoso Japan KK');
    expect(stored.partnerIds.map((p) => p.id)).toEqual(['7654321']);
  });

  it('#1 a save from a stale base that changes what another tab changed meanwhile is refused, with the part named', async () => {
    const { profile: base, revision } = await getProfile();
    const other = { ...base, company: { ...base.company, name: 'Written by another window' } };
    expect(await router.handle({ type: 'save-profile', profile: other, base, baseRevision: revision }, fromOptions())).toMatchObject({
      ok: true,
    });
    const mine = { ...base, company: { ...base.company, name: 'Mine' } };
    const result = await router.handle({ type: 'save-profile', profile: mine, base, baseRevision: revision }, fromOptions());
    expect(result).toMatchObject({ ok: false, code: 'stale', conflicts: ['company.name'] });
    expect((await store.current()).profile.company.name).toBe('Written by another window');
  });

  it('#1 a save with no base revision never overwrites blindly', async () => {
    await learnId();
    const result = await router.handle({ type: 'save-profile', profile: { version: 1 } }, fromOptions());
    expect(result).toMatchObject({ ok: false, code: 'stale' });
    expect((await store.current()).profile.partnerIds).toHaveLength(1);
  });
});

describe('big input gets an answer, never a throw (#6)', () => {
  it('#6 a 1.5 MB import is answered ok:false "too-large" with a message, and changes nothing', async () => {
    const text = JSON.stringify({ version: 1, company: { name: 'x'.repeat(1_500_000) } });
    const result = await router.handle({ type: 'import-profile', text }, fromOptions());
    expect(result).toMatchObject({ ok: false, code: 'too-large', errors: [expect.stringMatching(/at most 1000000/)] });
  });
});

describe('no false reassurance (#3)', () => {
  it('#3 a tab that left the portal (its page no longer answers) is not reported as having issues', async () => {
    await router.handle({ type: 'report-issues', url: PORTAL, title: 'Legal', issues: [issue] }, fromPortal(7));
    vi.mocked(fakeBrowser.tabs.sendMessage).mockResolvedValue({ href: PORTAL } as never);
    expect(await router.handle({ type: 'get-tab-state', tabId: 7 }, fromOptions())).toMatchObject({ state: { issues: [issue] } });
    vi.mocked(fakeBrowser.tabs.sendMessage).mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await router.handle({ type: 'get-tab-state', tabId: 7 }, fromOptions())).toEqual({ state: null, fromOtherTab: false });
  });

  it('#3 a report counts issues beyond the limit (omitted) and the total says so', async () => {
    await router.handle({ type: 'report-issues', url: PORTAL, title: 'Legal', issues: [issue], omitted: 41 }, fromPortal(7));
    const { state } = await getTabState(7);
    expect(state && issueTotal(state)).toBe(42);
  });
});

describe('the listener', () => {
  it('answers through sendResponse, an { error } when refused, and leaves broadcasts alone', async () => {
    const answer = (message: unknown, sender: object) =>
      new Promise((resolve) => expect(router.listener(message, sender as never, resolve)).toBe(true));
    expect(await answer({ type: 'save-profile', profile: {} }, fromPortal())).toMatchObject({ error: expect.stringMatching(/own pages/) });
    expect(await answer({ type: 'nonsense' }, fromOptions())).toMatchObject({ error: expect.any(String) });
    expect(await answer({ type: 'get-tab-state' }, fromOptions())).toEqual({ state: null, fromOtherTab: false });
    expect(router.listener({ type: 'tab-state-changed', tabId: 1 }, fromOptions() as never, () => {})).toBe(false);
    expect(router.listener({ type: 'facts-changed', facts: {} }, fromOptions() as never, () => {})).toBe(false);
  });
});

describe('enrollment progress', () => {
  const LEGAL = 'https://partner.microsoft.com/ja-jp/dashboard/v2/account-settings/organization/legalinfo';
  const onLegalInfo = () => ({ ...fromPortal(), url: LEGAL, tab: { id: 7, url: LEGAL } as never });

  it("a portal page records evidence, kept with the path it was seen on; the popup reads it with the profile's own", async () => {
    await router.handle(
      { type: 'import-profile', text: JSON.stringify({ version: 1, partnerIds: [{ id: '7654321', type: 'location', country: 'JP' }] }) },
      fromOptions(),
    );
    const answer = await router.handle(
      { type: 'page-evidence', page: { headings: ['法的情報'], texts: ['プログラム情報', '間接リセラー', 'アクティブ'] } },
      onLegalInfo(),
    );
    expect(answer).toEqual({ changed: true, reads: ['texts'], watch: true });
    const { progress } = (await router.handle({ type: 'get-progress' }, fromOptions())) as {
      progress: { evidence: Record<string, { path: string; value: string }> };
    };
    expect(progress.evidence['csp-status']).toMatchObject({
      value: 'active',
      path: '/dashboard/v2/account-settings/organization/legalinfo',
    });
    expect(progress.evidence['pla-known']).toBeDefined();
  });

  it('"Authorize indirect provider" counts only on the relationship request page', async () => {
    const REQUEST = 'https://partner.microsoft.com/en-us/dashboard/v2/customers/indirectresellers/relationshiprequest/x';
    const onRequest = { ...fromPortal(), url: REQUEST, tab: { id: 7, url: REQUEST } as never };
    expect(await router.handle({ type: 'authorized-provider', seen: 'Authorize indirect provider' }, onLegalInfo())).toEqual({
      changed: false,
    });
    expect(await router.handle({ type: 'authorized-provider', seen: 'Authorize indirect provider' }, onRequest)).toEqual({
      changed: true,
    });
  });

  it('a content script can neither read the progress nor set a step', async () => {
    await expect(router.handle({ type: 'set-step-state', stepId: 'accept-mpa', state: 'done' }, fromPortal())).rejects.toThrow(/own pages/);
    await expect(router.handle({ type: 'get-progress' }, fromPortal())).rejects.toThrow(/own pages/);
  });

  it('a hand-set state is stored, and reset to automatic', async () => {
    await router.handle({ type: 'set-step-state', stepId: 'accept-mpa', state: 'skipped' }, fromOptions());
    let { progress } = (await router.handle({ type: 'get-progress' }, fromOptions())) as {
      progress: { manual: Record<string, { state: string }> };
    };
    expect(progress.manual['accept-mpa']?.state).toBe('skipped');
    await router.handle({ type: 'set-step-state', stepId: 'accept-mpa', state: 'auto' }, fromOptions());
    ({ progress } = (await router.handle({ type: 'get-progress' }, fromOptions())) as {
      progress: { manual: Record<string, { state: string }> };
    });
    expect(progress.manual).toEqual({});
  });

  it("the badge shows the tab's errors, else its warnings, else nothing", async () => {
    const texts: [number, string][] = [];
    const api = {
      setBadgeText: vi.fn(async (d: { tabId: number; text: string }) => void texts.push([d.tabId, d.text])),
      setBadgeBackgroundColor: vi.fn(async () => {}),
    };
    (fakeBrowser as unknown as { action: unknown }).action = api;
    const warning = { ...issue, code: 'group-alias-email', severity: 'warning' as const, fieldId: 'f2' };
    await router.handle({ type: 'report-issues', url: PORTAL, title: 't', issues: [issue, warning] }, fromPortal(7));
    await router.handle({ type: 'report-issues', url: PORTAL, title: 't', issues: [warning] }, fromPortal(9));
    await router.handle({ type: 'report-issues', url: PORTAL, title: 't', issues: [] }, fromPortal(9));
    expect(texts).toEqual([
      [7, '1'],
      [9, '1'],
      [9, ''],
    ]);
    expect(api.setBadgeBackgroundColor).toHaveBeenNthCalledWith(1, { tabId: 7, color: '#c50f1f' });
    expect(api.setBadgeBackgroundColor).toHaveBeenNthCalledWith(2, { tabId: 9, color: '#8a5300' });
  });
});

describe('progress in the team-profile file', () => {
  const team = { format: 'csp-reseller-assistant/team-profile', version: 1, company: { name: 'Contoso' } };
  const progressOf = async () =>
    ((await router.handle({ type: 'get-progress' }, fromOptions())) as { progress: { manual: Record<string, { state: string }> } })
      .progress;

  it('an import with a progress section brings it; one without keeps the local progress', async () => {
    const withProgress = {
      ...team,
      progress: { version: 1, evidence: {}, manual: { 'accept-mpa': { state: 'done', at: '2026-11-25T00:00:00.000Z' } } },
    };
    expect(await router.handle({ type: 'import-profile', text: JSON.stringify(withProgress) }, fromOptions())).toMatchObject({ ok: true });
    expect((await progressOf()).manual['accept-mpa']?.state).toBe('done');
    expect(await router.handle({ type: 'import-profile', text: JSON.stringify(team) }, fromOptions())).toMatchObject({ ok: true });
    expect((await progressOf()).manual['accept-mpa']?.state).toBe('done');
  });

  it('a progress section that does not validate changes nothing and says where', async () => {
    const bad = {
      ...team,
      company: { name: 'Fabrikam' },
      progress: { version: 1, manual: { 'accept-mpa': { state: 'finished', at: 'x' } } },
    };
    const result = await router.handle({ type: 'import-profile', text: JSON.stringify(bad) }, fromOptions());
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/^progress\.manual\.accept-mpa\.state/)] });
    expect((await store.current()).profile.company.name).toBeUndefined();
  });
});
