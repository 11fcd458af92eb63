// A Vite plugin: `virtual:country-data`, the country names the extension needs (English and Japanese,
// every name i18n-iso-countries knows, alpha-3 codes), extracted from i18n-iso-countries at build time.
// The library stays the source of the data; the content script carries a compact table instead of the
// library itself (its code, every code system and its diacritics helper: about 9 KB gzip saved).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ID = 'virtual:country-data';

export function countryData() {
  const countries = require('i18n-iso-countries');
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  countries.registerLocale(require('i18n-iso-countries/langs/ja.json'));
  const names = (locale) => countries.getNames(locale, { select: 'all' });
  const alpha3 = Object.fromEntries(Object.entries(countries.getAlpha3Codes()).map(([a3, a2]) => [a3, a2]));
  const data = { en: names('en'), ja: names('ja'), alpha3 };
  return {
    name: 'csp-country-data',
    resolveId: (id) => (id === ID ? `\0${ID}` : null),
    load: (id) => (id === `\0${ID}` ? `export default ${JSON.stringify(data)};` : null),
  };
}
