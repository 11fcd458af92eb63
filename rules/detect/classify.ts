import { parseEmail } from '../email/parse';
import { resolveCountry } from '../geo/country';
import { fold, memoize } from '../text';
import type { ClassifiedField, FieldDescriptor, FieldKind, LabelSourceKind } from '../types';
import { ATTRIBUTE_WORDS, AUTOCOMPLETE_KINDS, LEXICONS, type KindTerms } from './lexicon';

/**
 * Field descriptor → field kind. Pure. Precedence follows the browsers' autofill: the `autocomplete`
 * attribute, then the input type, then labels (strongest source first), then attribute words. A field no
 * signal reaches stays `unknown`: no guessing.
 */

/** How much a label from each source is trusted. */
const SOURCE_WEIGHT: Record<LabelSourceKind, number> = {
  'label-for': 0.8,
  'label-wrap': 0.8,
  'aria-labelledby': 0.8,
  'aria-label': 0.8,
  'table-cell': 0.7,
  'column-header': 0.7,
  dt: 0.7,
  'aria-describedby': 0.45,
  'preceding-text': 0.6,
  placeholder: 0.5,
  title: 0.5,
};
const ATTRIBUTE_WEIGHT = 0.4;
const THRESHOLD = 0.4;

interface CompiledTerms {
  kind: KindTerms['kind'];
  terms: RegExp[];
  not: RegExp[];
}

export function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // ASCII words match whole words; anything else (Japanese) matches as a substring.
  return /^[\x20-\x7e]+$/.test(term) ? new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`) : new RegExp(escaped);
}

const COMPILED: CompiledTerms[] = Object.values(LEXICONS).flatMap((lexicon) =>
  lexicon.kinds.map((k) => ({ kind: k.kind, terms: k.terms.map(termPattern), not: (k.not ?? []).map(termPattern) })),
);
const PRIMARY_CONTACT = Object.values(LEXICONS).flatMap((l) => l.primaryContact.map(termPattern));
const COUNTRY_VETO = COMPILED.filter((c) => c.kind === 'country').flatMap((c) => c.not);

// ---- Search and filter boxes: never a field to check ----

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEARCH_START = Object.values(LEXICONS).flatMap((l) => l.search.start.map(fold));
const SEARCH_END = Object.values(LEXICONS).flatMap((l) => l.search.end.map(fold));
const SEARCH_TEXT = new RegExp(
  `^(?:${SEARCH_START.map((t) => (/^[\x20-\x7e]+$/.test(t) ? `${escape(t)}(?![a-z0-9])` : `${escape(t)}(?=$|[\\s:：])`)).join('|')})` +
    `|(?:${SEARCH_END.map((t) => (/^[\x20-\x7e]+$/.test(t) ? `(?<![a-z0-9])${escape(t)}` : escape(t))).join('|')})[\\s.…:：]*$`,
);
/** Label sources that name the field itself (a column header or help text may speak of the results). */
const OWN_LABELS = new Set<LabelSourceKind>([
  'label-for',
  'label-wrap',
  'aria-labelledby',
  'aria-label',
  'placeholder',
  'title',
  'preceding-text',
]);

/**
 * A search or filter box: `type=search`, `role=searchbox`, or a label or placeholder that says so
 * ("Search by PartnerID", "Filter…", "PartnerID を検索"). What is typed there is a query, not an answer.
 */
export function isSearchBox(d: FieldDescriptor): boolean {
  if (d.type.toLowerCase() === 'search' || d.role?.toLowerCase() === 'searchbox') return true;
  return d.labels.some((l) => OWN_LABELS.has(l.source) && SEARCH_TEXT.test(fold(l.text)));
}

/**
 * A select whose options are mostly country names or codes is a country field, whatever its section is
 * called: what a field offers says more than the heading it sits under. Needs three options at least.
 */
export function optionsAreCountries(options: readonly string[] | undefined): boolean {
  const named = (options ?? []).filter((o) => o.trim() !== '');
  if (named.length < 3) return false;
  return named.filter((o) => resolveCountry(o) !== null).length >= Math.ceil(named.length * 0.6);
}
const SUPPORT = Object.values(LEXICONS).flatMap((l) => l.support.map(termPattern));

/** Kinds a folded label text votes for (remembered: label texts repeat across fields and scans). */
export const kindsInText = memoize((text: string): ReadonlySet<KindTerms['kind']> => {
  const out = new Set<KindTerms['kind']>();
  if (text.length > 0 && text.length <= 200) {
    for (const c of COMPILED) {
      if (c.terms.some((t) => t.test(text)) && !c.not.some((t) => t.test(text))) out.add(c.kind);
    }
  }
  return out;
});

/** `primaryContact.emailAddress` → ['primary', 'contact', 'email', 'address', 'primarycontact', 'emailaddress'] */
const attributeWords = memoize((value: string): string[] => {
  const parts = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined: string[] = [];
  for (let i = 0; i + 1 < parts.length; i++) joined.push(parts[i]! + parts[i + 1]!);
  return [...parts, ...parts.map((p) => p.replace(/\d+$/, '')), ...joined];
});

/** Which email it is: the field's own labels decide first, then its section, then its attributes. */
export function emailRole(d: FieldDescriptor): FieldKind {
  const attributes = [d.name, d.htmlId, ...d.hints].join(' ').toLowerCase();
  const tiers = [d.labels.map((l) => fold(l.text)), [fold(d.section)]];
  for (const texts of tiers) {
    const support = texts.some((t) => SUPPORT.some((p) => p.test(t)));
    const primary = texts.some((t) => PRIMARY_CONTACT.some((p) => p.test(t)));
    if (support !== primary) return support ? 'support-email' : 'primary-contact-email';
  }
  if (/support/.test(attributes)) return 'support-email';
  if (/primary|contact/.test(attributes)) return 'primary-contact-email';
  return 'email';
}

/**
 * Classification that does not depend on the value: computed once per descriptor and cached by the
 * content script, since labels and attributes change far less often than values.
 */
export function classifyStatic(d: FieldDescriptor): ClassifiedField {
  const key = signature(d);
  let hit = staticCache.get(key);
  if (!hit) {
    hit = scoreKind(d);
    if (staticCache.size >= 5000) staticCache.clear();
    staticCache.set(key, hit);
  }
  return finish(d, hit);
}

/**
 * Everything the scoring reads (not the value, not the section): fields with the same signature get the
 * same scores, and a heading's text changing does not make every field be scored again.
 */
const signature = (d: FieldDescriptor) =>
  [
    d.tag,
    d.type,
    d.role ?? '',
    d.name,
    d.htmlId,
    d.autocomplete,
    d.inputMode,
    ...d.hints,
    '|',
    ...d.labels.map((l) => `${l.source}:${l.text}`),
    '|',
    ...(d.options ?? []),
  ].join('\u0001');
const staticCache = new Map<string, Score>();

/** A cached static classification, completed with the current value (an unlabelled field holding an address). */
export function withValue(stat: ClassifiedField, d: FieldDescriptor): ClassifiedField {
  if (stat.kind === 'unknown' && d.tag !== 'select' && !isSearchBox(d) && parseEmail(d.value))
    return { descriptor: d, kind: emailRole(d), confidence: 0.3 };
  return { descriptor: d, kind: stat.kind, confidence: stat.confidence };
}

type Score = { best: KindTerms['kind'] | null; score: number; search?: boolean };

/** The best-voted kind from autocomplete, type, labels and attribute words. Pure, value-independent. */
function scoreKind(d: FieldDescriptor): Score {
  if (isSearchBox(d)) return { best: null, score: 0, search: true };
  const scores = new Map<KindTerms['kind'], number>();
  const vote = (kind: KindTerms['kind'], weight: number) => scores.set(kind, (scores.get(kind) ?? 0) + weight);

  for (const token of d.autocomplete.toLowerCase().split(/\s+/)) {
    const kind = AUTOCOMPLETE_KINDS[token];
    if (kind) vote(kind, 1);
  }
  const type = d.type.toLowerCase();
  if (type === 'email') vote('email', 0.9);
  if (type === 'tel') vote('phone', 0.6);
  if (d.inputMode === 'email') vote('email', 0.5);
  // What the field offers: a list of countries (unless a label says it is a calling code or the like).
  if (d.tag === 'select' && optionsAreCountries(d.options) && !d.labels.some((l) => COUNTRY_VETO.some((p) => p.test(fold(l.text))))) {
    vote('country', 0.9);
  }

  // Each label source votes once per kind; the first labels are the strongest.
  for (const label of d.labels) {
    for (const kind of kindsInText(fold(label.text))) vote(kind, SOURCE_WEIGHT[label.source]);
  }
  const attrKinds = new Set<KindTerms['kind']>();
  for (const w of [d.name, d.htmlId, ...d.hints].flatMap(attributeWords)) {
    const kind = ATTRIBUTE_WORDS[w];
    if (kind) attrKinds.add(kind);
  }
  for (const kind of attrKinds) vote(kind, ATTRIBUTE_WEIGHT);

  let best: KindTerms['kind'] | null = null;
  let score = 0;
  for (const [kind, s] of scores) {
    if (s > score) [best, score] = [kind, s];
  }
  return { best, score };
}

function finish(d: FieldDescriptor, { best, score, search }: Score): ClassifiedField {
  if (search) return { descriptor: d, kind: 'unknown', confidence: 0 };
  if (best === null || score < THRESHOLD) {
    // A bare "ID" box in a section about the PLA ("Associate your partner location account (PLA)").
    if (d.tag === 'input' && kindsInText(fold(d.section)).has('partner-id')) return { descriptor: d, kind: 'partner-id', confidence: 0.3 };
    return { descriptor: d, kind: 'unknown', confidence: 0 };
  }
  const kind: FieldKind = best === 'email' ? emailRole(d) : best;
  return { descriptor: d, kind, confidence: Math.min(1, score) };
}

/**
 * A field's kind, exactly as the content script computes it: the cached value-independent part, then the
 * value. (Tests call this; the content script calls the two halves apart, to cache the first.)
 */
export function classify(d: FieldDescriptor): ClassifiedField {
  return withValue(classifyStatic(d), d);
}

export const EMAIL_KINDS: readonly FieldKind[] = ['email', 'primary-contact-email', 'support-email'];
