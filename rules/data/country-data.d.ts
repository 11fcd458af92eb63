/** Built by `scripts/country-data.mjs` from i18n-iso-countries: every name per ISO alpha-2 (the first is the one shown). */
declare module 'virtual:country-data' {
  const data: {
    en: Record<string, string[]>;
    ja: Record<string, string[]>;
    /** Alpha-3 → alpha-2. */
    alpha3: Record<string, string>;
  };
  export default data;
}
