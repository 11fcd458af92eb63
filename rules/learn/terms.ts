import { LEXICONS } from '../detect/lexicon';
import { fold } from '../text';

/** Lexicon lists merged over every language, folded. */
const all = (pick: (l: (typeof LEXICONS)[string]) => string[]) => Object.values(LEXICONS).flatMap(pick).map(fold);

export const GLOBAL_TYPES = new Set(all((l) => l.partnerType.global));
export const LOCATION_TYPES = new Set(all((l) => l.partnerType.location));
export const ASSOCIATED_LABELS = all((l) => l.associatedPartnerId);
export const IDENTIFIERS_HEADINGS = new Set(all((l) => l.identifiersPage));
export const ENTERED_MARKERS = all((l) => l.addressDialog.entered);
export const VERIFIED_MARKERS = all((l) => l.addressDialog.verified);

/** Text without trailing colons and surrounding punctuation, folded: a label as written. */
export const labelText = (text: string): string => fold(text).replace(/[:：*]+$/, '').trim();

/** Whether a label text is (or starts with) one of the markers: `Suggested address (recommended)` counts. */
export function matchesMarker(text: string, markers: string[]): boolean {
  const t = labelText(text);
  return markers.some((m) => t === m || t.startsWith(`${m} `) || t.startsWith(`${m}(`) || (m.length >= 4 && t.includes(m)));
}
