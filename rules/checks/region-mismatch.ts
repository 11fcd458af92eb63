import { countryName, resolveCountry } from '../geo/country';
import { isRegionId, regionName, regionOf } from '../geo/regions';
import { CSP_REGION_SOURCE } from '../data/csp-regions';
import { defineCheck } from '../run-checks';
import type { Finding } from '../types';

/** `region` is the country's CSP region (absent when it is in none); `distributor` its name, if known. */
type Params = { country: string; region?: string; distributorRegion: string; distributor?: string };

/** The business country is outside the distributor's CSP region: the distributor cannot transact for you. */
export const regionMismatch = defineCheck<Params>({
  code: 'region-mismatch',
  severity: 'error',
  reads: ['country'],
  messages: {
    en: ({ country, region, distributorRegion, distributor }) => {
      const who = distributor || 'your distributor';
      const dist = isRegionId(distributorRegion) ? regionName(distributorRegion, 'en') : distributorRegion;
      return region && isRegionId(region)
        ? `${countryName(country, 'en')} is in the ${regionName(region, 'en')} CSP region, but ${who} serves ${dist}. ` +
            `A reseller can only work with a distributor of its own CSP region, and orders are blocked otherwise: pick a distributor in ${regionName(region, 'en')}, or check the country.`
        : `${countryName(country, 'en')} is not in any CSP region (Microsoft's table of ${CSP_REGION_SOURCE.date}), so ${who} (${dist}) cannot serve it.`;
    },
    ja: ({ country, region, distributorRegion, distributor }) => {
      const who = distributor || 'ディストリビューター';
      const dist = isRegionId(distributorRegion) ? regionName(distributorRegion, 'ja') : distributorRegion;
      return region && isRegionId(region)
        ? `${countryName(country, 'ja')}は CSP リージョン「${regionName(region, 'ja')}」に属しますが、${who}の担当は「${dist}」です。` +
            `リセラーは同じ CSP リージョンのディストリビューターとしか取引できず、異なる場合は注文がブロックされます。「${regionName(region, 'ja')}」のディストリビューターを選ぶか、国を確認してください。`
        : `${countryName(country, 'ja')}はどの CSP リージョンにも含まれていません (Microsoft の ${CSP_REGION_SOURCE.date} 時点の表)。${who} (${dist}) は対応できません。`;
    },
  },
  examples: {
    flags: [
      { fields: [{ kind: 'country', value: 'India' }], facts: { distributorRegion: 'japan', distributorName: 'Example Distribution KK' } },
      { fields: [{ kind: 'country', value: '米国' }], facts: { distributorRegion: 'japan' } },
    ],
    passes: [
      { fields: [{ kind: 'country', value: '日本' }], facts: { distributorRegion: 'japan' } },
      { fields: [{ kind: 'country', value: 'Guam' }], facts: { distributorRegion: 'united-states' } },
      { fields: [{ kind: 'country', value: 'India' }] },
      { fields: [{ kind: 'country', value: 'Select a country' }], facts: { distributorRegion: 'japan' } },
    ],
  },
  sandbox: { flags: ['en/customer-invite.html'], quiet: ['en/customer-invite.html'] },
  run({ fields, facts }) {
    const distributorRegion = facts.distributorRegion;
    if (!distributorRegion) return [];
    const findings: Finding<Params>[] = [];
    for (const f of fields) {
      if (f.kind !== 'country') continue;
      const country = resolveCountry(f.descriptor.value) ?? resolveCountry(f.descriptor.optionValue);
      if (!country) continue;
      const region = regionOf(country);
      if (region === distributorRegion) continue;
      findings.push({
        fieldId: f.descriptor.id,
        params: {
          country,
          distributorRegion,
          ...(region ? { region } : {}),
          ...(facts.distributorName ? { distributor: facts.distributorName } : {}),
        },
      });
    }
    return findings;
  },
});
