import { PARTNER_ID_DIGITS, plaFields, readPartnerId } from '../partner/ids';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

const HINT_EN: Record<NonNullable<Params['hint']>, string> = {
  guid: ' It looks like a tenant ID (a GUID), not a PartnerID.',
  email: ' It looks like an email address.',
  duns: ' Nine digits: this looks like a DUNS number, not a PartnerID.',
  phone: ' It looks like a phone number.',
};
const HINT_JA: Record<NonNullable<Params['hint']>, string> = {
  guid: 'テナント ID (GUID) のようです。PartnerID ではありません。',
  email: 'メール アドレスのようです。',
  duns: '9 桁のため DUNS 番号のようです。PartnerID ではありません。',
  phone: '電話番号のようです。',
};

type Params = { problem: 'not-numeric' | 'length'; hint?: 'guid' | 'email' | 'duns' | 'phone' };

/** Not a PartnerID at all: not numeric once spaces and full-width digits are normalized, or a length no ID has. */
export const malformedPartnerId = defineCheck<Params>({
  code: 'malformed-partner-id',
  severity: 'error',
  reads: ['partner-id'],
  messages: {
    en: ({ problem, hint }) =>
      (problem === 'length'
        ? `A PartnerID has ${PARTNER_ID_DIGITS.min} to ${PARTNER_ID_DIGITS.max} digits (usually 6 or 7).`
        : `A PartnerID is a number: digits only, no letters or symbols.`) +
      (hint ? HINT_EN[hint] : '') +
      ' Copy your PLA ID from Settings → Account settings → Identifiers.',
    ja: ({ problem, hint }) =>
      (problem === 'length'
        ? `PartnerID は ${PARTNER_ID_DIGITS.min}～${PARTNER_ID_DIGITS.max} 桁 (通常は 6 桁か 7 桁) の数字です。`
        : `PartnerID は数字だけで構成されます (英字や記号は使えません)。`) +
      (hint ? HINT_JA[hint] : '') +
      '設定 → アカウント設定 → 識別子から PLA ID をコピーしてください。',
  },
  examples: {
    flags: [
      { fields: [{ kind: 'partner-id', value: 'ABC1234' }] },
      { fields: [{ kind: 'partner-id', value: '123456789' }] },
      { fields: [{ kind: 'partner-id', value: '72f988bf-86f1-41af-91ab-2d7cd011db47' }] },
    ],
    passes: [
      { fields: [{ kind: 'partner-id', value: ' １２３ ４５６７ ' }] },
      { fields: [{ kind: 'partner-id', value: '' }] },
      { fields: [{ kind: 'company-name', value: 'ABC1234' }] },
    ],
  },
  sandbox: { flags: ['en/pla-association.html', 'ja/pla-association.html'], quiet: ['en/pla-association.html', 'ja/pla-association.html'] },
  run({ fields }) {
    const findings: Finding<Params>[] = [];
    for (const f of plaFields(fields)) {
      const reading = readPartnerId(f.descriptor.value);
      if (reading.kind === 'not-numeric' || reading.kind === 'length') {
        findings.push({
          fieldId: f.descriptor.id,
          params: { problem: reading.kind, ...(reading.looksLike ? { hint: reading.looksLike } : {}) },
        });
      }
    }
    return findings;
  },
});
