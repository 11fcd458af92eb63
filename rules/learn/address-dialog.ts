import { ADDRESS_PARTS, PART_KINDS } from '../address/compare';
import { kindsInText } from '../detect/classify';
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

/** Texts inside an address block that are not address lines: its heading, choices, buttons. */
const NOT_ADDRESS = /^(use|select|choose|keep|edit|continue|cancel|back|ok|この住所|選択|使用|続行|キャンセル|戻る|編集)\b/;

/** The address lines of a block: its texts minus markers and control labels. */
export function addressLines(texts: string[]): string[] {
  return texts
    .map((t) => t.replace(/\s+/g, ' ').trim())
    .filter((t) => t !== '' && !isEnteredMarker(t) && !isVerifiedMarker(t) && !NOT_ADDRESS.test(labelText(t)));
}
