// A Vite plugin: `virtual:country-data`, the country names the extension needs (English and Japanese,
// every name i18n-iso-countries knows, alpha-3 codes), extracted from i18n-iso-countries at build time.
// The library stays the source of the data; the content script carries a compact table instead of the
// library itself (its code, every code system and its diacritics helper: about 9 KB gzip saved).
//
// The table is one string, a line per country: `JP JPN Japan|日本`, names of one language separated by a
// tab, the languages by `|`. As JSON objects the same data is 1.3 KB larger gzipped, in a content script
// whose budget is 50 KB. `rules/geo/country.ts` (parseCountryData) reads it back.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ID = 'virtual:country-data';

/** The names per alpha-2 code in English and Japanese, and alpha-3 → alpha-2, as the library gives them. */
export function countryTables() {
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/ja.json'));
  const names = (locale) => countries.getNames(locale, { select: 'all' });
  return { en: names('en'), ja: names('ja'), alpha3: countries.getAlpha3Codes() };
}

/** The compact table (see above). Every name is checked for the separators it uses. */
export function encodeCountryData({ en, ja, alpha3 }) {
  const a3Of = Object.fromEntries(Object.entries(alpha3).map(([a3, a2]) => [a2, a3]));
  return Object.keys(en)
    .map((a2) => {
      for (const name of [...en[a2], ...(ja[a2] ?? [])]) {
        if (/[\t|\n]/.test(name)) throw new Error(`country-data: a name holds a separator: ${JSON.stringify(name)}`);
      }
      return `${a2} ${a3Of[a2] ?? ''} ${en[a2].join('\t')}|${(ja[a2] ?? []).join('\t')}`;
    })
    .join('\n');
}

export function countryData() {
  const text = encodeCountryData(countryTables());
  return {
    name: 'csp-country-data',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? `export default ${JSON.stringify(text)};` : null),
  };
}
