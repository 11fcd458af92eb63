import { countryName } from '../geo/country';
import { accountCountry, plaFields, readPartnerId } from '../partner/ids';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** A known global (PGA) ID typed where a location (PLA) ID is needed: CSP never accepts the PGA. */
type Params = { id: string; plas: string[]; country?: string };

export const pgaInsteadOfPla = defineCheck<Params>({
  code: 'pga-instead-of-pla',
  severity: 'error',
  reads: ['partner-id'],
  messages: {
    en: ({ id, plas, country }) =>
      `${id} is your partner global account (PGA) ID, which stands for the headquarters and is never used for CSP. ` +
      (plas.length
        ? `Enter the partner location account (PLA) ID${country ? ` for ${countryName(country, 'en')}` : ''}: ${plas.join(', ')}.`
        : `Enter the partner location account (PLA) ID of the location in your CSP account's country (Settings → Account settings → Identifiers).`),
    ja: ({ id, plas, country }) =>
      `${id} はパートナー グローバル アカウント (PGA) ID です。本社を表す ID で、CSP では使えません。` +
      (plas.length
        ? `${country ? `${countryName(country, 'ja')}の` : ''}パートナー ロケーション アカウント (PLA) ID を入力してください: ${plas.join('、')}。`
        : `CSP アカウントと同じ国の拠点のパートナー ロケーション アカウント (PLA) ID を入力してください (設定 → アカウント設定 → 識別子)。`),
  },
  examples: {
    flags: [
      {
        fields: [{ kind: 'partner-id', value: '１２３４５６７' }],
        facts: {
          partnerIds: [
            { id: '1234567', type: 'global' },
            { id: '7654321', type: 'location', country: 'JP' },
          ],
          companyCountry: 'JP',
        },
      },
    ],
    passes: [
      {
        fields: [{ kind: 'partner-id', value: '7654321' }],
        facts: {
          partnerIds: [
            { id: '1234567', type: 'global' },
            { id: '7654321', type: 'location', country: 'JP' },
          ],
        },
      },
      { fields: [{ kind: 'partner-id', value: '1234567' }] },
    ],
  },
  sandbox: { flags: ['en/pla-association.html', 'ja/pla-association.html'], quiet: ['en/pla-association.html', 'ja/pla-association.html'] },
  run({ fields, facts }) {
    const findings: Finding<Params>[] = [];
    const country = accountCountry(facts);
    for (const f of plaFields(fields)) {
      const reading = readPartnerId(f.descriptor.value);
      if (reading.kind !== 'ok') continue;
      const known = facts.partnerIds?.find((p) => p.id === reading.id);
      if (known?.type !== 'global') continue;
      const locations = (facts.partnerIds ?? []).filter((p) => p.type === 'location');
      const right = country ? locations.filter((p) => p.country === country) : locations;
      findings.push({
        fieldId: f.descriptor.id,
        params: { id: reading.id, plas: right.map((p) => p.id), ...(country ? { country } : {}) },
      });
    }
    return findings;
  },
});
