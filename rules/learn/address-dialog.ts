import { ADDRESS_PARTS, PART_KINDS } from '../address/compare';
import { kindsInText } from '../detect/classify';
import { LEXICONS } from '../detect/lexicon';
import { fold } from '../text';
import type { AddressPart, AddressParts } from '../types';
import { ENTERED_MARKERS, labelText, matchesMarker, VERIFIED_MARKERS } from './terms';

/**
 * Reading the portal's address-verification dialog from plain text (the DOM part collects it). Two
 * layouts are understood: a table with one column per side ("You entered" / "Suggested"), and two blocks
 * of address lines, each under its heading.
 */

/** The address part a row label names ("Address line 1", "郵便番号", "ZIP/Postal code"), if any. */
export function partOfLabel(label: string): AddressPart | null {
  const kinds = kindsInText(fold(label));
  for (const part of ADDRESS_PARTS) if (kinds.has(PART_KINDS[part] as never)) return part;
  return null;
}

export const isEnteredMarker = (text: string) => matchesMarker(text, ENTERED_MARKERS) && !matchesMarker(text, VERIFIED_MARKERS);
export const isVerifiedMarker = (text: string) => matchesMarker(text, VERIFIED_MARKERS);

export interface ComparisonTable {
  entered: AddressParts;
  verified: AddressParts;
  /** Index of the row holding the column headings, and of the verified column. */
  headerRow: number;
  verifiedColumn: number;
}

/** A table whose header row names both sides, then one row per address part. */
export function parseComparisonTable(rows: string[][]): ComparisonTable | null {
  for (let h = 0; h < rows.length; h++) {
    const header = rows[h]!;
    const enteredColumn = header.findIndex(isEnteredMarker);
    const verifiedColumn = header.findIndex(isVerifiedMarker);
    if (enteredColumn < 0 || verifiedColumn < 0 || enteredColumn === verifiedColumn) continue;
    const entered: AddressParts = {};
    const verified: AddressParts = {};
    for (const row of rows.slice(h + 1)) {
      // The label is the first cell that is neither side's value.
      const labelCell = row.findIndex((_, i) => i !== enteredColumn && i !== verifiedColumn);
      const part = labelCell >= 0 ? partOfLabel(row[labelCell]!) : null;
      if (!part) continue;
      const e = row[enteredColumn]?.trim();
      const v = row[verifiedColumn]?.trim();
      if (e) entered[part] = entered[part] ? `${entered[part]} ${e}` : e;
      if (v) verified[part] = verified[part] ? `${verified[part]} ${v}` : v;
    }
    if (Object.keys(entered).length > 0 && Object.keys(verified).length > 0) return { entered, verified, headerRow: h, verifiedColumn };
  }
  return null;
}

const DIALOG_START = Object.values(LEXICONS)
  .flatMap((l) => l.dialogWords.start)
  .map(fold);
const DIALOG_CONTAINS = Object.values(LEXICONS)
  .flatMap((l) => l.dialogWords.contains)
  .map(fold);
const ASCII = /^[\x20-\x7e]+$/;

/**
 * A text of the dialog that is no address line: a choice, a button, a badge ("Use this address",
 * "この住所を使用する", "(推奨)", "入力した住所"). English words must end where a word ends; a Japanese
 * word has no word boundary after it (the next character is Japanese too), so it matches as a prefix, and
 * the words no Japanese address line ever holds (住所, 使用, 推奨 …) match anywhere.
 */
export function isDialogText(text: string): boolean {
  const t = labelText(text).replace(/^[\s(（[「【]+/, '');
  if (t === '') return true;
  for (const w of DIALOG_START) {
    if (!t.startsWith(w)) continue;
    if (!ASCII.test(w) || !/[a-z0-9]/.test(t[w.length] ?? '')) return true;
  }
  return DIALOG_CONTAINS.some((w) => t.includes(w));
}

/** The address lines of a block: its texts minus markers and control labels. */
export function addressLines(texts: string[]): string[] {
  return texts
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '' && !isEnteredMarker(t) && !isVerifiedMarker(t) && !isDialogText(t));
}
