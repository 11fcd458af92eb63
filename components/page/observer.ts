import { FIELD_SELECTOR } from './describe';
import { MESSAGE } from './portal-errors';

/**
 * The content script's one MutationObserver: the document and every open shadow root, with a filter that
 * drops changes that cannot touch a field (a feed, a spinner, a chat widget far from the form). It reads
 * the page; it decides nothing but "a field may have changed" and "a label may have changed".
 */

/** Elements whose text can name a field, a section, or a dialog's address. */
const LABEL_LIKE =
  'label, legend, caption, h1, h2, h3, h4, h5, h6, [role="heading"], dt, th, td, [role="row"], ' +
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal], [class*="modal" i], [class*="dialog" i], ' +
  // a message the portal shows (its errors are read)
  MESSAGE;

/** Attributes that change only what is visible, which every scan reads fresh: no label changed. */
const LAYOUT_ATTRIBUTES = new Set(['class', 'style', 'hidden', 'open', 'aria-hidden']);

const OBSERVED_ATTRIBUTES = [
  'aria-label', 'aria-labelledby', 'placeholder', 'title', 'hidden', 'style', 'class', 'for', 'name', 'type', 'autocomplete', 'open',
  'aria-hidden',
];

/**
 * Custom elements seen before they had a shadow root: it may come later, with no mutation to tell. Kept
 * for a while (framework tags may park here for good), at most `cap` of them, the oldest dropped first.
 */
export class PendingHosts {
  private readonly hosts = new Map<Element, number>();

  constructor(
    private readonly cap = 200,
    private readonly maxAgeMs = 30_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get size(): number {
    return this.hosts.size;
  }

  add(host: Element): void {
    if (this.hosts.has(host)) return;
    if (this.hosts.size >= this.cap) this.hosts.delete(this.hosts.keys().next().value!);
    this.hosts.set(host, this.now());
  }

  /** The hosts that got their shadow root since the last look; drops those detached or waited on too long. */
  takeReady(): Element[] {
    const ready: Element[] = [];
    const now = this.now();
    for (const [host, since] of this.hosts) {
      if (host.shadowRoot) ready.push(host);
      if (host.shadowRoot || !host.isConnected || now - since > this.maxAgeMs) this.hosts.delete(host);
    }
    return ready;
  }
}

/** Where the last scan found fields: a change outside these parts of the page cannot touch one. */
export interface FieldMap {
  /** Every ancestor of every field (through shadow roots). */
  ancestors: Set<Node>;
  /** Ids the fields name with `aria-labelledby`: a change inside those elements is a label change. */
  labelledBy: Set<string>;
}

export interface ObserverDeps {
  /** Our own UI: its changes are never the page's. */
  owns(node: Node): boolean;
  /** Once per batch of mutation records that may touch a field; `labels` when a label may have changed too. */
  onChange(labels: boolean): void;
  /** Custom elements whose shadow root may come later (injectable for tests). */
  pending?: PendingHosts;
}

export class PageObserver {
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly pending: PendingHosts;
  private readonly observer: MutationObserver;
  private map: FieldMap = { ancestors: new Set(), labelledBy: new Set() };
  private nearCache = new Map<Element, boolean>();

  constructor(private readonly deps: ObserverDeps) {
    this.pending = deps.pending ?? new PendingHosts();
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(doc: Document): void {
    this.observe(doc);
    this.findShadowRoots(doc.documentElement);
  }

  stop(): void {
    this.observer.disconnect();
  }

  /** The roots to scan: the document and the open shadow roots still attached (detached ones are dropped). */
  roots(doc: Document): (Document | ShadowRoot)[] {
    for (const root of this.shadowRoots) if (!root.host.isConnected) this.shadowRoots.delete(root);
    return [doc, ...this.shadowRoots];
  }

  /** What the last scan found, for the relevance filter. */
  setFieldMap(map: FieldMap): void {
    this.map = map;
  }

  /** Custom elements that got their shadow root since the last look: observed from now on. True if any. */
  checkPendingHosts(): boolean {
    if (this.pending.size === 0) return false;
    const ready = this.pending.takeReady();
    for (const host of ready) this.findShadowRoots(host);
    return ready.length > 0;
  }

  private observe(root: Document | ShadowRoot): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
  }

  private findShadowRoots(from: Node): void {
    const walker = (from.ownerDocument ?? (from as Document)).createTreeWalker(from, NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = from; n; n = walker.nextNode()) {
      if (this.deps.owns(n)) continue;
      const root = (n as Element).shadowRoot;
      if (root && !this.shadowRoots.has(root)) {
        this.shadowRoots.add(root);
        this.observe(root);
        this.findShadowRoots(root);
      } else if (!root && (n as Element).tagName?.includes('-')) {
        this.pending.add(n as Element);
      }
    }
  }

  private onMutations(records: MutationRecord[]): void {
    let relevant = false;
    let labels = false;
    this.nearCache = new Map();
    for (const r of records) {
      if (this.deps.owns(r.target)) continue;
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !this.deps.owns(node)) this.findShadowRoots(node);
      }
      if (!this.concernsFields(r)) continue;
      relevant = true;
      if (r.type !== 'attributes' || !LAYOUT_ATTRIBUTES.has(r.attributeName ?? '')) labels = true;
    }
    if (relevant) this.deps.onChange(labels);
  }

  /**
   * Whether a mutation can change a field, its labels, its section or its visibility. Content added to
   * or changed in parts of the page that hold no field and no label-like element is ignored.
   */
  private concernsFields(r: MutationRecord): boolean {
    const target = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
    if (!target) return true;
    if (this.nearField(target) || target.closest(LABEL_LIKE) || this.inLabelledBy(target)) return true;
    if (r.type === 'childList') {
      for (const list of [r.addedNodes, r.removedNodes]) {
        for (const node of list) {
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          const el = node as Element;
          if (el.matches(FIELD_SELECTOR) || el.matches(LABEL_LIKE) || el.querySelector(`${FIELD_SELECTOR}, ${LABEL_LIKE}`)) return true;
        }
      }
    }
    return false;
  }

  /** The element is, or is inside, an element some field names with `aria-labelledby`. */
  private inLabelledBy(el: Element): boolean {
    if (this.map.labelledBy.size === 0) return false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (node.id && this.map.labelledBy.has(node.id)) return true;
    }
    return false;
  }

  /**
   * The element holds a field, or sits just before one (within four siblings of a part of the page that
   * holds a field), where a field's preceding-text label lives. Answers are cached per batch.
   */
  private nearField(el: Element): boolean {
    const cached = this.nearCache.get(el);
    if (cached !== undefined) return cached;
    const ancestors = this.map.ancestors;
    let answer = false;
    let node: Element = el;
    for (let depth = 0; depth < 12 && !answer; depth++) {
      if (ancestors.has(node)) {
        answer = true;
        break;
      }
      const parent: Element | null = node.parentElement;
      if (!parent) break;
      if (ancestors.has(parent)) {
        let next = node.nextElementSibling;
        for (let hops = 0; next && hops < 4 && !answer; hops++, next = next.nextElementSibling) answer = ancestors.has(next);
        break;
      }
      node = parent;
    }
    this.nearCache.set(el, answer);
    return answer;
  }
}
