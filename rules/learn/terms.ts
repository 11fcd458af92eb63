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
const SUBMIT_BUTTONS = new Set(all((l) => l.submitButtons));

/** Whether a button's text says it submits the form ("Next", "Save", "次へ" …; not "Cancel" or "Back"). */
export const isSubmitText = (text: string): boolean => SUBMIT_BUTTONS.has(labelText(text));

/** Text without trailing colons and surrounding punctuation, folded: a label as written. */
export const labelText = (text: string): string =>
  fold(text)
    .replace(/[:：*]+$/, '')
    .trim();

/**
 * Whether a text is a heading made of one of the markers, perhaps with a short qualifier:
 * `Suggested address`, `Suggested address (recommended)`, `推奨される住所：` count; a sentence that merely
 * contains the words ("Verify your address", "入力された住所を照合しました") does not.
 */
export function matchesMarker(text: string, markers: string[]): boolean {
  // Radio labels say it with a verb: "Use the suggested address", "推奨される住所を使用する".
  const t = labelText(text)
    .replace(/^(use|keep|select|choose|go with)( the| this| my)?\s+/, '')
    .replace(/(を使用する|を使用|を使う|を選択する|を選択)$/, '');
  return markers.some((m) => t === m || (t.startsWith(m) && t.length - m.length <= 16 && /^[\s(（:：\-–]/.test(t.slice(m.length))));
}

/** The legal business profile's pages (enrollment and account settings): where submitting teaches the company. */
export function isLegalProfilePath(path: string): boolean {
  return /^(\/[a-z]{2}-[a-z]{2})?\/dashboard\/.*\/(enrollment\/legal-business-profile|organization\/legalinfo)[^/]*$/i.test(path);
}

/** Any page of the signed-in dashboard (its banner shows the account). */
export const isDashboardPath = (path: string): boolean => /^(\/[a-z]{2}-[a-z]{2})?\/dashboard\//i.test(path);

/** A dialog title about the address ("Confirm your address", "住所の確認"): the verification dialog's. */
export const isAddressDialogTitle = (title: string): boolean => /\baddress\b|住所/i.test(fold(title));
