import type { FieldDescriptor, LabelSource } from '../../rules/types';

/**
 * Reads form controls from the portal's DOM into plain {@link FieldDescriptor}s. This file is the only
 * place the content script looks at the page's fields; everything after it is pure (`rules/`).
 * It only reads: it never writes into the page.
 */

/** The native form controls (every type of input). */
export const NATIVE_CONTROLS = 'input, select, textarea';
export const FIELD_SELECTOR = `${NATIVE_CONTROLS}, [role="combobox"]`;
/** What a scan looks for in what changed: fields, and labels that name one by `for`. */
export const WATCHED = `${FIELD_SELECTOR}, label[for]`;
const SKIPPED_TYPES = new Set(['hidden', 'button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color', 'password']);
/** Elements whose text is never a label. */
const NOT_LABEL_TEXT = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA', 'NOSCRIPT', 'SVG']);
const MAX_LABEL = 160;

export type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLElement;

// Tag-name tests rather than `instanceof`: page elements seen from a Firefox content script or from
// another realm (iframes, shadow roots of custom elements) do not always pass `instanceof`.
const isInput = (el: Element): el is HTMLInputElement => el.tagName === 'INPUT';
const isSelect = (el: Element): el is HTMLSelectElement => el.tagName === 'SELECT';
const isTextArea = (el: Element): el is HTMLTextAreaElement => el.tagName === 'TEXTAREA';

/** Whether an element is a control we describe (a text-like input, select, textarea or combobox). */
export function isField(el: Element): el is FieldElement {
  if (isInput(el)) {
    // An input inside a combobox widget is described through the widget.
    return !SKIPPED_TYPES.has(el.type) && !(el.getAttribute('role') !== 'combobox' && el.closest('[role="combobox"]'));
  }
  if (isSelect(el) || isTextArea(el)) return true;
  return el.getAttribute('role') === 'combobox';
}

/** Visible text of a node, skipping controls, scripts and option lists; whitespace collapsed. */
export function textOf(node: Node, limit = MAX_LABEL): string {
  // Most labels are an element holding plain text: no walk needed.
  if (node.nodeType === Node.ELEMENT_NODE && (node as Element).childElementCount === 0 && !NOT_LABEL_TEXT.has((node as Element).tagName)) {
    return (node.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, limit);
  }
  let out = '';
  const walk = (n: Node): void => {
    if (out.length > limit) return;
    if (n.nodeType === Node.TEXT_NODE) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== Node.ELEMENT_NODE) return;
    const e = n as Element;
    if (NOT_LABEL_TEXT.has(e.tagName.toUpperCase()) || isInput(e)) return;
    if (e.getAttribute('aria-hidden') === 'true' && e !== node) return;
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim().slice(0, limit);
}

function containsField(el: Element): boolean {
  return el.matches(FIELD_SELECTOR) || el.querySelector(FIELD_SELECTOR) !== null;
}

/**
 * Text just before the field: previous siblings, walking up a few ancestors (labels drawn as divs). A
 * heading is a section's name, not the field's: the search stops there (the section is read apart).
 */
function precedingText(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    let sib = node.previousSibling;
    for (let hops = 0; sib && hops < 4; hops++, sib = sib.previousSibling) {
      if (sib.nodeType === Node.ELEMENT_NODE && (containsField(sib as Element) || (sib as Element).matches(HEADING_OR_LEGEND))) return '';
      const text = sib.nodeType === Node.TEXT_NODE ? (sib.nodeValue ?? '').trim() : textOf(sib);
      if (text) return text.slice(0, MAX_LABEL);
    }
  }
  return '';
}

const HEADING_OR_LEGEND = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';
const GRID = 'table, [role="grid"], [role="table"], [role="treegrid"]';
const ROW = 'tr, [role="row"]';
const BODY_CELL = 'td, [role="gridcell"], [role="cell"]';
const ANY_CELL = 'td, th, [role="gridcell"], [role="cell"], [role="columnheader"], [role="rowheader"]';
const HEADER_CELL = 'th, [role="columnheader"]';

/** The previous non-empty cell of the row, and whether it is a header cell (`th`, `rowheader`). */
function previousCell(cell: Element): { text: string; header: boolean } {
  let prev = cell.previousElementSibling;
  while (prev && !textOf(prev)) prev = prev.previousElementSibling;
  return prev ? { text: textOf(prev), header: prev.matches('th, [role="rowheader"]') } : { text: '', header: false };
}

/** The cells of a row, its own only (not those of a grid nested in a cell). */
const cellsOf = (row: Element) => [...row.children].filter((c) => c.matches(ANY_CELL));

/** The column a cell starts at: `aria-colindex` when given, else the widths (`colspan`) of the cells before it. */
function columnOf(cell: Element, cells: Element[]): number {
  const aria = Number(cell.getAttribute('aria-colindex'));
  if (aria > 0) return aria - 1;
  let col = 0;
  for (const c of cells) {
    if (c === cell) return col;
    col += Math.max(1, Number(c.getAttribute('colspan')) || 1);
  }
  return -1;
}

/** A header row's cell covering a column: by `aria-colindex` when the headers have it, else by widths. */
function headerAt(row: Element, col: number): string {
  const cells = cellsOf(row);
  let start = 0;
  for (const c of cells) {
    const aria = Number(c.getAttribute('aria-colindex'));
    const from = aria > 0 ? aria - 1 : start;
    const span = Math.max(1, Number(c.getAttribute('colspan')) || 1);
    if (col >= from && col < from + span) return c.matches(HEADER_CELL) ? textOf(c) : '';
    start = from + span;
  }
  return '';
}

/** The first row of a grid made of header cells (`thead tr`, a row of `th` or `columnheader`s). */
function headerRowIn(root: Element): Element | null {
  for (const row of root.querySelectorAll(ROW)) {
    const cells = cellsOf(row);
    if (cells.length > 0 && cells.every((c) => c.matches(HEADER_CELL) || textOf(c) === '')) return row;
    if (cells.some((c) => c.matches(BODY_CELL))) return null;
  }
  return null;
}

/**
 * The header of a cell's column: in its own table or grid, or (grids that draw the header as a separate
 * table above the body, as Kendo and virtualised grids do) in a header table just before it, found by
 * walking up a few ancestors.
 */
function columnHeader(cell: Element): string {
  const row = cell.parentElement?.closest(ROW);
  if (!row) return '';
  const col = columnOf(cell, cellsOf(row));
  if (col < 0) return '';
  const grid = row.closest(GRID);
  if (!grid) return '';
  const own = headerRowIn(grid);
  if (own && own !== row) return headerAt(own, col);
  let node: Element | null = grid;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      const header = sib.matches(GRID) ? headerRowIn(sib) : sib.querySelector(GRID) ? headerRowIn(sib.querySelector(GRID)!) : null;
      if (header) return headerAt(header, col);
    }
  }
  return '';
}

function definitionLabel(dd: Element): string {
  let prev = dd.previousElementSibling;
  while (prev && prev.tagName !== 'DT') prev = prev.previousElementSibling;
  return prev ? textOf(prev) : '';
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * Finds the section an element sits in: its fieldset's legend, its table's caption, or else the last
 * heading before it in document order. The heading is found by walking back from the element (previous
 * siblings' subtrees, then up), remembering the answer for every element passed: the fields of one form
 * share one walk, which costs the part of the page between the fields and their heading, never the page.
 * One instance per scan (the page changes between scans).
 */
export class Sections {
  private readonly before = new Map<Element, Element | null>();

  of(el: Element, box: Element | null = el.closest('fieldset, table')): string {
    if (box) {
      const fieldset = box.tagName === 'FIELDSET' ? box : box.parentElement?.closest('fieldset');
      const legend = fieldset?.querySelector(':scope > legend');
      if (legend) return textOf(legend);
      const caption = box.tagName === 'TABLE' ? box.querySelector(':scope > caption') : null;
      if (caption) return textOf(caption);
    }
    const heading = this.headingBefore(el);
    if (heading) return textOf(heading);
    const root = el.getRootNode() as Document | ShadowRoot;
    return 'host' in root && root.host ? this.of(root.host) : '';
  }

  /** The last heading before `el` in document order (an ancestor heading counts), or null. */
  private headingBefore(el: Element): Element | null {
    const path: Element[] = [];
    let found: Element | null | undefined;
    for (let node: Element | null = el; node && (found = this.before.get(node)) === undefined;) {
      path.push(node);
      const prev: Element | null = node.previousElementSibling;
      const inside = prev?.querySelectorAll(HEADING);
      // The last heading in the previous sibling (or that sibling), else the parent if a heading, else on.
      found = prev
        ? (inside![inside!.length - 1] ?? (prev.matches(HEADING) ? prev : undefined))
        : node.parentElement?.matches(HEADING)
          ? node.parentElement
          : undefined;
      if (found) break;
      node = prev ?? node.parentElement;
    }
    for (const n of path) this.before.set(n, found ?? null);
    return found ?? null;
  }
}

/** The nearest wrapping label, table cell / `dd`, and fieldset / table of a field, in as few walks as possible. */
interface Ancestors {
  label: Element | null;
  cell: Element | null;
  box: Element | null;
}
function ancestorsOf(el: Element): Ancestors {
  const found: Ancestors = { label: null, cell: null, box: null };
  const ANCESTORS = 'label, td, dd, [role="gridcell"], [role="cell"], fieldset, table';
  let from = el.parentElement?.closest(ANCESTORS) ?? null;
  while (from) {
    const tag = from.tagName;
    if (tag === 'LABEL') found.label ??= from;
    else if (tag === 'TD' || tag === 'DD' || (tag !== 'TABLE' && tag !== 'FIELDSET')) found.cell ??= from;
    else {
      found.box ??= from;
      break;
    }
    from = from.parentElement?.closest(ANCESTORS) ?? null;
  }
  return found;
}

export function byIdIn(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? null;
}

/**
 * `label[for]` elements by id, collected once per root and kept across scans until a `label[for]` is added
 * or a `for` changes (the scanner makes a new index then); labels removed since are skipped. (`input.labels`
 * searches the whole document for every field, which made a scan quadratic in the page's size.)
 */
export class LabelIndex {
  private readonly byRoot = new Map<Node, Map<string, Element[]>>();

  for(el: Element, id: string | null): Element[] {
    const root = el.getRootNode() as Document | ShadowRoot;
    let index = this.byRoot.get(root);
    if (!index) {
      index = new Map();
      for (const label of root.querySelectorAll?.('label[for]') ?? []) {
        const id = label.getAttribute('for')!;
        index.set(id, [...(index.get(id) ?? []), label]);
      }
      this.byRoot.set(root, index);
    }
    return id ? (index.get(id)?.filter((l) => l.isConnected) ?? []) : [];
  }
}

/** An element's attributes read in one call: most fields have few, so absent ones cost nothing. */
type Attributes = (name: string) => string | null;
function attributesOf(el: Element): { attr: Attributes; names: string[] } {
  const names = el.getAttributeNames();
  return { attr: (name) => (names.includes(name) ? el.getAttribute(name) : null), names };
}

function labelsOf(el: FieldElement, index: LabelIndex, attr: Attributes, anc: Ancestors): LabelSource[] {
  const out: LabelSource[] = [];
  // Attribute texts are collapsed here; texts from `textOf` already are.
  const add = (source: LabelSource['source'], text: string | null | undefined, raw = false) => {
    if (!text) return;
    const t = raw ? text.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL) : text;
    if (t) out.push({ source, text: t });
  };
  // The texts of the elements `aria-labelledby` / `aria-describedby` name (one or several ids).
  const named = (ids: string | null) =>
    (ids ?? '')
      .split(/\s+/)
      .map((id) => {
        const l = byIdIn(el, id);
        return l ? textOf(l) : '';
      })
      .join(' ')
      .trim();
  add('aria-labelledby', named(attr('aria-labelledby')));
  const wrapping = anc.label;
  if (wrapping && !wrapping.hasAttribute('for')) add('label-wrap', textOf(wrapping));
  for (const label of index.for(el, attr('id'))) add(label.contains(el) ? 'label-wrap' : 'label-for', textOf(label));
  add('aria-label', attr('aria-label'), true);
  const cell = anc.cell;
  if (cell && cell.tagName !== 'DD') {
    // In a grid the header of the column names the field; the cell before it is another value, unless
    // it is the row's own header (a form drawn as a two-column table).
    const header = columnHeader(cell);
    const prev = previousCell(cell);
    if (prev.header || (!header && prev.text)) add('table-cell', prev.text);
    add('column-header', header);
  } else if (cell) add('dt', definitionLabel(cell));
  // The text before the field is a fallback, read only when nothing names the field.
  if (out.length === 0) add('preceding-text', precedingText(el), true);
  add('placeholder', attr('placeholder'), true);
  add('title', attr('title'), true);
  // Help text (`aria-describedby`): a weak label, which often names what to enter ("Your PLA ID, 7 digits").
  add('aria-describedby', named(attr('aria-describedby')).slice(0, MAX_LABEL));
  return out;
}

function hintsOf(el: Element, names: string[]): string[] {
  const hints: string[] = [];
  for (const name of names) {
    if (name === 'formcontrolname' || name === 'ng-model' || name.startsWith('data-')) {
      const value = el.getAttribute(name);
      if (value && value.length < 80) hints.push(value);
    }
  }
  return hints;
}

/** What the user sees as the field's value. */
export function valueOf(el: FieldElement): { value: string; optionValue?: string } {
  if (isSelect(el)) {
    const option = el.selectedOptions[0];
    return { value: option ? textOf(option) || option.text.trim() : '', optionValue: el.value };
  }
  if (isInput(el) || isTextArea(el)) return { value: el.value };
  // A combobox widget: its announced value, its inner input, or the first text it shows (not its icons).
  const announced = el.getAttribute('aria-valuetext');
  if (announced) return { value: announced };
  const inner = el.querySelector('input');
  if (inner) return { value: inner.value };
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = (n.nodeValue ?? '').replace(/[\uE000-\uF8FF]/g, '').trim();
    if (/[\p{L}\p{N}]/u.test(t) && !n.parentElement?.closest('[aria-hidden="true"]')) return { value: t };
  }
  return { value: '' };
}

/** Rendered at all (not `display: none`, not detached): `checkVisibility` where the browser has it. */
export function isVisible(el: Element): boolean {
  return typeof el.checkVisibility === 'function' ? el.checkVisibility() : el.getClientRects().length > 0;
}

/** Everything but the value, which is read fresh on every run. */
export function describeField(
  el: FieldElement,
  id: string,
  sections: Sections = new Sections(),
  labelIndex: LabelIndex = new LabelIndex(),
): FieldDescriptor {
  const input = isInput(el) ? el : null;
  const { attr, names } = attributesOf(el);
  const anc = ancestorsOf(el);
  return {
    id,
    tag: attr('role') === 'combobox' && !input ? 'combobox' : (el.tagName.toLowerCase() as 'input' | 'select' | 'textarea'),
    type: input?.type ?? '',
    name: attr('name') ?? '',
    htmlId: attr('id') ?? '',
    autocomplete: attr('autocomplete') ?? '',
    inputMode: attr('inputmode') ?? '',
    hints: hintsOf(el, names),
    labels: labelsOf(el, labelIndex, attr, anc),
    section: sections.of(el, anc.box),
    value: '',
    visible: true,
    readOnly:
      attr('readonly') !== null || attr('disabled') !== null || attr('aria-readonly') === 'true' || attr('aria-disabled') === 'true',
    ...(attr('role') ? { role: attr('role')! } : {}),
    ...(isSelect(el) ? { options: optionSample(el) } : {}),
  };
}

/** A few option texts of a select (the first dozen with text), enough to tell what kind of list it is. */
function optionSample(el: HTMLSelectElement): string[] {
  const out: string[] = [];
  for (const o of el.options) {
    const t = o.text.replace(/\s+/g, ' ').trim();
    if (t) out.push(t.slice(0, 60));
    if (out.length >= 12) break;
  }
  return out;
}
