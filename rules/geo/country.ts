import data from 'virtual:country-data';
import { fold } from '../text';
import type { Locale } from '../types';
import { COUNTRY_ROWS } from './regions';

export interface CountryData {
  en: Record<string, string[]>;
  ja: Record<string, string[]>;
  /** Alpha-3 → alpha-2. */
  alpha3: Record<string, string>;
}

/** Reads the compact table `scripts/country-data.mjs` builds (a line per country; see its header). */
export function parseCountryData(text: string): CountryData {
  const out: CountryData = { en: {}, ja: {}, alpha3: {} };
  for (const line of text.split('\n')) {
    const [a2 = '', a3 = '', ...rest] = line.split(' ');
    const [en = '', ja = ''] = rest.join(' ').split('|');
    if (!a2 || !en) continue;
    out.en[a2] = en.split('\t');
    if (ja) out.ja[a2] = ja.split('\t');
    if (a3) out.alpha3[a3] = a2;
  }
  return out;
}

let tables: CountryData | null = null;

/** i18n-iso-countries' names in English and Japanese, extracted at build time, read on first use. */
function countryData(): CountryData {
  return (tables ??= parseCountryData(data));
}

/** Names people and portals use that neither the library nor Microsoft's table has. */
const EXTRA_NAMES: Record<string, string> = {
  usa: 'US',
  'u.s.': 'US',
  'u.s.a.': 'US',
  america: 'US',
  'united states of america': 'US',
  アメリカ: 'US',
  アメリカ合衆国: 'US',
  米国: 'US',
  uk: 'GB',
  'great britain': 'GB',
  'united kingdom': 'GB',
  britain: 'GB',
  england: 'GB',
  イギリス: 'GB',
  英国: 'GB',
  korea: 'KR',
  'south korea': 'KR',
  'republic of korea': 'KR',
  大韓民国: 'KR',
  韓国: 'KR',
  'hong kong sar': 'HK',
  'macao sar': 'MO',
  macau: 'MO',
  turkey: 'TR',
  türkiye: 'TR',
  turkiye: 'TR',
  czechia: 'CZ',
  'czech republic': 'CZ',
  holland: 'NL',
  'the netherlands': 'NL',
  russia: 'RU',
  vietnam: 'VN',
  'viet nam': 'VN',
  ドイツ連邦共和国: 'DE',
  中華人民共和国: 'CN',
  台灣: 'TW',
  kosovo: 'XK',
  コソボ: 'XK',
  日本国: 'JP',
};

let index: Map<string, string> | null = null;

/** Folded name or code → ISO alpha-2, built once on first use. */
function nameIndex(): Map<string, string> {
  if (index) return index;
  index = new Map();
  const add = (name: string, iso: string) => {
    const key = fold(name).replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
    if (key && !index!.has(key)) index!.set(key, iso);
  };
  for (const locale of ['en', 'ja'] as const) {
    for (const [iso, names] of Object.entries(countryData()[locale])) {
      for (const name of names) add(name, iso);
    }
  }
  for (const row of COUNTRY_ROWS) {
    add(row.name, row.iso);
    if (row.jaName) add(row.jaName, row.iso);
  }
  for (const [name, iso] of Object.entries(EXTRA_NAMES)) add(name, iso);
  return index;
}

/**
 * Reads a country as a portal shows it: a name in English or Japanese ("Japan", "日本", "United States"),
 * an ISO alpha-2 or alpha-3 code ("JP", "JPN"), with any case, width or spacing. Null when unknown.
 */
export function resolveCountry(text: string | null | undefined): string | null {
  if (!text) return null;
  const folded = fold(text).replace(/[()]/g, '').replace(/\s+/g, ' ').trim();
  if (!folded || folded.length > 80) return null;
  if (/^[a-z]{2}$/.test(folded)) {
    if (EXTRA_NAMES[folded]) return EXTRA_NAMES[folded]!;
    const iso = folded.toUpperCase();
    return iso === 'XK' || iso in countryData().en ? iso : null;
  }
  if (/^[a-z]{3}$/.test(folded)) {
    const iso = countryData().alpha3[folded.toUpperCase()];
    if (iso) return iso;
  }
  return nameIndex().get(folded) ?? null;
}

/** The country's name to show in a message. */
export function countryName(iso: string, locale: Locale): string {
  if (iso === 'XK') return locale === 'ja' ? 'コソボ' : 'Kosovo';
  return countryData()[locale][iso]?.[0] ?? iso;
}
