import type { FieldDescriptor, LabelSource } from '../../rules/types';

/**
 * Reads form controls from the portal's DOM into plain {@link FieldDescriptor}s. This file is the only
 * place the content script looks at the page's fields; everything after it is pure (`rules/`).
 * It only reads: it never writes into the page.
 */

export const FIELD_SELECTOR = 'input, select, textarea, [role="combobox"]';
const SKIPPED_TYPES = new Set([
  'hidden', 'button', 'submit', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color', 'password',
]);
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

/** Text just before the field: previous siblings, walking up a few ancestors (labels drawn as divs). */
function precedingText(el: Element): string {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 4; depth++, node = node.parentElement) {
    let sib = node.previousSibling;
    for (let hops = 0; sib && hops < 4; hops++, sib = sib.previousSibling) {
      if (sib.nodeType === Node.ELEMENT_NODE && containsField(sib as Element)) return '';
      const text = sib.nodeType === Node.TEXT_NODE ? (sib.nodeValue ?? '').trim() : textOf(sib);
      if (text) return text.slice(0, MAX_LABEL);
    }
  }
  return '';
}

function tableCellLabel(el: Element): string {
  const cell = el.closest('td');
  if (!cell) return '';
  let prev = cell.previousElementSibling;
  while (prev && !textOf(prev)) prev = prev.previousElementSibling;
  return prev ? textOf(prev) : '';
}

function definitionLabel(el: Element): string {
  const dd = el.closest('dd');
  let prev = dd?.previousElementSibling ?? null;
  while (prev && prev.tagName !== 'DT') prev = prev.previousElementSibling;
  return prev ? textOf(prev) : '';
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"], legend';

/** Fieldset legend, or the nearest heading before the element (a table's caption counts). */
export function sectionOf(el: Element): string {
  const caption = el.closest('table')?.querySelector(':scope > caption');
  if (caption) return textOf(caption);
  const legend = el.closest('fieldset')?.querySelector(':scope > legend');
  if (legend) return textOf(legend);
  let node: Element | null = el;
  for (let depth = 0; node && depth < 8; depth++, node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.matches(HEADING)) return textOf(sib);
      const inner = sib.querySelectorAll(HEADING);
      if (inner.length > 0) return textOf(inner[inner.length - 1]!);
    }
  }
  return '';
}

function byIdIn(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? null;
}

function labelsOf(el: FieldElement): LabelSource[] {
  const out: LabelSource[] = [];
  const add = (source: LabelSource['source'], text: string | null | undefined) => {
    const t = (text ?? '').replace(/\s+/g, ' ').trim();
    if (t) out.push({ source, text: t.slice(0, MAX_LABEL) });
  };
  const labelled = el.getAttribute('aria-labelledby');
  if (labelled) {
    add('aria-labelledby', labelled.split(/\s+/).map((id) => { const l = byIdIn(el, id); return l ? textOf(l) : ''; }).join(' '));
  }
  const labels = 'labels' in el ? (el as HTMLInputElement).labels : null;
  for (const label of labels ?? []) add(label.contains(el) ? 'label-wrap' : 'label-for', textOf(label));
  add('aria-label', el.getAttribute('aria-label'));
  add('table-cell', tableCellLabel(el));
  add('dt', definitionLabel(el));
  if (!out.some((l) => l.source === 'label-wrap' || l.source === 'label-for')) add('preceding-text', precedingText(el));
  add('placeholder', el.getAttribute('placeholder'));
  add('title', el.getAttribute('title'));
  return out;
}

function hintsOf(el: Element): string[] {
  const hints: string[] = [];
  for (const attr of el.attributes) {
    if (attr.name === 'formcontrolname' || attr.name === 'ng-model' || attr.name.startsWith('data-')) {
      if (attr.value && attr.value.length < 80) hints.push(attr.value);
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
  const inner = el.querySelector('input');
  return { value: inner ? inner.value : el.getAttribute('aria-valuetext') ?? textOf(el) };
}

export function isVisible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

/** Everything but the value, which is read fresh on every run. */
export function describeField(el: FieldElement, id: string): FieldDescriptor {
  const input = isInput(el) ? el : null;
  return {
    id,
    tag: el.getAttribute('role') === 'combobox' && !input ? 'combobox' : (el.tagName.toLowerCase() as 'input' | 'select' | 'textarea'),
    type: input?.type ?? '',
    name: el.getAttribute('name') ?? '',
    htmlId: el.id,
    autocomplete: el.getAttribute('autocomplete') ?? '',
    inputMode: el.getAttribute('inputmode') ?? '',
    hints: hintsOf(el),
    labels: labelsOf(el),
    section: sectionOf(el),
    value: '',
    visible: true,
    readOnly: el.hasAttribute('readonly') || el.hasAttribute('disabled') || el.getAttribute('aria-readonly') === 'true' || el.getAttribute('aria-disabled') === 'true',
  };
}
