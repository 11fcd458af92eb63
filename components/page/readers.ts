import { addressLines, isEnteredMarker, isVerifiedMarker, parseComparisonTable } from '../../rules/learn/address-dialog';
import { idsIn, isIdentifiersPage, parseAssociated, parseIdentifierRows } from '../../rules/learn/identifiers';
import { isAddressDialogTitle, isDashboardPath } from '../../rules/learn/terms';
import { LIMITS } from '../contract/limits';
import type { AddressParts } from '../../rules/types';
import { Sections, textOf } from './describe';

/**
 * Reads what the portal shows besides form fields: the Identifiers page's table and the
 * address-verification dialog. DOM in, plain text out to the pure parsers in `rules/learn/`.
 */

// Options are skipped: a select counts by the option it shows.
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'CSP-RESELLER-ASSISTANT', 'OPTION', 'OPTGROUP']);
const MAX_TEXTS = 4000;

/** The texts under a node in page order: text nodes, plus the values of inputs and selects. */
export function leafTexts(root: Node, limit = MAX_TEXTS): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.ELEMENT_NODE && SKIP.has((n as Element).tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    if (n.nodeType === Node.TEXT_NODE) {
      const t = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
      if (t) out.push(t);
    } else if (
      (n as Element).tagName === 'INPUT' &&
      !['hidden', 'radio', 'checkbox', 'button', 'submit'].includes((n as HTMLInputElement).type)
    ) {
      const v = (n as HTMLInputElement).value.trim();
      if (v) out.push(v);
    } else if ((n as Element).tagName === 'SELECT') {
      const o = (n as HTMLSelectElement).selectedOptions[0];
      if (o) out.push(o.text.trim());
    }
  }
  return out;
}

const CELL = 'td, th, [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';

export function tableRows(root: ParentNode): { row: Element; cells: Element[] }[] {
  return [...root.querySelectorAll('tr, [role="row"]')].slice(0, 500).map((row) => ({
    row,
    cells: [...row.querySelectorAll(CELL)].filter((c) => c.closest('tr, [role="row"]') === row),
  }));
}

const cellText = (el: Element) => leafTexts(el, 40).join(' ');

/** Card layouts: for each PartnerID shown alone, the smallest ancestor (up to 5 levels) holding one ID and its type. */
function cardRows(root: Element, inRows: Set<Element>, sections: Sections): { cells: string[]; heading: string }[] {
  const rows: { cells: string[]; heading: string }[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < MAX_TEXTS; n = walker.nextNode(), seen++) {
    const ids = idsIn(n.nodeValue ?? '');
    if (ids.length !== 1) continue;
    let el = n.parentElement;
    // Texts in table rows are read as rows (also rows past the 500 read): one ancestor test, not one per row.
    if (!el || el.closest('tr, [role="row"]') || [...inRows].some((r) => r.contains(el))) continue;
    const heading = sections.of(el);
    const chain: { cells: string[]; heading: string }[] = [];
    for (let depth = 0; el && depth < 5; depth++, el = el.parentElement) {
      const texts = leafTexts(el, 60);
      if (new Set(texts.flatMap(idsIn)).size > 1) break;
      chain.push({ cells: texts, heading });
    }
    // Widest first: the largest block that still holds only this ID says the most (type, country, name).
    rows.push(...chain.reverse());
  }
  return rows;
}

export interface IdentifiersReading {
  partnerIds: ReturnType<typeof parseIdentifierRows>;
  associatedPartnerId?: string;
}

export function readIdentifiers(doc: Document): IdentifiersReading | null {
  if (!isIdentifiersPage(doc.location.href)) return null;
  const rows = tableRows(doc);
  const sections = new Sections();
  const rowTexts = rows.map((r) => ({
    cells: r.cells.length > 0 ? r.cells.map(cellText) : leafTexts(r.row, 40),
    heading: sections.of(r.row),
  }));
  const cards = cardRows(doc.body, new Set(rows.map((r) => r.row)), sections);
  const partnerIds = parseIdentifierRows([...rowTexts, ...cards]).slice(0, LIMITS.partnerIds);
  const associated = parseAssociated(leafTexts(doc.body));
  if (partnerIds.length === 0 && !associated) return null;
  return { partnerIds, ...(associated ? { associatedPartnerId: associated } : {}) };
}

export interface DialogReading {
  /**
   * A dialog by role (`role="dialog"`, `<dialog>`) titled about the address: what may be learned from.
   * Overlays found by class name only are checked against, never learned from.
   */
  semantic: boolean;
  anchor: Element;
  entered: AddressParts;
  verified: AddressParts;
}

// Semantic dialogs first; class names are a fallback for overlays built without ARIA.
const DIALOG =
  '[role="dialog"], [role="alertdialog"], dialog[open], [aria-modal="true"], ' +
  ':not(html, body)[class*="modal" i], :not(html, body)[class*="dialog" i]';

/**
 * The control or heading the user reads for the suggested side: the radio in its block, else a radio
 * labelled as the suggested one, else the fallback (its heading or column header).
 */
function verifiedAnchor(dialog: Element, fallback: Element, block?: Element): Element {
  const own = block?.querySelector('input[type="radio"]');
  if (own) return own;
  for (const radio of dialog.querySelectorAll('input[type="radio"]')) {
    const label = [...((radio as HTMLInputElement).labels ?? [])].map((l) => textOf(l)).join(' ') || radio.getAttribute('aria-label') || '';
    if (isVerifiedMarker(label) || /suggest|recommend|verified|推奨|検証/i.test(label)) return radio;
  }
  return fallback;
}

/** The smallest block around a marker that holds address lines and not the other side's marker. */
function blockOf(marker: Element, dialog: Element, isOther: (t: string) => boolean): Element | null {
  let el: Element | null = marker;
  let best: Element | null = null;
  for (let depth = 0; el && el !== dialog && depth < 6; depth++, el = el.parentElement) {
    const texts = leafTexts(el, 80);
    if (texts.some(isOther)) break;
    if (addressLines(texts).length >= 1) best = el;
    if (addressLines(texts).length >= 2) return el;
  }
  return best;
}

function readDialog(dialog: Element, parseLines: (lines: string[]) => AddressParts): DialogReading | null {
  const rows = tableRows(dialog);
  const table = parseComparisonTable(rows.map((r) => r.cells.map(cellText)));
  if (table) {
    const fallback = rows[table.headerRow]?.cells[table.verifiedColumn] ?? dialog;
    return { semantic: false, anchor: verifiedAnchor(dialog, fallback), entered: table.entered, verified: table.verified };
  }
  // Blocks: find the elements whose own text is a side's heading.
  const candidates = [...dialog.querySelectorAll('*')].filter((el) => {
    const t = textOf(el, 80);
    return t.length > 0 && t.length <= 60 && el.children.length <= 2;
  });
  const enteredMarker = candidates.find((el) => isEnteredMarker(textOf(el, 80)));
  const verifiedMarker = candidates.find((el) => isVerifiedMarker(textOf(el, 80)) && !isEnteredMarker(textOf(el, 80)));
  if (!enteredMarker || !verifiedMarker) return null;
  const enteredBlock = blockOf(enteredMarker, dialog, isVerifiedMarker);
  const verifiedBlock = blockOf(verifiedMarker, dialog, isEnteredMarker);
  if (!enteredBlock || !verifiedBlock) return null;
  const entered = parseLines(addressLines(leafTexts(enteredBlock, 80)));
  const verified = parseLines(addressLines(leafTexts(verifiedBlock, 80)));
  if (Object.keys(entered).length === 0 || Object.keys(verified).length === 0) return null;
  return { semantic: false, anchor: verifiedAnchor(dialog, verifiedMarker, verifiedBlock), entered, verified };
}

const SEMANTIC_DIALOG = '[role="dialog"], [role="alertdialog"], dialog';

/** A dialog's title: what `aria-labelledby` names, else `aria-label`, else its first heading. */
function dialogTitle(dialog: Element): string {
  const ids = dialog.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  const named = ids.map((id) => dialog.ownerDocument.getElementById(id)).filter((e): e is HTMLElement => e !== null);
  if (named.length > 0) return named.map((e) => textOf(e, 200)).join(' ');
  const label = dialog.getAttribute('aria-label');
  if (label) return label.slice(0, 200);
  const heading = dialog.querySelector('h1, h2, h3, h4, [role="heading"]');
  return heading ? textOf(heading, 200) : '';
}

export function readAddressDialog(doc: Document, parseLines: (lines: string[]) => AddressParts): DialogReading | null {
  for (const dialog of doc.querySelectorAll(DIALOG)) {
    if (dialog.getClientRects().length === 0) continue;
    const reading = readDialog(dialog, parseLines);
    if (reading) return { ...reading, semantic: dialog.matches(SEMANTIC_DIALOG) && isAddressDialogTitle(dialogTitle(dialog)) };
  }
  return null;
}

const EMAIL_IN_TEXT = /[^\s@<>()"'、,;:]+@[a-z0-9.-]+\.[a-z]{2,}/i;

/** Where a page's own content lives: a header inside it is an article's or a card's, not the portal's banner. */
const CONTENT = 'main, article, section, aside, nav, form, dialog, [role="main"], [role="article"], [role="dialog"], [role="region"]';

/**
 * The signed-in work account the portal shows in its banner (account menu), if any: only on a dashboard
 * page, only from the page's own banner (not a `<header>` inside content).
 */
export function readAccountEmail(doc: Document): string | null {
  if (!isDashboardPath(doc.location.pathname)) return null;
  const header = [...doc.querySelectorAll('header, [role="banner"]')].slice(0, 20).find((h) => !h.parentElement?.closest(CONTENT));
  if (!header) return null;
  for (const t of leafTexts(header, 200)) {
    const m = EMAIL_IN_TEXT.exec(t);
    if (m) return m[0];
  }
  for (const el of header.querySelectorAll('[aria-label], [title]')) {
    const m = EMAIL_IN_TEXT.exec(`${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`);
    if (m) return m[0];
  }
  return null;
}
