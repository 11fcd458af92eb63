import { resolveCountry } from '../geo/country';
import { fold } from '../text';
import type { AddressPart } from '../types';
import {
  CA_PROVINCES,
  CITY_WORDS,
  DIRECTIONALS,
  JP_PREFECTURES,
  JP_PREFECTURE_SUFFIXES,
  KANJI_DIGITS,
  NUMBER_WORDS,
  STREET_WORDS,
  UNIT_WORDS,
  US_STATES,
  ZIP_COUNTRIES,
} from './data';

/**
 * Comparison keys for address parts. Two values are the same address part when their keys are equal:
 * a key ignores what postal services change when they standardize (case, width, spacing, punctuation,
 * abbreviations, Japanese block-number notation). Keys are for comparing only, never for showing.
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u30fc';
const SPACE_NEAR_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');
/** ‐ ‑ ‒ – — ― − ⁃ ﹘ (NFKC already turns － ﹣ into `-` and ｰ into ー). */
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58]/g;
const PUNCTUATION = /[-,.#;:"`´“”()[\]{}/\\・、。!?*_+=|<>~]/g;
const KANJI_NUMBER = /(?<![〇零一二三四五六七八九十百])[〇零一二三四五六七八九十百]{1,6}(?=\s*(?:丁目|番地))/g;

/** `fold`, then ß → ss, Latin diacritics removed, 〒 dropped, dash variants (and ー between digits) → `-`. */
function base(text: string): string {
  return fold(text)
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .replace(/〒/g, ' ')
    .replace(DASHES, '-')
    .replace(/(?<=\d)\s*ー\s*(?=\d)/g, '-');
}

/** 一 → 1, 十二 → 12, 二十三 → 23, 百五 → 105, 一〇 → 10. */
export function kanjiNumber(text: string): number | null {
  if (!/[十百]/.test(text)) {
    let n = 0;
    for (const c of text) {
      const d = KANJI_DIGITS[c];
      if (d === undefined) return null;
      n = n * 10 + d;
    }
    return text ? n : null;
  }
  let total = 0;
  let digit = 0;
  for (const c of text) {
    if (c === '百' || c === '十') {
      total += (digit || 1) * (c === '百' ? 100 : 10);
      digit = 0;
    } else {
      const d = KANJI_DIGITS[c];
      if (d === undefined) return null;
      digit = d;
    }
  }
  return total + digit;
}

/** 1丁目2番3号, 一丁目2番地3, 1丁目2番地の3 → 1-2-3 (号室 and 号館 stay: they name a room or a building). */
function japaneseBlocks(s: string): string {
  return s
    .replace(KANJI_NUMBER, (k) => String(kanjiNumber(k) ?? k))
    .replace(/(?<=\d)\s*丁目\s*/g, '-')
    .replace(/(?<=\d)\s*番地\s*(?:の\s*)?/g, '-')
    .replace(/(?<=\d)\s*番(?!\p{Script=Han})\s*/gu, '-')
    .replace(/(?<=\d)\s*号(?!\p{Script=Han})/gu, ' ')
    .replace(/(?<=\d)\s*の\s*(?=\d)/g, '-');
}

/** Punctuation and hyphens → spaces; `U.S.A.` → usa; `O'Neil` → oneil; `Ste100` → ste 100 (not 5th). */
function words(s: string): string[] {
  return s
    .replace(/\b(?:[a-z]\.){2,}/g, (m) => m.replace(/\./g, ''))
    .replace(/['’‘]/g, '')
    .replace(PUNCTUATION, ' ')
    .replace(/(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])(?!(?:st|nd|rd|th)\b)/g, ' ')
    .split(' ')
    .filter(Boolean);
}

function joinKey(tokens: string[]): string {
  return tokens.join(' ').replace(SPACE_NEAR_CJK, '');
}

/** A street line: `1 Microsoft Wy, Ste. 100` and `1 MICROSOFT WAY SUITE #100` share a key. */
export function normalizeLine(text: string): string {
  const tokens = words(japaneseBlocks(base(text))).map((w) => STREET_WORDS[w] ?? UNIT_WORDS[w] ?? DIRECTIONALS[w] ?? NUMBER_WORDS[w] ?? w);
  return joinKey(tokens)
    .replace(/(?<!\d)(\d+)(?:st|nd|rd|th)? (?:floor|f)(?= |$)/g, '$1階')
    .replace(/\bfloor (\d+)(?= |$)/g, '$1階')
    .replace(/(?<=\d) 階/g, '階')
    .replace(SPACE_NEAR_CJK, '');
}

/** A city: `St. Louis` = `Saint Louis`, `N Bend` = `North Bend`, `Chiyoda-ku` = `chiyoda ku`. */
export function normalizeCity(text: string): string {
  return joinKey(words(base(text)).map((w) => CITY_WORDS[w] ?? DIRECTIONALS[w] ?? w));
}

function plainKey(text: string): string {
  return joinKey(words(base(text)));
}

/** Tokyo-to, Toukyou, Tōkyō → tokyo. */
function romajiKey(key: string): string {
  const suffixes = JP_PREFECTURE_SUFFIXES.join('|');
  return key
    .replace(new RegExp(` (?:${suffixes})$`), '')
    .replace(/ou/g, 'o')
    .replace(/oo/g, 'o')
    .replace(/uu/g, 'u');
}

type StateTable = 'US' | 'CA' | 'JP';
let stateIndex: Record<StateTable, Map<string, string>> | null = null;

/** Plain key of every code and name → `US-WA`, `CA-QC`, `JP-13`; built once on first use. */
function states(): Record<StateTable, Map<string, string>> {
  if (stateIndex) return stateIndex;
  const index: Record<StateTable, Map<string, string>> = { US: new Map(), CA: new Map(), JP: new Map() };
  const addCoded = (table: 'US' | 'CA', rows: Readonly<Record<string, readonly string[]>>) => {
    for (const [code, names] of Object.entries(rows)) {
      const id = `${table}-${code}`;
      for (const name of [code, `${table} ${code}`, ...names]) index[table].set(plainKey(name), id);
    }
  };
  addCoded('US', US_STATES);
  addCoded('CA', CA_PROVINCES);
  for (const [code, kanji, romaji] of JP_PREFECTURES) {
    const id = `JP-${code}`;
    // 北海道 keeps its 道; `Hokkai-do` is read as hokkai + do.
    const names = [kanji, kanji.replace(/[都府県]$/, ''), `jp ${code}`, romajiKey(romaji), romaji.replace(/do$/, '')];
    for (const name of names) index.JP.set(name, id);
  }
  stateIndex = index;
  return index;
}

/**
 * A state, province or prefecture as `US-WA`, `CA-ON`, `JP-13`, or null when not one we know.
 * `country` (ISO alpha-2) limits the search to that country's table; unknown country searches all three.
 */
export function stateCode(text: string, country?: string | null): string | null {
  const key = plainKey(text);
  const index = states();
  const tables: StateTable[] =
    country === 'CA'
      ? ['CA']
      : country === 'JP'
        ? ['JP']
        : country && ZIP_COUNTRIES.has(country)
          ? ['US']
          : country
            ? []
            : ['US', 'CA', 'JP'];
  for (const table of tables) {
    const hit = index[table].get(key) ?? (table === 'JP' ? index.JP.get(romajiKey(key)) : undefined);
    if (hit) return hit;
  }
  return null;
}

/** Washington = WA = wa; 東京都 = 東京 = Tokyo = Tokyo-to; Québec = QC; other text by its plain key. */
export function normalizeState(text: string, country?: string | null): string {
  return stateCode(text, country) ?? plainKey(text);
}

/** 〒100-0001 = 1000001, K1A 0B1 = k1a0b1, SW1A 1AA = sw1a1aa: letters and digits only, upper case. */
export function normalizePostalCode(text: string): string {
  return base(text)
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase();
}

/** Equal keys, or (US and unknown countries) the same ZIP5 where one or both add a ZIP+4. */
export function samePostalCode(a: string, b: string, country?: string | null): boolean {
  const x = normalizePostalCode(a);
  const y = normalizePostalCode(b);
  if (x === y) return true;
  const zip = /^\d{5}(?:\d{4})?$/;
  return (!country || ZIP_COUNTRIES.has(country)) && zip.test(x) && zip.test(y) && x.slice(0, 5) === y.slice(0, 5);
}

/** A country name or code (English, Japanese, ISO) → ISO alpha-2, or null. */
export function countryCode(text: string): string | null {
  return resolveCountry(text);
}

/** United States = US = USA = 米国 → US; a name nobody knows by its plain key. */
export function normalizeCountry(text: string): string {
  return countryCode(text) ?? plainKey(text);
}

/** The comparison key of one part. `country` is the address's ISO alpha-2, when known. */
export function addressKey(part: AddressPart, text: string, country?: string | null): string {
  switch (part) {
    case 'line1':
    case 'line2':
      return normalizeLine(text);
    case 'city':
      return normalizeCity(text);
    case 'state':
      return normalizeState(text, country);
    case 'postalCode':
      return normalizePostalCode(text);
    case 'country':
      return normalizeCountry(text);
  }
}

/** Whether two values of one part differ only by standardization. */
export function samePart(part: AddressPart, a: string, b: string, country?: string | null): boolean {
  return part === 'postalCode' ? samePostalCode(a, b, country) : addressKey(part, a, country) === addressKey(part, b, country);
}
