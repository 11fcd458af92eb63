import { CSP_REGION_SOURCE } from '../data/csp-regions';
import type { Locale } from '../types';
import { parseCsv } from './csv';

/** The fifteen CSP regions (markets). Ids are stable; names are what the product shows. */
export const CSP_REGIONS = {
  africa: { en: 'Africa', ja: 'アフリカ', csv: ['Africa'] },
  'asia-pacific': { en: 'Asia and Pacific', ja: 'アジア太平洋', csv: ['Asia and Pacific'] },
  australia: { en: 'Australia', ja: 'オーストラリア', csv: ['Australia'] },
  brazil: { en: 'Brazil', ja: 'ブラジル', csv: ['Brazil'] },
  canada: { en: 'Canada', ja: 'カナダ', csv: ['Canada'] },
  china: { en: 'China', ja: '中国', csv: ['China'] },
  europe: { en: 'Europe', ja: 'ヨーロッパ', csv: ['Europe'] },
  india: { en: 'India', ja: 'インド', csv: ['India'] },
  japan: { en: 'Japan', ja: '日本', csv: ['Japan'] },
  korea: { en: 'Korea', ja: '韓国', csv: ['Korea, Republic of', 'Korea'] },
  'latin-america': { en: 'Latin America and the Caribbean', ja: 'ラテンアメリカ・カリブ', csv: ['Latin America and the Caribbean'] },
  'middle-east-europe': {
    en: 'Middle East, Central Europe and Eastern Europe',
    ja: '中東・中央ヨーロッパ・東ヨーロッパ',
    csv: ['Middle East, Central Europe, and Eastern Europe'],
  },
  'new-zealand': { en: 'New Zealand', ja: 'ニュージーランド', csv: ['New Zealand'] },
  taiwan: { en: 'Taiwan', ja: '台湾', csv: ['Taiwan'] },
  'united-states': { en: 'United States', ja: '米国', csv: ['United States'] },
} as const satisfies Record<string, { en: string; ja: string; csv: readonly string[] }>;

export type CspRegionId = keyof typeof CSP_REGIONS;
export const CSP_REGION_IDS = Object.keys(CSP_REGIONS) as CspRegionId[];

export interface CountryRow {
  /** The name as Microsoft's table lists it. */
  name: string;
  iso: string;
  region: CspRegionId;
  currency: string;
  /** Japanese name from the 2021 docs (machine translated); an alias, never the name we show. */
  jaName: string;
}

const byCsvName = new Map<string, CspRegionId>(CSP_REGION_IDS.flatMap((id) => CSP_REGIONS[id].csv.map((name) => [name, id] as const)));

/** Parses the table; a row with an unknown region is a data error and throws (caught by the unit tests). */
export function parseRegionTable(text: string): CountryRow[] {
  const [header, ...rows] = parseCsv(text);
  if (header?.[1] !== 'iso3166_alpha2_derived') throw new Error('csp-regions CSV: unexpected header');
  return rows.map(([name = '', iso = '', region = '', currency = '', jaName = '']) => {
    const id = byCsvName.get(region.trim());
    if (!id) throw new Error(`csp-regions CSV: unknown region "${region}" for ${name}`);
    return { name: name.trim(), iso: iso.trim().toUpperCase(), region: id, currency: currency.trim(), jaName: jaName.trim() };
  });
}

export const COUNTRY_ROWS: readonly CountryRow[] = parseRegionTable(CSP_REGION_SOURCE.csv);
const REGION_OF = new Map(COUNTRY_ROWS.map((r) => [r.iso, r.region]));

/** The CSP region of an ISO 3166 alpha-2 code, or null when the table does not list it. */
export function regionOf(iso: string): CspRegionId | null {
  return REGION_OF.get(iso.toUpperCase()) ?? null;
}

export function regionName(id: CspRegionId, locale: Locale): string {
  return CSP_REGIONS[id][locale];
}

export function isRegionId(value: string): value is CspRegionId {
  return value in CSP_REGIONS;
}
