import { countryName } from '../geo/country';
import { accountCountry, plaFields, readPartnerId } from '../partner/ids';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** A PLA whose location is in another country than the CSP account: Partner Center refuses to associate it. */
type Params = { id: string; plaCountry: string; accountCountry: string; plas: string[] };

export const plaCountryMismatch = defineCheck<Params>({
  code: 'pla-country-mismatch',
  severity: 'error',
  reads: ['partner-id'],
  messages: {
    en: ({ id, plaCountry, accountCountry: account, plas }) =>
      `PLA ${id} is located in ${countryName(plaCountry, 'en')}, but your CSP account is in ${countryName(account, 'en')}. ` +
      `Only a PLA of the same country can be associated with the CSP account` +
      (plas.length
        ? `: use ${plas.join(', ')}.`
        : `; create a location for ${countryName(account, 'en')} under Business locations if you have none.`),
    ja: ({ id, plaCountry, accountCountry: account, plas }) =>
      `PLA ${id} の所在地は${countryName(plaCountry, 'ja')}ですが、CSP アカウントの国は${countryName(account, 'ja')}です。` +
      `CSP アカウントに関連付けられるのは同じ国の PLA だけです` +
      (plas.length
        ? `。${plas.join('、')} を使用してください。`
        : `。該当する拠点がない場合は、事業所で${countryName(account, 'ja')}の拠点を追加してください。`),
  },
  examples: {
    flags: [
      {
        fields: [{ kind: 'partner-id', value: '2222222' }],
        facts: {
          companyCountry: 'JP',
          partnerIds: [
            { id: '2222222', type: 'location', country: 'US' },
            { id: '3333333', type: 'location', country: 'JP' },
          ],
        },
      },
    ],
    passes: [
      {
        fields: [{ kind: 'partner-id', value: '3333333' }],
        facts: { companyCountry: 'JP', partnerIds: [{ id: '3333333', type: 'location', country: 'JP' }] },
      },
      { fields: [{ kind: 'partner-id', value: '2222222' }], facts: { partnerIds: [{ id: '2222222', type: 'location', country: 'US' }] } },
    ],
  },
  sandbox: { flags: ['en/pla-association.html', 'ja/pla-association.html'], quiet: ['en/pla-association.html', 'ja/pla-association.html'] },
  run({ fields, facts }) {
    const account = accountCountry(facts);
    if (!account) return [];
    const findings: Finding<Params>[] = [];
    for (const f of plaFields(fields)) {
      const reading = readPartnerId(f.descriptor.value);
      if (reading.kind !== 'ok') continue;
      const known = facts.partnerIds?.find((p) => p.id === reading.id);
      if (known?.type !== 'location' || !known.country || known.country === account) continue;
      const plas = (facts.partnerIds ?? []).filter((p) => p.type === 'location' && p.country === account).map((p) => p.id);
      findings.push({ fieldId: f.descriptor.id, params: { id: reading.id, plaCountry: known.country, accountCountry: account, plas } });
    }
    return findings;
  },
});
