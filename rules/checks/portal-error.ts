import { portalSeverity, type PortalCode } from '../portal/errors';
import { defineCheck } from '../run-checks';
import type { Locale } from '../types';

/** The portal's own code (a number, `mpn-not-numeric`, or an address-verification status). */
type Params = { code: string };

type Group = 'id' | 'format' | 'region' | 'mpa' | 'reseller' | 'status' | 'addr-ok' | 'addr-look' | 'addr-none';
const GROUP: Record<PortalCode, Group> = {
  '2200': 'id', '800015': 'id', 'mpn-not-numeric': 'format', '900400': 'format', '2201': 'region', '2203': 'mpa', '900123': 'mpa',
  '2204': 'reseller', '800016': 'reseller', '800039': 'status', Verified: 'addr-ok', VerifiedShippable: 'addr-ok',
  InteractionRequired: 'addr-look', NotValidated: 'addr-none',
};

/** What it means and what to do, in a sentence or two (the report page adds the step's link). */
const SAYS: Record<Locale, Record<Group, string>> = {
  en: {
    id: 'unknown PartnerID; give your PLA ID (Identifiers)',
    format: 'give the PLA ID, digits only',
    region: "your CSP region is not the distributor's",
    mpa: 'MPA not accepted for this region (Agreements)',
    reseller: 'no CSP reseller has this ID; give the Associated PartnerID',
    status: 'reseller status not Active (Legal info)',
    'addr-ok': 'use the suggested address as is',
    'addr-look': 'the suggestion differs a lot; check it',
    'addr-none': 'address not verified; check it',
  },
  ja: {
    id: 'PartnerID が不明。識別子の PLA ID を指定',
    format: 'PLA ID を数字で指定',
    region: 'CSP リージョンがディストリビューターと不一致',
    mpa: 'この地域の MPA に未同意 (契約)',
    reseller: 'CSP リセラーの ID ではない。関連付けられた PartnerID を指定',
    status: 'リセラーの状態がアクティブでない (法的情報)',
    'addr-ok': '推奨住所をそのまま使用',
    'addr-look': '推奨住所が大きく異なる。要確認',
    'addr-none': '住所が未検証。要確認',
  },
};

const groupOf = (code: string): Group => GROUP[code as PortalCode] ?? 'id';
const shown = (code: string) => (code === 'mpn-not-numeric' ? '"MPN Id must be numeric"' : code);

/**
 * The portal itself shows a documented POR or enrollment error (or an address-verification status) in a
 * message bar, an alert or a dialog: the mark sits beside that message and says, in short, what it means
 * and what to do. (The issue report explains more and links the step: `rules/report/portal.ts`.)
 */
export const portalError = defineCheck<Params>({
  code: 'portal-error',
  severity: 'error',
  reads: [],
  messages: {
    en: ({ code }) => `Partner Center says ${shown(code)}: ${SAYS.en[groupOf(code)]}.`,
    ja: ({ code }) => `パートナー センターの表示 ${shown(code)}: ${SAYS.ja[groupOf(code)]}。`,
  },
  examples: {
    flags: [{ fields: [], page: { portalErrors: [{ anchorId: 'p1', code: '2201' }, { anchorId: 'p2', code: 'InteractionRequired' }, { anchorId: 'p3', code: 'Verified' }] } }],
    passes: [{ fields: [{ kind: 'partner-id', value: '2201' }] }, { fields: [], page: { portalErrors: [] } }],
  },
  sandbox: { flags: ['en/portal-errors.html', 'ja/portal-errors.html'], quiet: ['en/clean.html', 'ja/clean.html'] },
  run({ page }) {
    return (page?.portalErrors ?? []).map((e) => ({ fieldId: e.anchorId, params: { code: e.code }, severity: portalSeverity(e.code) }));
  },
});
