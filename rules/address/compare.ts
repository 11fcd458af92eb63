import type { AddressPart, AddressParts, FieldKind, Locale } from '../types';
import { JP_PREFECTURES } from './data';
import { addressKey, countryCode, normalizeLine, samePart, stateCode } from './normalize';

/** One part that differs between what the user entered and the verified address. */
export interface AddressDiff {
  part: AddressPart;
  entered: string;
  verified: string;
  /** False when the two are the same after normalization: a standardization-only difference. */
  material: boolean;
}

/** The parts in the order forms show them (and findings report them). */
export const ADDRESS_PARTS: readonly AddressPart[] = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'];

/** Each part's name in a sentence ("the verified postal code"), per language: marks and cards say them. */
export const PART_NAMES: Readonly<Record<Locale, Readonly<Record<AddressPart, string>>>> = {
  en: {
    line1: 'address line 1',
    line2: 'address line 2',
    city: 'city',
    state: 'state or province',
    postalCode: 'postal code',
    country: 'country or region',
  },
  ja: { line1: '住所行 1', line2: '住所行 2', city: '市区町村', state: '都道府県', postalCode: '郵便番号', country: '国または地域' },
};

/** The form field kind that holds each address part. */
export const PART_KINDS: Readonly<Record<AddressPart, FieldKind>> = {
  line1: 'address-line1',
  line2: 'address-line2',
  city: 'city',
  state: 'state',
  postalCode: 'postal-code',
  country: 'country',
};

function valueOf(parts: AddressParts, part: AddressPart): string {
  const value: unknown = parts[part];
  return typeof value === 'string' ? value.trim() : '';
}

function lineKey(parts: AddressParts, first: AddressPart, second: AddressPart): string {
  return normalizeLine(`${valueOf(parts, first)}, ${valueOf(parts, second)}`);
}

/** Line 1 + line 2 read as one text are the same on both sides (a suite moved between lines, or put first). */
function sameLines(a: AddressParts, b: AddressParts): boolean {
  const ours = [lineKey(a, 'line1', 'line2'), lineKey(a, 'line2', 'line1')];
  const theirs = [lineKey(b, 'line1', 'line2'), lineKey(b, 'line2', 'line1')];
  return ours.some((key) => key !== '' && theirs.includes(key));
}

/** `needle` occurs in `hay` as whole words (`suite 1` is not in `suite 100`). Both are line keys. */
function containsPhrase(hay: string, needle: string): boolean {
  const alnum = /[a-z0-9]/;
  if (!needle) return false;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    const before = hay[i - 1] ?? ' ';
    const after = hay[i + needle.length] ?? ' ';
    const startOk = !alnum.test(before) || !alnum.test(needle[0] ?? '');
    const endOk = !alnum.test(after) || !alnum.test(needle[needle.length - 1] ?? '');
    if (startOk && endOk) return true;
  }
  return false;
}

interface Sides {
  entered: AddressParts;
  verified: AddressParts;
  country: string | null;
  /** Line 1 + line 2 are the same address text on both sides. */
  linesSame: boolean;
}

function isMaterial(part: AddressPart, e: string, v: string, sides: Sides): boolean {
  if ((part === 'line1' || part === 'line2') && sides.linesSame) return false;
  const eKey = addressKey(part, e, sides.country);
  const vKey = addressKey(part, v, sides.country);
  if (eKey && vKey) return !samePart(part, e, v, sides.country);
  if (!eKey && !vKey) return false; // only spaces or punctuation on the side that has text
  // Present on one side only.
  if (part === 'state') return false;
  if (part === 'line2') {
    const otherLine1 = valueOf(eKey ? sides.verified : sides.entered, 'line1');
    return !containsPhrase(addressKey('line1', otherLine1), eKey || vKey);
  }
  return true;
}

/**
 * The parts whose trimmed text differs, in form order. A difference is material unless the two values
 * normalize to the same key, or it is a missing state, or a line 2 the other side carries in its line 1.
 */
export function compareAddresses(entered: AddressParts, verified: AddressParts): AddressDiff[] {
  const country = countryCode(valueOf(verified, 'country')) ?? countryCode(valueOf(entered, 'country'));
  const sides: Sides = { entered, verified, country, linesSame: sameLines(entered, verified) };
  const diffs: AddressDiff[] = [];
  for (const part of ADDRESS_PARTS) {
    const e = valueOf(entered, part);
    const v = valueOf(verified, part);
    if (e !== v) diffs.push({ part, entered: e, verified: v, material: isMaterial(part, e, v, sides) });
  }
  return diffs;
}

// ---- Reading an address shown as lines of text ----

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}〒]/u;
const JP_POSTAL = /^〒?\s*(\d{3}\s*[-‐‑–—−ー]?\s*\d{4})(?=\s|$|\p{Script=Han})/u;
/** A Japanese postal code at the end of a line (`東京都千代田区… 〒100-0001`). */
const JP_POSTAL_END = /(?:^|\s|〒)(\d{3}[-‐‑–—−ー]\d{4})$/;
/** 横浜市西区, 千代田区, 〇〇郡〇〇町, 〇〇町: the municipality at the start of a Japanese line. */
const JP_CITY = /^(?:[^\d\s区]+?市(?:\s?[^\d\s]{1,5}?区)?|[^\d\s]+?区|[^\d\s]+?郡[^\d\s]{1,5}?[町村]|[^\d\s]+?[町村])/;
/** A postal code at the end of a line: US ZIP(+4), Canada, UK, Japan, then any 4–6 digits. */
const POSTAL_END = /(?:^|[\s,])(\d{5}(?:[-\s]\d{4})?|[a-z]\d[a-z][\s-]?\d[a-z]\d|[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}|\d{3}-\d{4}|\d{4,6})$/i;
/** `10117 Berlin`, `75008 Paris`. */
const POSTAL_START = /^(\d{4,6}|\d{3}-\d{4})\s+(\S.*)$/;

interface Locality {
  city?: string;
  state?: string;
  postalCode?: string;
}

/** Only the non-empty values. */
function compact(parts: AddressParts): AddressParts {
  const out: AddressParts = {};
  for (const part of ADDRESS_PARTS) {
    const value = parts[part]?.trim();
    if (value) out[part] = value;
  }
  return out;
}

/** `Redmond, WA`, `Ottawa ON`, `Salt Lake City UT`, `Tokyo`, `London`. */
function cityState(text: string): Locality {
  const comma = text.lastIndexOf(',');
  if (comma >= 0) return { city: text.slice(0, comma).trim(), state: text.slice(comma + 1).trim() };
  const words = text.split(/\s+/).filter(Boolean);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const tail = words.slice(-n).join(' ');
    if (stateCode(tail)) return { city: words.slice(0, -n).join(' '), state: tail };
  }
  return stateCode(text) ? { state: text } : { city: text };
}

function locality(line: string): Locality | null {
  const end = POSTAL_END.exec(line);
  if (end?.[1]) return { postalCode: end[1], ...cityState(line.slice(0, end.index).replace(/[\s,]+$/, '')) };
  const start = POSTAL_START.exec(line);
  return start?.[1] && start[2] ? { postalCode: start[1], city: start[2] } : null;
}

/** Street lines first, then the line with the postal code (or the last line as the city). */
function parseWestern(lines: string[]): AddressParts {
  let parts: AddressParts = {};
  let end = lines.length;
  for (let i = lines.length - 1; i >= 1; i--) {
    const loc = locality(lines[i] ?? '');
    if (!loc) continue;
    end = i;
    parts = loc;
    // `London` / `SW1A 2AA`, `Springfield` / `IL 62701`: the city is the line before.
    if (!loc.city?.trim() && i >= 2) {
      parts = { ...cityState(lines[i - 1] ?? ''), ...compact(loc) };
      end = i - 1;
    }
    break;
  }
  if (end === lines.length && lines.length >= 2) {
    end = lines.length - 1;
    parts = cityState(lines[end] ?? '');
  }
  let line1 = lines[0] ?? '';
  // `1-1 Chiyoda, Chiyoda-ku` / `Tokyo 100-0001`: the city ends the street line.
  if (!parts.city?.trim() && end === 1 && line1.includes(',')) {
    parts.city = line1.slice(line1.lastIndexOf(',') + 1);
    line1 = line1.slice(0, line1.lastIndexOf(','));
  }
  return { ...parts, line1, line2: lines.slice(1, end).join(', ') };
}

/**
 * The prefecture a text starts with, as written: with its suffix (東京都, 大阪府, 北海道) or without it
 * (東京, 大阪) when what follows is not part of a city's name (京都市 and 大阪市 are cities).
 */
export function prefectureAt(text: string): { state: string; rest: string } | null {
  const t = text.normalize('NFKC').trimStart();
  for (const [, kanji] of JP_PREFECTURES) {
    if (t.startsWith(kanji)) return { state: kanji, rest: t.slice(kanji.length) };
  }
  for (const [, kanji] of JP_PREFECTURES) {
    const bare = kanji.replace(/[都府県]$/, '');
    if (bare !== kanji && t.startsWith(bare) && !/^[市区町村郡]/.test(t.slice(bare.length)))
      return { state: bare, rest: t.slice(bare.length) };
  }
  return null;
}

/** A prefecture after a comma or a space (Western order: `千代田区, 東京都 100-0005`). */
const hasPrefectureInside = (line: string) =>
  line
    .normalize('NFKC')
    .split(/[\s,、]+/)
    .slice(1)
    .some((w) => prefectureAt(w) !== null);

/**
 * Whether lines are in Japanese order (〒, prefecture, city, street, building) rather than Western order
 * (street, building, `city, prefecture postal code`, country), decided by where the postal code and the
 * prefecture are, not by the script: Japanese text is often written in Western order too.
 */
function japaneseOrder(lines: string[]): boolean {
  const first = (lines[0] ?? '').normalize('NFKC');
  if (JP_POSTAL.test(first) || prefectureAt(first)) return true;
  const later = lines.slice(1).map((l) => l.normalize('NFKC'));
  if (later.some((l) => POSTAL_END.test(l) || hasPrefectureInside(l) || prefectureAt(l))) return false;
  return lines.some((l) => JAPANESE.test(l));
}

/** 〒 postal code, then prefecture, municipality and street (on one line or several), then the building. */
function parseJapanese(lines: string[]): AddressParts {
  const parts: AddressParts = {};
  const rest = lines.map((l) => l.normalize('NFKC'));
  for (let i = 0; i < rest.length; i++) {
    const line = rest[i] ?? '';
    const start = JP_POSTAL.exec(line);
    const end = start ? null : JP_POSTAL_END.exec(line);
    const m = start ?? end;
    if (!m?.[1]) continue;
    parts.postalCode = m[1];
    rest[i] = (start ? line.slice(m[0].length) : line.slice(0, m.index)).trim();
    break;
  }
  const queue = rest.filter(Boolean);
  const next = (left: string) => left.trim() || (queue.shift() ?? '');
  let head = next('');
  const prefecture = prefectureAt(head);
  if (prefecture) {
    parts.state = prefecture.state;
    head = next(prefecture.rest);
  }
  const city = JP_CITY.exec(head);
  if (city) {
    parts.city = city[0];
    head = next(head.slice(city[0].length));
  }
  parts.line1 = head;
  parts.line2 = queue.join(' ');
  return parts;
}

/**
 * Best-effort reading of an address shown as lines of text, for dialogs that do not label the parts:
 * US/European order (street, `City, ST 12345`, country), Japanese order (〒, prefecture + city + street,
 * building) and a single comma-separated line. The country may be the first or the last line. Never throws.
 */
export function parseAddressLines(lines: string[]): AddressParts {
  let rest = (Array.isArray(lines) ? lines : [])
    .filter((l): l is string => typeof l === 'string')
    .map((l) => l.slice(0, 300).trim())
    .filter(Boolean);
  // One line with commas in Western order (`1 Main St, Redmond, WA 98052`, `丸の内2-7-2, 千代田区, 東京都 100-0005`).
  if (rest.length === 1) {
    const pieces = (rest[0] ?? '')
      .split(/[,、]/)
      .map((l) => l.trim())
      .filter(Boolean);
    if (pieces.length > 1 && !japaneseOrder(pieces)) rest = pieces;
  }
  let country: string | undefined;
  if (rest.length > 0 && countryCode(rest[rest.length - 1] ?? '')) country = rest.pop();
  else if (rest.length > 1 && countryCode(rest[0] ?? '')) country = rest.shift();
  const parts =
    rest.length === 0
      ? {}
      : japaneseOrder(rest)
        ? parseJapanese(rest)
        : parseWestern(rest.map((l) => l.normalize('NFKC').replace(/〒\s*/g, '')));
  return compact({ ...parts, country });
}
