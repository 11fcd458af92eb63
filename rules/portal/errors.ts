/**
 * Errors and statuses Partner Center itself shows (message bars, alerts, dialogs) that stall a
 * partner-of-record (POR) assignment or an enrollment: the documented API codes, "MPN Id must be numeric",
 * and the address-verification statuses (`../shared/reference/partner-center.md`). Pure: text in, codes out.
 * The words are data. It runs in the background (the content script asks it about each new message text,
 * as it does about email hosts), which keeps it out of the content script's budget.
 */

export const PORTAL_CODES = [
  '2200',
  '2201',
  '2203',
  '2204',
  '800015',
  '800016',
  '800039',
  '900123',
  '900400',
  'mpn-not-numeric',
  'VerifiedShippable',
  'Verified',
  'InteractionRequired',
  'NotValidated',
] as const;
export type PortalCode = (typeof PORTAL_CODES)[number];

const NUMERIC = new Set<string>(PORTAL_CODES.filter((c) => /^\d+$/.test(c)));

/**
 * The documented texts without their variable parts, in English as documented. Japanese messages are
 * recognised by their code (エラー コード: 2201, [900123]): nobody here has seen their Japanese wording.
 */
const PHRASES: readonly [RegExp, PortalCode][] = [
  [/\b(?:mpn|partner) ?id must be numeric/i, 'mpn-not-numeric'],
  [/either invalid or does not exist in partner ?center/i, '2200'],
  [/csp region of the requested partner ?id\b.{0,99}n[o’']?t match/i, '2201'],
  [/has not signed (?:the )?microsoft partner agreement/i, '2203'],
  [/not associated with any csp indirect reseller/i, '2204'],
];

/** A known numeric code right after "error" / "code" / エラー / コード, or alone in brackets. */
const CODE_AFTER_WORD = /(?:error|code|エラー|コード)(?:\s*(?:code|コード))?\s*[:：=#-]?\s*(\d{4,6})(?!\d)/gi;
const CODE_IN_BRACKETS = /[(（[［]\s*(\d{4,6})\s*[)）\]］]/g;
/** The address-verification service's statuses, as the portal passes them on (CamelCase, one word). */
const ADDRESS_STATUS =
  /\b(VerifiedShippable|InteractionRequired|NotValidated)\b|(?:[Ss]tatus|ステータス|状態)\s*[:：]?\s*["“「]?(Verified)\b/g;

/** The portal codes a message's text shows, each once, in the order they appear. */
export function recognisePortalErrors(text: string): PortalCode[] {
  const found: { at: number; code: PortalCode }[] = [];
  const t = text.normalize('NFKC');
  for (const [re, code] of PHRASES) {
    const m = re.exec(t);
    if (m) found.push({ at: m.index, code });
  }
  for (const re of [CODE_AFTER_WORD, CODE_IN_BRACKETS]) {
    for (const m of t.matchAll(re)) if (NUMERIC.has(m[1]!)) found.push({ at: m.index, code: m[1] as PortalCode });
  }
  for (const m of t.matchAll(ADDRESS_STATUS)) found.push({ at: m.index, code: (m[1] ?? m[2]) as PortalCode });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.code))];
}
