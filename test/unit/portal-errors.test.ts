// Each portal error the background recognises for the page, with texts that must match and near-misses that
// must not; and each code's explanation, the same on the mark and in the report.
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks';
import { portalSeverity } from '../../rules/checks/portal-error';
import { recognisePortalErrors, PORTAL_CODES } from '../../rules/portal/errors';
import { renderMessage } from '../../rules/run-checks';
import { pageResponseSchemas } from '../../components/contract/page';
import { STEPS } from '../../rules/companion/steps';
import { fixOf } from '../../rules/fixes';
import { explainPortalCode, explainPortalErrors } from '../../rules/portal/explain';
import { explainPortalError } from '../../rules/report/portal';

const MATCHES: Record<string, string[]> = {
  '2200': [
    'Requested MPN Id 4455668 is either invalid or does not exist in Partner Center.',
    'Error 2200',
    'MPN ID 4455668 は無効であるか、パートナー センターに存在しません (2200)。',
    'エラー コード: 2200',
  ],
  '2201': [
    "The CSP region of the requested PartnerID 123456 is India and doesn't match the CSP region United States of Indirect Provider.",
    'Error code: 2201.',
    'エラー コード：２２０１',
  ],
  '2203': [
    'MPN Id 123456 has not signed Microsoft Partner Agreement (MPA) for the CSP region where the order is being placed',
    '(2203)',
    'MPA に未同意です (エラー 2203)',
  ],
  '2204': ['Requested MPN Id 123456 is not associated with any CSP Indirect Reseller account', 'Error: 2204', 'エラー：２２０４'],
  '800015': ['Error code 800015: PartnerID not found', 'エラー 800015'],
  '800016': ['Code: 800016 (not a valid indirect reseller)', '[800016]'],
  '800039': ['The reseller program status is not active (800039).', 'error 800039'],
  '900123': ['Error 900123 - MPA not accepted', '同意が確認できません [900123]'],
  '900400': ['Error 900400: The PLA ID (formerly MPN ID) …', 'errorCode=900400'],
  'mpn-not-numeric': ['MPN Id must be numeric', 'The partner ID must be numeric.', 'エラー: MPN Id must be numeric'],
  VerifiedShippable: ['Address validation: VerifiedShippable'],
  Verified: ['Status: Verified', '住所の検証 ステータス：Verified'],
  InteractionRequired: ['住所の検証: InteractionRequired', 'InteractionRequired'],
  NotValidated: ['Address validation status: NotValidated'],
};

const NEAR_MISSES = [
  'Order #2204 was placed.',
  'Questions? Call 0120-2200-15.',
  'Your email address is verified.',
  'The address was verified by the service.',
  'Error: PartnerID 800015 not found in your list', // the ID follows "PartnerID", not the code word
  'Invoice 2201 is due.',
  '注文番号 2204 を受け付けました。メール アドレスは確認済みです。',
  'Error code: 2202.', // not a documented code
  'Error 22015', // a longer number
  '2200 Main Street, Suite 800015',
  'interactionrequired', // statuses are the service's CamelCase words
  'Status: Unverified',
  // Japanese messages without their code are not guessed at: nobody here has seen their wording.
  'MPN ID は数値である必要があります',
  'MPN ID 4455668 は無効であるか、パートナー センターに存在しません。',
  '要求された PartnerID の CSP リージョン (インド) は、間接プロバイダーの CSP リージョン (米国) と一致しません。',
];

describe('recognisePortalErrors', () => {
  it('knows every documented code (and has matches for each)', () => {
    expect(Object.keys(MATCHES).sort()).toEqual([...PORTAL_CODES].sort());
  });
  for (const [code, texts] of Object.entries(MATCHES)) {
    it.each(texts)(`${code}: %s`, (text) => {
      expect(recognisePortalErrors(text)).toContain(code);
    });
  }
  it.each(NEAR_MISSES)('stays quiet on %s', (text) => {
    expect(recognisePortalErrors(text)).toEqual([]);
  });
  it('reports a code once, in the order of the text', () => {
    expect(
      recognisePortalErrors(
        "Error code: 2201. The CSP region of the requested PartnerID 1 is India and doesn't match … (2201). MPN Id must be numeric",
      ),
    ).toEqual(['2201', 'mpn-not-numeric']);
  });
  it('never throws on odd text', () => {
    for (const t of ['', '\u0000', '(((((', 'エラー'.repeat(1000), '1'.repeat(10000)])
      expect(Array.isArray(recognisePortalErrors(t))).toBe(true);
  });
});

describe('portal-error explanations', () => {
  it.each([...PORTAL_CODES])('%s: the mark says in en and ja what it means and what to do, and names its step', (code) => {
    const params = explainPortalCode(code)!;
    expect(params.code).toBe(code);
    expect(STEPS.map((s) => s.id)).toContain(params.step);
    const issue = { code: 'portal-error', message: '', params };
    const en = renderMessage(CHECKS, issue, 'en');
    const ja = renderMessage(CHECKS, issue, 'ja');
    expect(en).toContain(code === 'mpn-not-numeric' ? 'must be numeric' : code);
    expect(en).toContain(params.means.en);
    expect(en).toContain(`What to do: ${params.todo.en}`);
    expect(ja).toContain(params.means.ja);
    expect(ja).toContain(`対処: ${params.todo.ja}`);
    expect(ja).toMatch(/[\u3040-\u30ff]/);
    expect(params.means.en).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(['error', 'warning', 'info']).toContain(portalSeverity(code));
    // The card's "open the step" goes to the step that fixes the code.
    expect(fixOf('portal-error', params).step).toBe(params.step);
  });

  it('the report uses the same words and step as the mark (one source)', () => {
    for (const code of PORTAL_CODES) {
      const params = explainPortalCode(code)!;
      for (const locale of ['en', 'ja'] as const) {
        const r = explainPortalError(code, locale);
        expect([r.means, r.todo, r.step]).toEqual([params.means[locale], params.todo[locale], params.step]);
      }
    }
  });

  it('the answer the page gets: per text, its codes explained; nothing for a code not documented', () => {
    expect(explainPortalErrors('Error code: 2201. MPN Id must be numeric').map((e) => [e.code, e.step])).toEqual([
      ['2201', 'choose-distributor'],
      ['mpn-not-numeric', 'associate-pla'],
    ]);
    expect(explainPortalErrors('Error code: 2202.')).toEqual([]);
    expect(explainPortalCode('2202')).toBeUndefined();
    expect(explainPortalCode('__proto__')).toBeUndefined();
    expect(explainPortalCode('constructor')).toBeUndefined();
    const answer = { errors: ['Error 2201', 'Saved.', '(900123)'].map(explainPortalErrors) };
    expect(pageResponseSchemas['recognise-portal-errors'].parse(answer)).toEqual(answer);
  });
});
