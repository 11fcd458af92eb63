import type { PageReads, PageTexts } from '../../rules/companion/page-evidence';
import { textOf } from './describe';
import { leafTexts, readAccountEmail, tableRows } from './readers';

/** Cells longer than this are cut: a status word or a name sits in a short cell. */
const CELL_MAX = 300;

/** Rows of a page: table and ARIA grid rows, and list items (card lists), each as its cells' texts. */
function rowsOf(doc: Document): string[][] {
  const cut = (ts: string[]) => ts.map((t) => t.slice(0, CELL_MAX));
  const rows = tableRows(doc).map((r) => cut(r.cells.length > 0 ? r.cells.map((c) => leafTexts(c, 40).join(' ')) : leafTexts(r.row, 40)));
  for (const item of [...doc.querySelectorAll('li, [role="listitem"]')].slice(0, 300)) rows.push(cut(leafTexts(item, 40)));
  return rows.map((r) => r.slice(0, 40));
}

/** A page's main headings (the step of a page nobody knows the path of is told by them). */
export const headingsOf = (doc: Document): string[] =>
  [...doc.querySelectorAll('h1, h2, [role="heading"]')].slice(0, 20).map((h) => textOf(h).slice(0, CELL_MAX));

/**
 * What the enrollment evidence readers need of this page (`reads`, which the background tells from the
 * page's path and headings): DOM in, texts out. The background reads them (`rules/companion/page-evidence.ts`).
 */
export function collectPage(doc: Document, reads: PageReads['reads'] = [], headings = headingsOf(doc)): PageTexts {
  const page: PageTexts = { headings };
  if (reads.includes('texts')) page.texts = leafTexts(doc.body, 2000).map((t) => t.slice(0, CELL_MAX));
  if (reads.includes('rows')) page.rows = rowsOf(doc);
  if (reads.includes('account')) page.account = readAccountEmail(doc);
  return page;
}
