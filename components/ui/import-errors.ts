import type { z } from 'zod';
import { PROFILE_VERSION, profileSchema, migrate } from '../contract/profile';
import { resolveCountry } from '../../rules/geo/country';
import type { Locale } from '../../rules/types';

const ADDRESS_PARTS = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const;
/** Japanese addresses are written from the largest unit down: 〒, prefecture, city, block, building. */
const ADDRESS_PARTS_JP = ['postalCode', 'state', 'city', 'line1', 'line2', 'country'] as const;
/** The order of an address's parts in its country's own way (options shows and asks for them so). */
export const addressOrder = (country: string | undefined) =>
  country && resolveCountry(country) === 'JP' ? ADDRESS_PARTS_JP : ADDRESS_PARTS;

/**
 * A team-profile file's problems in plain words, in the page's language, each with where in the file it
 * is ("PartnerIDs, entry 2, type"; for a JSON syntax error, the line and column). Used by options and the
 * first-run page before anything is sent: a file with a problem changes nothing.
 */

const PLACES: Record<Locale, Record<string, string>> = {
  en: {
    company: 'company',
    name: 'name',
    country: 'country',
    domains: 'email domains',
    address: 'address',
    partnerIds: 'PartnerIDs',
    id: 'ID',
    type: 'type',
    source: 'source',
    associatedPartnerId: 'associated PartnerID',
    verifiedAddress: 'verified address',
    distributor: 'distributor',
    region: 'region',
    version: 'version',
    format: 'format',
    line1: 'address line 1',
    line2: 'address line 2',
    city: 'city',
    state: 'state or province',
    postalCode: 'postal code',
    at: 'date',
    confirmedAt: 'date confirmed',
    updatedAt: 'date updated',
  },
  ja: {
    company: '会社',
    name: '名前',
    country: '国',
    domains: 'メール ドメイン',
    address: '住所',
    partnerIds: 'PartnerID',
    id: 'ID',
    type: '種類',
    source: '取得元',
    associatedPartnerId: '関連付けられた PartnerID',
    verifiedAddress: '検証済みの住所',
    distributor: 'ディストリビューター',
    region: 'リージョン',
    version: 'バージョン',
    format: '形式',
    line1: '住所行 1',
    line2: '住所行 2',
    city: '市区町村',
    state: '都道府県',
    postalCode: '郵便番号',
    at: '日付',
    confirmedAt: '確認日',
    updatedAt: '更新日',
  },
};

/** What a value should look like, by the name of the entry it is in. */
const EXPECTED: Record<Locale, Record<string, string>> = {
  en: {
    id: 'a PartnerID of 5 to 8 digits, such as "7654321"',
    associatedPartnerId: 'a PartnerID of 5 to 8 digits, such as "7654321"',
    type: '"global" (PGA, headquarters) or "location" (PLA)',
    country: 'a two-letter country code such as "JP"',
    domains: 'a domain name such as "contoso.co.jp"',
    region: 'one of the CSP region names listed in options (e.g. "japan")',
    version: `version ${PROFILE_VERSION}`,
    source: '"identifiers-page", "user" or "import"',
  },
  ja: {
    id: '5〜8 桁の数字の PartnerID (例: "7654321")',
    associatedPartnerId: '5〜8 桁の数字の PartnerID (例: "7654321")',
    type: '"global" (PGA、本社) または "location" (PLA)',
    country: '"JP" のような 2 文字の国コード',
    domains: '"contoso.co.jp" のようなドメイン名',
    region: '設定画面に表示される CSP リージョン名 (例: "japan")',
    version: `バージョン ${PROFILE_VERSION}`,
    source: '"identifiers-page"、"user"、"import" のいずれか',
  },
};

const WORDS = {
  en: {
    place: (parts: string[]) => (parts.length ? parts.join(', ') : 'the file as a whole'),
    entry: (n: number) => `entry ${n}`,
    expected: (place: string, what: string) => `${place}: should be ${what}.`,
    unknown: (place: string, keys: string) => `${place}: "${keys}" is not something a team profile holds (a typo?).`,
    tooLong: (place: string) => `${place}: too long, or too many entries.`,
    missing: (place: string) => `${place}: missing.`,
    invalid: (place: string) => `${place}: not valid here.`,
    notJson: (where: string) =>
      `This is not a team-profile file: the JSON text is broken${where}. Export a profile from options to see the expected form.`,
    at: (line: number, col: number) => ` at line ${line}, column ${col}`,
    newer: (v: number) =>
      `This file is version ${v}, newer than this extension understands (${PROFILE_VERSION}). Update the extension, then import it.`,
  },
  ja: {
    place: (parts: string[]) => (parts.length ? parts.join(' › ') : 'ファイル全体'),
    entry: (n: number) => `${n} 件目`,
    expected: (place: string, what: string) => `${place}: ${what}を指定してください。`,
    unknown: (place: string, keys: string) => `${place}: 「${keys}」はチーム プロファイルにない項目です (入力ミスの可能性があります)。`,
    tooLong: (place: string) => `${place}: 長すぎるか、項目が多すぎます。`,
    missing: (place: string) => `${place}: ありません。`,
    invalid: (place: string) => `${place}: この値は使えません。`,
    notJson: (where: string) =>
      `チーム プロファイルのファイルではありません。JSON の書式が壊れています${where}。設定画面からエクスポートすると正しい形式を確認できます。`,
    at: (line: number, col: number) => ` (${line} 行目 ${col} 文字目)`,
    newer: (v: number) =>
      `このファイルはバージョン ${v} で、この拡張機能 (バージョン ${PROFILE_VERSION}) より新しい形式です。拡張機能を更新してからインポートしてください。`,
  },
} satisfies Record<Locale, unknown>;

function placeOf(path: readonly PropertyKey[], locale: Locale): { place: string; last: string } {
  const parts: string[] = [];
  let last = '';
  for (const p of path) {
    if (typeof p === 'number') parts.push(WORDS[locale].entry(p + 1));
    else {
      last = String(p);
      parts.push(PLACES[locale][last] ?? last);
    }
  }
  return { place: WORDS[locale].place(parts), last };
}

/** One plain sentence per zod issue. */
export function plainIssues(error: z.ZodError, locale: Locale): string[] {
  const w = WORDS[locale];
  return error.issues.map((issue) => {
    const { place, last } = placeOf(issue.path, locale);
    const what = EXPECTED[locale][last];
    if (issue.code === 'unrecognized_keys') return w.unknown(place, issue.keys.join('", "'));
    if (issue.code === 'too_big') return w.tooLong(place);
    if (issue.code === 'invalid_type' && issue.input === undefined) return w.missing(place);
    return what ? w.expected(place, what) : w.invalid(place);
  });
}

/** Line and column of a character offset in a text (1-based). */
function lineCol(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset).split('\n');
  return [before.length, before.at(-1)!.length + 1];
}

/** A team-profile text checked as an import would be: [] when it imports, else plain sentences. */
export function checkImport(text: string, locale: Locale): string[] {
  const w = WORDS[locale];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : '';
    const pos = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = pos ? w.at(...lineCol(text, Number(pos[1]))) : lc ? w.at(Number(lc[1]), Number(lc[2])) : '';
    return [w.notJson(where)];
  }
  const migrated = migrate(value) as { version?: unknown } | null;
  if (typeof migrated?.version === 'number' && migrated.version > PROFILE_VERSION) return [w.newer(migrated.version)];
  const parsed = profileSchema.safeParse(migrated);
  return parsed.success ? [] : plainIssues(parsed.error, locale);
}
