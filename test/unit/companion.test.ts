// The enrollment companion's pure part: steps as data, evidence read from status texts (en and ja,
// with near-misses), progress, the next step, and POR readiness.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isAuthorizeProviderText,
  readAdminAgent,
  readEmailVerification,
  readIndirectProvider,
  readMpa,
  readProgramStatus,
} from '../../rules/companion/evidence';
import {
  autoStatus,
  doneCount,
  emptyProgress,
  nextStep,
  porReadiness,
  profileEvidence,
  recordEvidence,
  setManual,
  stepViews,
  type EvidenceRecord,
  type Progress,
} from '../../rules/companion/progress';
import { deepLink, EVIDENCE_KINDS, PHASES, portalLocale, stepOfPage, STEPS, type EvidenceKind } from '../../rules/companion/steps';
import { progressSchema } from '../../components/contract/progress';

const AT = '2026-11-25T10:00:00.000Z';
const ev = (kind: EvidenceKind, value = 'seen', at = AT): EvidenceRecord => ({ kind, value, seen: value, path: '/x', at });
const withEvidence = (...records: EvidenceRecord[]): Progress => records.reduce(recordEvidence, emptyProgress());

describe('steps as data', () => {
  it('17 steps, numbered 0–16 in order, with unique stable ids, en + ja words, and a known phase', () => {
    expect(STEPS.map((s) => s.n)).toEqual([...Array(17).keys()]);
    expect(new Set(STEPS.map((s) => s.id)).size).toBe(17);
    for (const s of STEPS) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(PHASES).toContain(s.phase);
      for (const text of [s.title.ja, s.todo.ja]) expect(text).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(s.todo.en.length).toBeGreaterThan(20);
      for (const rule of s.evidence) expect(EVIDENCE_KINDS).toContain(rule.kind);
    }
    expect(new Set(STEPS.map((s) => s.phase))).toEqual(new Set(PHASES));
  });

  it("deep links carry the tab's locale prefix, or none", () => {
    const pla = STEPS.find((s) => s.id === 'associate-pla')!;
    expect(deepLink(pla, 'ja-jp')).toBe('https://partner.microsoft.com/ja-jp/dashboard/account/v3/organization/identity');
    expect(deepLink(pla, '')).toBe('https://partner.microsoft.com/dashboard/account/v3/organization/identity');
    expect(portalLocale('https://partner.microsoft.com/en-us/dashboard/home')).toBe('en-us');
    expect(portalLocale('https://partner.microsoft.com/dashboard/home')).toBe('');
    expect(
      deepLink(
        STEPS.find((s) => s.id === 'open-welcome')!,
        'ja-jp',
      ),
    ).toBe('https://aka.ms/accounts/varEnrollment');
  });

  it.each([
    ['https://partner.microsoft.com/en-us/dashboard/account/v3/organization/identity', 'associate-pla'],
    ['https://partner.microsoft.com/ja-jp/dashboard/v2/account-settings/organization/identity?x=1', 'associate-pla'],
    ['https://partner.microsoft.com/dashboard/v2/account-settings/organization/legalinfo#csp', 'business-verification'],
    ['https://partner.microsoft.com/en-us/dashboard/account/v3/settings/agreements', 'accept-mpa'],
    ['https://partner.microsoft.com/en-us/dashboard/v2/customers/indirectresellers/relationshiprequest/8f3c', 'authorize-distributor'],
    ['https://partner.microsoft.com/ja-jp/dashboard/v2/customers/indirectproviders', 'distributor-listed'],
    ['https://partner.microsoft.com/en-us/dashboard/account/v3/usermanagement#users', 'admin-agent-role'],
  ])('%s belongs to %s', (url, id) => expect(stepOfPage(url)?.id).toBe(id));

  it('pages of no step, and pages outside the portal, belong to none; a heading places an unknown path', () => {
    expect(stepOfPage('https://partner.microsoft.com/en-us/dashboard/home')).toBeNull();
    expect(stepOfPage('https://partner.microsoft.com.evil.example/en-us/dashboard/account/v3/organization/identity')).toBeNull();
    expect(stepOfPage('https://example.com/dashboard/account/v3/settings/agreements', ['Agreements'])).toBeNull();
    expect(stepOfPage('https://partner.microsoft.com/en-us/dashboard/new-ui/x', ['契約'])?.id).toBe('accept-mpa');
    expect(stepOfPage('https://partner.microsoft.com/en-us/dashboard/new-ui/x', ['Agreements and more'])).toBeNull();
  });
});

describe('evidence from status texts', () => {
  it.each([
    [['Program information', 'Indirect reseller', 'Active'], 'active'],
    [['Program information', 'Indirect reseller', 'Status: Authorized'], 'authorized'],
    [['Indirect reseller', 'Qualified', 'Accept the Microsoft Partner Agreement'], 'qualified'],
    [['Indirect reseller', 'Pending'], 'pending'],
    [['Indirect reseller', 'Rejected'], 'rejected'],
    [['プログラム情報', '間接リセラー', 'アクティブ'], 'active'],
    [['間接リセラー', '状態：承認済み'], 'authorized'],
    [['間接リセラー', '保留中'], 'pending'],
    [['間接リセラー', '資格あり'], 'qualified'],
    [['間接リセラー', '拒否'], 'rejected'],
  ])('program status %j → %s', (texts, value) => expect(readProgramStatus(texts)?.value).toBe(value));

  it.each([
    [['Pending actions', 'Active subscriptions']],
    [['Direct bill partner', 'Active']],
    [['Indirect reseller', 'Learn how an indirect reseller becomes active with a distributor']],
    [['保留中のアクション', 'アクティブなサブスクリプション']],
    [['Indirect reseller', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'Active']],
  ])('near-miss %j says nothing', (texts) => expect(readProgramStatus(texts)).toBeNull());

  it('the MPA row, en and ja, and rows that are another agreement', () => {
    expect(readMpa([['Microsoft Partner Agreement', 'Version 2024', 'Accepted']])?.value).toBe('accepted');
    expect(readMpa([['マイクロソフト パートナー契約', '同意済み']])?.value).toBe('accepted');
    expect(readMpa([['Microsoft Partner Agreement (MPA)', 'Pending']])?.value).toBe('pending');
    expect(
      readMpa([
        ['Microsoft Customer Agreement', 'Accepted'],
        ['Microsoft Partner Agreement', 'Show details'],
      ]),
    ).toBeNull();
  });

  it('Admin agent for the signed-in user only', () => {
    const rows = [
      ['Jane Doe', 'jane@contoso.co.jp', 'Global admin, Admin agent'],
      ['Taro', 'taro@contoso.co.jp', 'Sales agent'],
    ];
    expect(readAdminAgent(rows, 'jane@contoso.co.jp')?.kind).toBe('admin-agent');
    expect(readAdminAgent(rows, 'taro@contoso.co.jp')).toBeNull();
    expect(readAdminAgent(rows, null)).toBeNull();
    expect(readAdminAgent([['山田 太郎 (自分)', '管理エージェント']], null)?.kind).toBe('admin-agent');
  });

  it('the distributor on Indirect providers, with its status', () => {
    expect(
      readIndirectProvider([
        ['Name', 'Status'],
        ['Example Distribution KK', 'Active'],
      ]),
    ).toMatchObject({ value: 'active', seen: 'Example Distribution KK: Active' });
    expect(readIndirectProvider([['サンプル ディストリビューション', '保留中']])?.value).toBe('pending');
    expect(readIndirectProvider([['No indirect providers yet']])).toBeNull();
  });

  it('the email-verification notice, and sentences that only mention email', () => {
    expect(readEmailVerification(['Action needed: Verify your email'])?.value).toBe('pending');
    expect(readEmailVerification(['確認メールを再送信'])?.value).toBe('pending');
    expect(readEmailVerification(['Primary contact email verified'])?.value).toBe('verified');
    expect(readEmailVerification(['Email address', 'Send email to support'])).toBeNull();
  });

  it('the Authorize indirect provider button, en and ja', () => {
    expect(isAuthorizeProviderText(' Authorize indirect provider ')).toBe(true);
    expect(isAuthorizeProviderText('間接プロバイダーを承認する')).toBe(true);
    expect(isAuthorizeProviderText('Authorize')).toBe(false);
  });
});

describe('progress', () => {
  const byId = (views: ReturnType<typeof stepViews>) => Object.fromEntries(views.map((v) => [v.step.id, v.status]));

  it('an empty profile: nothing done, step 0 next', () => {
    const views = stepViews(emptyProgress());
    expect(doneCount(views)).toBe(0);
    expect(nextStep(views)?.step.id).toBe('partner-program-membership');
  });

  it('the program status moves steps 8 and 10: Qualified verified but MPA pending, Active done, Rejected blocked', () => {
    expect(byId(stepViews(withEvidence(ev('csp-status', 'qualified'))))).toMatchObject({
      'business-verification': 'done',
      'accept-mpa': 'in-progress',
      'status-active': 'in-progress',
    });
    expect(byId(stepViews(withEvidence(ev('csp-status', 'active'))))).toMatchObject({
      'business-verification': 'done',
      'status-active': 'done',
    });
    expect(byId(stepViews(withEvidence(ev('csp-status', 'rejected'))))).toMatchObject({
      'business-verification': 'blocked',
      'status-active': 'blocked',
    });
  });

  it('a hand-set state wins over evidence until reset to automatic', () => {
    let p = withEvidence(ev('csp-status', 'pending'));
    p = setManual(p, 'status-active', 'done', AT);
    expect(byId(stepViews(p))['status-active']).toBe('done');
    p = setManual(p, 'status-active', 'auto', AT);
    expect(byId(stepViews(p))['status-active']).toBe('in-progress');
    expect(setManual(p, 'no-such-step', 'done', AT)).toBe(p);
  });

  it('newer evidence replaces older; a late older reading does not', () => {
    let p = withEvidence(ev('mpa', 'pending', '2026-11-01T00:00:00Z'));
    p = recordEvidence(p, ev('mpa', 'accepted', '2026-11-02T00:00:00Z'));
    p = recordEvidence(p, ev('mpa', 'pending', '2026-11-01T12:00:00Z'));
    expect(p.evidence.mpa?.value).toBe('accepted');
    expect(
      autoStatus(
        STEPS.find((s) => s.id === 'accept-mpa')!,
        p.evidence,
      ).status,
    ).toBe('done');
  });

  it('the profile gives evidence: PLA known and associated, profile submitted, domain, distributor', () => {
    const e = profileEvidence({
      partnerIds: [
        { id: '1234567', type: 'global' },
        { id: '7654321', type: 'location', country: 'JP' },
      ],
      associatedPartnerId: '7654321',
      companyName: 'Contoso KK',
      companyCountry: 'JP',
      companyDomains: ['contoso.co.jp'],
      distributor: { name: 'Example', region: 'japan' },
    });
    expect(Object.keys(e).sort()).toEqual(['account-seen', 'distributor-set', 'legal-profile-submitted', 'pla-associated', 'pla-known']);
    expect(
      profileEvidence({ partnerIds: [{ id: '1234567', type: 'global' }], associatedPartnerId: '1234567', companyDomains: [] }),
    ).toEqual({});
  });

  it('any sequence of evidence and hand edits yields a valid stored state', () => {
    const kind = fc.constantFrom(...EVIDENCE_KINDS);
    const record = fc.record({
      kind,
      value: fc.string({ maxLength: 30 }),
      seen: fc.string({ maxLength: 200 }),
      path: fc.string({ maxLength: 200 }),
      at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    });
    const edit = fc.record({
      step: fc.constantFrom(...STEPS.map((s) => s.id), 'bogus'),
      state: fc.constantFrom('todo', 'in-progress', 'done', 'blocked', 'skipped', 'auto') as fc.Arbitrary<never>,
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            record.map((r) => ({ r })),
            edit.map((e) => ({ e })),
          ),
          { maxLength: 40 },
        ),
        (ops) => {
          let p = emptyProgress();
          for (const op of ops) p = 'r' in op ? recordEvidence(p, op.r as EvidenceRecord) : setManual(p, op.e.step, op.e.state, AT);
          expect(progressSchema.safeParse({ version: 1, ...p }).success).toBe(true);
          const views = stepViews(p);
          expect(views).toHaveLength(17);
          expect(doneCount(views)).toBeLessThanOrEqual(17);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('POR readiness', () => {
  const base = {
    partnerIds: [{ id: '7654321', type: 'location' as const, country: 'JP' }],
    associatedPartnerId: '7654321',
    companyCountry: 'JP',
    distributorRegion: 'japan',
  };
  const states = (c: ReturnType<typeof porReadiness>) => Object.fromEntries(c.map((x) => [x.id, x.state]));

  it('unknown from an empty profile, in both languages', () => {
    for (const locale of ['en', 'ja'] as const) {
      const c = porReadiness({ evidence: {}, partnerIds: [] }, locale);
      expect(states(c)).toEqual({ pla: 'unknown', region: 'unknown', status: 'unknown', mpa: 'unknown', distributor: 'unknown' });
      for (const x of c) expect(x.why.length).toBeGreaterThan(10);
    }
  });

  it('all met once everything has been seen', () => {
    const evidence = withEvidence(ev('csp-status', 'active'), ev('mpa', 'accepted'), ev('distributor-listed', 'active')).evidence;
    expect(states(porReadiness({ ...base, evidence }, 'en'))).toEqual({
      pla: 'met',
      region: 'met',
      status: 'met',
      mpa: 'met',
      distributor: 'met',
    });
  });

  it('not met: another region, a pending status, a Qualified account (MPA missing), a pending distributor', () => {
    const evidence = withEvidence(ev('csp-status', 'qualified'), ev('distributor-listed', 'pending')).evidence;
    const c = porReadiness({ ...base, distributorRegion: 'united-states', evidence }, 'ja');
    expect(states(c)).toEqual({ pla: 'met', region: 'not-met', status: 'not-met', mpa: 'not-met', distributor: 'not-met' });
    expect(c.find((x) => x.id === 'region')!.why).toMatch(/日本.*米国|日本.*United/);
  });

  it('a PGA as associated ID is no PLA', () => {
    expect(
      states(porReadiness({ evidence: {}, partnerIds: [{ id: '1234567', type: 'global' }], associatedPartnerId: '1234567' }, 'en')).pla,
    ).toBe('unknown');
  });
});

describe('stored progress', () => {
  it('a stored record is validated: defaults fill what an older record lacks; a bad record is refused with where and why', async () => {
    const { parseProgress, PROGRESS_VERSION } = await import('../../components/contract/progress');
    expect(parseProgress({ version: PROGRESS_VERSION })).toEqual({ ok: true, progress: { version: 1, evidence: {}, manual: {} } });
    const bad = parseProgress({ version: 1, manual: { 'accept-mpa': { state: 'finished', at: AT } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join()).toMatch(/manual\.accept-mpa\.state/);
    expect(parseProgress({ version: 2 }).ok).toBe(false);
    expect(parseProgress('not an object').ok).toBe(false);
  });

  it('a record that no longer validates is set aside under a timestamped key, never lost, and progress starts afresh', async () => {
    const { createStore, get, keys, set } = await import('idb-keyval');
    const { ProgressStore } = await import('../../components/background/progress-store');
    const db = `progress-test-${Math.random()}`;
    const raw = createStore(db, 'kv');
    await set('progress', { version: 1, evidence: { mpa: { kind: 'mpa', value: 'x'.repeat(99), seen: '', path: '', at: AT } } }, raw);
    const store = new ProgressStore(db);
    expect(await store.current()).toEqual({ version: 1, evidence: {}, manual: {} });
    const aside = (await keys(raw)).filter((k) => String(k).startsWith('progress.unreadable.'));
    expect(aside).toHaveLength(1);
    expect(((await get(aside[0]!, raw)) as { value: unknown }).value).toMatchObject({ evidence: { mpa: { kind: 'mpa' } } });
    const { progress } = await store.update((p) => setManual(p, 'accept-mpa', 'done', AT));
    expect(progress.manual['accept-mpa']?.state).toBe('done');
  });
});
