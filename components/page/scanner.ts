import { classifyStatic, withValue } from '../../rules/detect/classify';
import type { ClassifiedField } from '../../rules/types';
import { byIdIn, describeField, isField, isVisible, LabelIndex, Sections, valueOf, WATCHED, type FieldElement } from './describe';
import { LIMITS } from '../contract/limits';
import type { FieldMap } from './observer';

/** Scans stop at this many fields: a page with more is not an onboarding form. */
const MAX_FIELDS = 2000;

/**
 * The page's fields: collected from the roots the observer knows, described once (when they first hold
 * a value: no check reads an empty field), classified, and kept with a stable id per element. Values are
 * read fresh on every scan and every edit; descriptions are rebuilt only when a label may have changed.
 */
export class FieldScanner {
  private readonly ids = new WeakMap<Element, string>();
  private readonly elements = new Map<string, Element>();
  /** Per element: its descriptor (without value) and its value-independent classification. */
  private described = new WeakMap<Element, ClassifiedField>();
  /** The fields of the last scan that are connected and rendered (layout is read once per scan; a screenshot covers them all). */
  visible: readonly FieldElement[] = [];
  /** Their current values, for those that hold one. */
  private values = new Map<FieldElement, ReturnType<typeof valueOf>>();
  private sections = new Sections();
  private labels = new LabelIndex();
  private nextId = 1;
  /** Every field of the last scan (connected or not then), in the roots' order and document order. */
  private fields: FieldElement[] = [];
  /** The other controls found with them (radios, checkboxes, buttons): marks keep off them too. */
  private others = new Set<Element>();

  constructor(private readonly maxFields = MAX_FIELDS) {}

  /**
   * Finds the fields and reads their values; returns where they are, for the observer. With `changed` (the
   * elements and shadow roots added or changed since the last scan), only those are searched, and the
   * fields found before are kept while they are connected and still fields: a scan costs what changed and
   * the fields, never the page. Without it, every root is searched (the first scan, a route change).
   */
  collect(roots: (Document | ShadowRoot)[], changed?: readonly Node[]): FieldMap {
    let found = changed ? this.fields.filter((el) => el.isConnected && isField(el)) : [];
    if (!changed) this.labels = new LabelIndex();
    if (!changed) this.others = new Set();
    for (const el of this.others) if (!el.isConnected) this.others.delete(el);
    // Fields are kept in the roots' order (the document, then shadow roots as found), then document order.
    const rank = new Map<Node, number>(roots.map((r, i) => [r, i]));
    const before = (a: Node, b: Node) => {
      const ra = rank.get(a.getRootNode())!;
      const rb = rank.get(b.getRootNode())!;
      return ra < rb || (ra === rb && (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    };
    for (const node of changed ?? roots) {
      if (!node.isConnected || rank.get(node.getRootNode()) === undefined) continue;
      const block: FieldElement[] = [];
      for (const el of [
        ...('matches' in node && (node as Element).matches(WATCHED) ? [node as Element] : []),
        ...(node as ParentNode).querySelectorAll(WATCHED),
      ]) {
        // A new `label[for]` (or a changed `for`): the index is made again when a field is next described.
        if (el.tagName === 'LABEL') this.labels = new LabelIndex();
        // New, or moved (removed and added again): described afresh.
        else if (isField(el)) {
          block.push(el);
          this.described.delete(el);
        } else if (this.others.size < this.maxFields) this.others.add(el);
      }
      if (block.length === 0) continue;
      // What was added is one stretch of the page: its fields go, in their order, before the first kept
      // field that comes after it (a binary search, not a sort).
      const inBlock = new Set<Element>(block);
      found = found.filter((el) => !inBlock.has(el));
      let lo = 0;
      for (let hi = found.length; lo < hi;) {
        const mid = (lo + hi) >> 1;
        if (before(found[mid]!, node)) lo = mid + 1;
        else hi = mid;
      }
      found = [...found.slice(0, lo), ...block, ...found.slice(lo)];
    }
    found.length = Math.min(found.length, this.maxFields);
    this.fields = found;
    this.elements.clear();
    for (const el of found) this.elements.set(this.idOf(el), el);
    this.visible = found.filter(isVisible);
    const ancestors = new Map<Node, number>();
    for (const el of found) {
      let depth = 0;
      for (let n: Node | null = el; n && (ancestors.get(n) ?? Infinity) > depth; n = n.parentNode, depth++) ancestors.set(n, depth);
    }
    // The elements fields name with aria-labelledby, too far to hold a preceding-text label (observer.ts).
    for (const el of found)
      for (const id of el.getAttribute('aria-labelledby')?.split(/\s+/) ?? []) {
        const label = byIdIn(el, id);
        if (label && !ancestors.has(label)) ancestors.set(label, 9);
      }
    // Headings are looked up per scan (the page may have changed since the last one); label[for] are indexed
    // once and the index kept until a label is added (above).
    this.sections = new Sections();
    this.readValues();
    return { ancestors };
  }

  /** Reads every visible field's value; describes (once) those that hold one. */
  readValues(): void {
    this.values = new Map();
    for (const el of this.visible) {
      if (!el.isConnected) continue;
      const raw = valueOf(el);
      // A value is clipped before it is checked: no field of the forms is that long, and a 1 MB value
      // would cost every check on every edit.
      const read = raw.value.length > LIMITS.value ? { ...raw, value: raw.value.slice(0, LIMITS.value) } : raw;
      if (read.value.trim() === '') continue;
      this.values.set(el, read);
      if (!this.described.has(el)) this.described.set(el, classifyStatic(describeField(el, this.idOf(el), this.sections, this.labels)));
    }
  }

  /** The visible fields that hold a value, classified (the static part comes from the cache). */
  classified(): ClassifiedField[] {
    const out: ClassifiedField[] = [];
    for (const [el, { value, optionValue }] of this.values) {
      const stat = this.described.get(el);
      if (stat) out.push(withValue(stat, { ...stat.descriptor, value, optionValue }));
    }
    return out;
  }

  /** The fields and the other form controls of the last scan, found without searching the page again. */
  *controls(): Generator<Element> {
    yield* this.fields;
    yield* this.others;
  }

  /** Whether the last collect found this field. */
  knows(el: Element): boolean {
    return this.fields.includes(el as FieldElement);
  }

  /** Forgets every description: a label, a heading or the text around a field may have changed. */
  invalidate(): void {
    this.described = new WeakMap();
  }

  /** The element a field id (or a registered anchor's id) stands for, as of the last scan. */
  element(id: string): Element | undefined {
    return this.elements.get(id);
  }

  /** Gives a non-field element (a dialog's anchor) an id that marks can be placed by. */
  register(el: Element): string {
    const id = this.idOf(el);
    this.elements.set(id, el);
    return id;
  }

  private idOf(el: Element): string {
    let id = this.ids.get(el);
    if (!id) this.ids.set(el, (id = `f${this.nextId++}`));
    return id;
  }
}
