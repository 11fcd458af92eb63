import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryName, parseCountryData, resolveCountry } from '../../rules/geo/country';
import { parseCsv } from '../../rules/geo/csv';
import { COUNTRY_ROWS, CSP_REGION_IDS, regionOf } from '../../rules/geo/regions';

describe('CSP region table', () => {
  it('has every row of the 2023-08-17 table, with 15 regions all used', () => {
    const raw = parseCsv(readFileSync(new URL('../../rules/data/csp-regions-2023-08-17.csv', import.meta.url), 'utf8'));
    expect(COUNTRY_ROWS).toHaveLength(raw.length - 1);
    expect(COUNTRY_ROWS).toHaveLength(244);
    expect(new Set(COUNTRY_ROWS.map((r) => r.region))).toEqual(new Set(CSP_REGION_IDS));
    for (const r of COUNTRY_ROWS) expect(r.iso).toMatch(/^[A-Z]{2}$/);
  });

  it.each([
    ['US', 'united-states'],
    ['JP', 'japan'],
    ['DE', 'europe'],
    ['IN', 'india'],
    ['KR', 'korea'],
    ['AU', 'australia'],
    ['NZ', 'new-zealand'],
    ['BR', 'brazil'],
    ['CN', 'china'],
    ['TW', 'taiwan'],
    ['CA', 'canada'],
    ['SG', 'asia-pacific'],
    ['AE', 'middle-east-europe'],
    ['ZA', 'middle-east-europe'],
    ['NG', 'africa'],
    ['MX', 'latin-america'],
    ['GU', 'united-states'],
    ['XK', 'middle-east-europe'],
  ])('%s is in %s', (iso, region) => expect(regionOf(iso)).toBe(region));

  it('Russia and Belarus are not CSP markets in this table', () => {
    expect(regionOf('RU')).toBeNull();
    expect(regionOf('BY')).toBeNull();
  });
});

describe('resolveCountry', () => {
  it.each([
    ['Japan', 'JP'],
    ['日本', 'JP'],
    ['JP', 'JP'],
    ['jpn', 'JP'],
    ['ＪＡＰＡＮ', 'JP'],
    [' united states ', 'US'],
    ['United States of America', 'US'],
    ['米国', 'US'],
    ['アメリカ合衆国', 'US'],
    ['Germany', 'DE'],
    ['ドイツ', 'DE'],
    ['Korea, Republic of', 'KR'],
    ['South Korea', 'KR'],
    ['韓国', 'KR'],
    ['Hong Kong Special Administrative Region', 'HK'],
    ['Congo (DRC)', 'CD'],
    ["Côte d'Ivoire", 'CI'],
    ['Türkiye', 'TR'],
    ['Kosovo', 'XK'],
    ['India', 'IN'],
    ['インド', 'IN'],
    ['United Kingdom', 'GB'],
    ['イギリス', 'GB'],
    ['Taiwan', 'TW'],
    ['台湾', 'TW'],
  ])('%s → %s', (text, iso) => expect(resolveCountry(text)).toBe(iso));

  it.each(['', 'Select a country', '--', 'Atlantis', 'ZZ'])('%j is not a country', (text) => expect(resolveCountry(text)).toBeNull());

  it('names countries in both languages', () => {
    expect(countryName('JP', 'en')).toBe('Japan');
    expect(countryName('JP', 'ja')).toBe('日本');
  });

  it('never throws', () => fc.assert(fc.property(fc.string(), (s) => void resolveCountry(s))));
});

describe('country data (built from i18n-iso-countries)', () => {
  it('holds every name the library has in English and Japanese, and its alpha-3 codes', async () => {
    const { default: text } = await import('virtual:country-data');
    const data = parseCountryData(text);
    const { default: countries } = await import('i18n-iso-countries');
    countries.registerLocale((await import('i18n-iso-countries/langs/en.json')).default);
    countries.registerLocale((await import('i18n-iso-countries/langs/ja.json')).default);
    expect(data.en).toEqual(countries.getNames('en', { select: 'all' }));
    expect(data.ja).toEqual(countries.getNames('ja', { select: 'all' }));
    expect(data.alpha3.JPN).toBe('JP');
    expect(Object.keys(data.en).length).toBeGreaterThan(240);
    expect(countryName('JP', 'ja')).toBe('日本');
    expect(resolveCountry('USA')).toBe('US');
  });
});
