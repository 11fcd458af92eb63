import { fold } from '../text';
import type { FieldDescriptor, PageFacts } from '../types';
import { LEXICONS } from './lexicon';

/**
 * Whose data a field is about: the signed-in partner's own company (`ours`) or another party's, such as a
 * customer's or another company's (`other`). The checks that read "the company's" contact or address use
 * it: a customer's primary contact on the customer's own domain, or a customer's address, is no mistake.
 *
 * Read from the field's own labels and its section (heading, legend), in every language of the lexicons,
 * then from the route: a form under `/customers/…` is about a customer unless its words say it is ours.
 */
export type Owner = 'ours' | 'other';

const words = (pick: (l: (typeof LEXICONS)[string]) => string[]) => Object.values(LEXICONS).flatMap(pick).map(fold);
// Lexicon terms are matched like labels: ASCII terms as whole words, others as substrings.
const pattern = (term: string) => {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /^[\x20-\x7e]+$/.test(term) ? new RegExp(`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`) : new RegExp(escaped);
};
const OTHER = words((l) => l.owner.other).map(pattern);
const NOT_OTHER = words((l) => l.owner.notOther);
const OURS = words((l) => l.owner.ours).map(pattern);

/** A route segment that names another party's records: `/customers/…`, `/clients/…`, `/end-customers/…`. */
const OTHER_ROUTE = /\/(?:customers?|clients?|end-?customers?)(?:\/|$)/i;

/** A text speaks of another party (and not of serving them, as "customer support" does). */
export function mentionsOtherParty(text: string): boolean {
  let t = fold(text);
  if (t === '') return false;
  for (const phrase of NOT_OTHER) t = t.split(phrase).join(' ');
  return OTHER.some((p) => p.test(t));
}

const mentionsOurs = (text: string) => {
  const t = fold(text);
  return t !== '' && OURS.some((p) => p.test(t));
};

/** A route about another party's records. */
export const isOtherRoute = (path: string | undefined): boolean => typeof path === 'string' && OTHER_ROUTE.test(path);

export function ownerOf(d: FieldDescriptor, page?: PageFacts): Owner {
  const texts = [d.section, ...d.labels.map((l) => l.text)];
  if (texts.some(mentionsOtherParty)) return 'other';
  if (isOtherRoute(page?.path) && !texts.some(mentionsOurs)) return 'other';
  return 'ours';
}
