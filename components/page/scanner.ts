import { classifyStatic, withValue } from '../../rules/detect/classify';
import type { ClassifiedField } from '../../rules/types';
import { describeField, FIELD_SELECTOR, isField, isVisible, LabelIndex, Sections, valueOf, type FieldElement } from './describe';
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
  /** The fields of the last scan that are connected and rendered (layout is read once per scan). */
  private visible: FieldElement[] = [];
  /** Their current values, for those that hold one. */
  private values = new Map<FieldElement, ReturnType<typeof valueOf>>();
  private sections = new Sections();
  private labels = new LabelIndex();
  private nextId = 1;
  private known = new Set<Element>();

  constructor(private readonly maxFields = MAX_FIELDS) {}

  /** Collects every field in the roots and reads their values; returns where they are, for the observer. */
  collect(roots: (Document | ShadowRoot)[]): FieldMap {
    const found: FieldElement[] = [];
    for (const root of roots) {
      // Inputs inside combobox widgets, found in one query rather than one ancestor walk per input.
      const inner = new Set(root.querySelectorAll('[role="combobox"] input'));
      const inCombobox = (el: Element) => inner.has(el);
      for (const el of root.querySelectorAll(FIELD_SELECTOR)) {
        if (found.length >= this.maxFields) break;
        if (isField(el, inCombobox)) found.push(el);
      }
    }
    this.elements.clear();
    this.known = new Set(found);
    for (const el of found) this.elements.set(this.idOf(el), el);
    this.visible = found.filter(isVisible);
    const ancestors = new Map<Node, number>();
    for (const el of found) {
      let depth = 0;
      for (let n: Node | null = el; n && (ancestors.get(n) ?? Infinity) > depth; n = n.parentNode, depth++) ancestors.set(n, depth);
    }
    const labelledBy = new Set<string>();
    for (const root of roots) {
      for (const el of root.querySelectorAll('[aria-labelledby]')) {
        for (const id of el.getAttribute('aria-labelledby')!.split(/\s+/)) if (id) labelledBy.add(id);
      }
    }
    // Headings and label[for] indexes are per scan: the page may have changed since the last one.
    this.sections = new Sections();
    this.labels = new LabelIndex();
    this.readValues();
    return { ancestors, labelledBy };
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

  /** The fields of the last scan that are rendered (a screenshot covers them all). */
  visibleFields(): readonly Element[] {
    return this.visible;
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

  /** Whether the last collect found this field. */
  knows(el: Element): boolean {
    return this.known.has(el);
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
