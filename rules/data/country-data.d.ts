/**
 * Built by `scripts/country-data.mjs` from i18n-iso-countries: a line per country,
 * `<alpha-2> <alpha-3> <English names, tab-separated>|<Japanese names, tab-separated>` (the first name of
 * each language is the one shown). Read by `parseCountryData` in `rules/geo/country.ts`.
 */
declare module 'virtual:country-data' {
  const data: string;
  export default data;
}
