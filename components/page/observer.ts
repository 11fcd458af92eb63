import { timed } from './bench';
import { NATIVE_CONTROLS as CONTROL, WATCHED } from './describe';
import { MESSAGE } from './portal-errors';

/** An added element or shadow root is, or holds, a form control or a `label[for]` (one query within what was added). */
const watched = (el: Element | ShadowRoot) => ('matches' in el && el.matches(WATCHED)) || el.querySelector(WATCHED) !== null;

/**
 * The content script's one MutationObserver: the document and every open shadow root, with a filter that
 * drops changes that cannot touch a field (a feed, a spinner, a chat widget far from the form). It reads
 * the page; it decides nothing but "a field may have changed" and "a label may have changed".
 */

/**
 * Elements the page readers look for when they appear, open or close: dialogs (the address-verification
 * dialog), by role first; class-named overlays only when mounted at the top of the page (a modal layer).
 */
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog, [aria-modal="true"]';
const OVERLAY = '[class*="modal" i], [class*="dialog" i], [class*="overlay" i], [class*="layer" i]';

/**
 * A dialog or a message the portal shows (its errors are read), or (mounted at the top of the page) an
 * overlay or a layer holding one.
 */
function isDialog(el: Element, topLevel: boolean): boolean {
  if (el.matches(DIALOG) || el.matches(MESSAGE)) return true;
  return topLevel && (el.matches(OVERLAY) || (el.firstElementChild !== null && el.querySelector(DIALOG) !== null));
}

/**
 * Whether what a container's render added holds a native form control, in native queries: over the
 * container when the render replaced most of it (a grid re-rendered: one query, no node touched from
 * script), else over each added element (a feed appended to: the container's older part is not searched).
 */
function holdsControl(container: Element, added: NodeList, replaced: boolean): boolean {
  if (replaced) return container.querySelector(CONTROL) !== null;
  for (let i = 0; i < added.length; i++) {
    const node = added[i]!;
    if (node.nodeType === Node.ELEMENT_NODE && ((node as Element).matches(CONTROL) || (node as Element).querySelector(CONTROL)))
      return true;
  }
  return false;
}

/** A render's shape: how many nodes, and the first and last one's tag. */
const shapeOf = (added: NodeList) => `${added.length} ${added[0]!.nodeName} ${added[added.length - 1]!.nodeName}`;

/** Whether a node list holds an element. */
function hasElement(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) if (nodes[i]!.nodeType === Node.ELEMENT_NODE) return true;
  return false;
}

/** A render of more nodes than this into one container far from fields may be a churning grid or feed. */
const CHURN_NODES = 20;
/** After this many such renders with nothing for us, a render is walked only every CHURN_RECHECK-th time. */
const CHURN_QUIET = 1;
const CHURN_RECHECK = 32;

/** How far above a field its preceding-text label may sit (describe.ts reads the field and 3 ancestors). */
const PRECEDING_DEPTH = 3;

/** Changes of a far element's text or attributes with nothing for us before it is no longer observed. */
const NOISY = 20;
const MAX_EXCLUDED = 16;

/** What a portal error's text holds: a code, an MPN / PartnerID word, an address-verification status. */
const MAY_BE_ERROR = /\d{4,}|mpn|partner ?id|numeric|verif|validat|interactionrequired/i;

/** Attributes that change only what is visible, which every scan reads fresh: no label changed. */
const LAYOUT = new Set(['class', 'style', 'hidden', 'open', 'aria-hidden']);

const OBSERVED_ATTRIBUTES = [...LAYOUT, 'aria-label', 'aria-labelledby', 'placeholder', 'title', 'for', 'name', 'type', 'autocomplete'];

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
  /**
   * Every ancestor of every field, with its distance from the nearest field (0: the field itself); and the
   * elements fields name with `aria-labelledby` (far: a change inside one is a label change).
   */
  ancestors: Map<Node, number>;
}

/** What a batch of mutation records may have changed. */
export interface PageChange {
  /** A field, its labels, its section or its visibility (a scan is due). */
  fields: boolean;
  /** A label or the text around a field: descriptions are stale. */
  labels: boolean;
  /** Something a page reader reads (a dialog, or any content on a page whose readers watch it all). */
  readers: boolean;
  /** Elements and shadow roots added (or changed) that hold a field or a `label[for]`: what the next scan searches. */
  added: Node[];
}

export interface ObserverDeps {
  /** Our own UI: its changes are never the page's. */
  owns(node: Node): boolean;
  /** Once per batch of mutation records that may matter. */
  onChange(change: PageChange): void;
  /** On a batch of mutation records while custom elements wait for a shadow root (someone should look soon). */
  onWaiting?(): void;
  /** Whether the page's readers want to hear of every content change (the Identifiers and status pages). */
  readersWatchAll?(): boolean;
  /** Custom elements whose shadow root may come later (injectable for tests). */
  pending?: PendingHosts;
}

export class PageObserver {
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly pending: PendingHosts;
  private readonly observer: MutationObserver;
  private map: FieldMap = { ancestors: new Map() };
  /** Elements found far from every field and label since the last scan (a spinner's): not looked at again. */
  private far = new WeakSet<Element>();
  /** Far elements, not dialogs, whose layout attributes changed since the last scan (a spinner's class): skipped at once. */
  private quiet = new WeakSet<Node>();
  /** Far containers re-rendered with nothing for us: how many renders in a row (see onMutations). */
  private readonly churn = new WeakMap<Node, number>();
  /** Per such container, the shape of its last render that replaced it and brought no form control. */
  private readonly shapes = new WeakMap<Node, string>();
  /** Far elements whose text or attributes changed with nothing for us: how many times (see `countNoise`). */
  private noisy = new WeakMap<Element, number>();
  /** Far elements that kept changing (a spinner, a clock, a progress bar): not observed until `includeAll`. */
  private readonly excluded = new Set<Element>();
  /** The ancestors of the excluded elements: observed without their subtree, their other children with it. */
  private path = new Set<Node>();
  private doc: Document | null = null;

  constructor(private readonly deps: ObserverDeps) {
    this.pending = deps.pending ?? new PendingHosts();
    this.observer = new MutationObserver(timed((records: MutationRecord[]) => this.onMutations(records)));
  }

  start(doc: Document): void {
    this.doc = doc;
    this.observe(doc);
    this.findShadowRoots(doc);
  }

  /**
   * Observes the whole page again, the elements that kept changing included (a route change; a field found
   * in one of them by the user's event; a scan that found one near a field).
   */
  includeAll(): void {
    if (this.excluded.size === 0) return;
    this.excluded.clear();
    // (Counted afresh: a clock that keeps ticking after a route change is left out again 20 changes later.)
    this.noisy = new WeakMap();
    this.rewire();
  }

  /** Whether `node` is in a part of the page that is not observed now (see `includeAll`). */
  isExcluded(node: Node): boolean {
    for (const el of this.excluded) if (el.contains(node)) return true;
    return false;
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
    this.far = new WeakSet();
    this.quiet = new WeakSet();
    // (Asked once per scan, not per batch: a route change always brings a scan.)
    this.watchAll = this.deps.readersWatchAll?.() ?? false;
    // A part of the page not observed that is near a field now (or a page that wants every change read).
    for (const el of this.excluded)
      if (this.watchAll || this.near(el)) {
        this.includeAll();
        break;
      }
  }

  private watchAll = false;

  /**
   * Custom elements that got their shadow root since the last look: observed from now on. Returns their
   * roots that hold a field, and whether some still wait.
   */
  checkPendingHosts(): [Node[], boolean] {
    this.added = [];
    for (const host of this.pending.takeReady()) this.findShadowRoots(host);
    return [this.added, this.pending.size > 0];
  }

  /** Shadow roots with a field (or a label) found in the batch being classified. */
  private added: Node[] = [];

  private observe(root: Node): void {
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: OBSERVED_ATTRIBUTES,
    });
  }

  /**
   * Shadow roots at and under `from` (one native list of its elements, no walk through JS). True when it
   * found a shadow root or a custom element waiting for one.
   */
  private findShadowRoots(from: Element | Document | ShadowRoot): boolean {
    let found = from.nodeType === Node.ELEMENT_NODE && this.visitHost(from as Element);
    const all = from.querySelectorAll('*');
    for (let i = 0; i < all.length; i++) if (this.visitHost(all[i]!)) found = true;
    return found;
  }

  private visitHost(el: Element): boolean {
    const root = el.shadowRoot;
    if (root) {
      if (this.shadowRoots.has(root) || this.deps.owns(el)) return true;
      this.shadowRoots.add(root);
      this.observe(root);
      if (watched(root)) this.added.push(root);
      this.findShadowRoots(root);
      return true;
    }
    if (el.localName.includes('-')) {
      // A custom element not upgraded yet: its shadow root may come later, with no mutation to tell.
      this.pending.add(el);
      return true;
    }
    return false;
  }

  /**
   * Classifies each record from its target and the nodes it added or removed, in time proportional to
   * what changed: a re-rendered grid or a spinner far from every field costs a few checks per node and
   * no scan; a change beside a field, to a label, or a dialog opening is passed on.
   */
  private onMutations(records: MutationRecord[]): void {
    if (this.pending.size > 0) this.deps.onWaiting?.();
    this.added = [];
    const change: PageChange = { fields: false, labels: false, readers: false, added: this.added };
    const watchAll = this.watchAll;
    // Far elements that changed in this batch, with nothing for us.
    const noise: Element[] = [];
    for (const r of records) {
      if (r.type === 'attributes' && this.quiet.has(r.target) && LAYOUT.has(r.attributeName!)) {
        noise.push(r.target as Element);
        continue;
      }
      if (this.deps.owns(r.target)) continue;
      const target = r.target.nodeType === Node.ELEMENT_NODE ? (r.target as Element) : r.target.parentElement;
      if (r.type === 'childList') {
        const added = r.addedNodes;
        const removed = r.removedNodes;
        // A new child of an ancestor of an excluded element: observed with its subtree (see `rewire`).
        if (this.path.has(r.target))
          for (let i = 0; i < added.length; i++)
            if (added[i]!.nodeType === Node.ELEMENT_NODE && !this.excluded.has(added[i] as Element)) this.observe(added[i]!);
        // Our own host added or removed (one node a record), by us or by a page that removes it in a loop:
        // not the page's change.
        if (added.length + removed.length === 1 && this.deps.owns(added[0] ?? removed[0]!)) continue;
        if (watchAll) change.readers = true;
        const topLevel = !target || target === target.ownerDocument.body || target === target.ownerDocument.documentElement;
        const near = target !== null && this.near(target);
        if (near) change.fields = change.labels = true;
        // Nodes removed from a part of the page that holds no field held none (else it would be near one).
        for (let i = 0; near || topLevel ? i < removed.length : false; i++) {
          const node = removed[i]!;
          if (node.nodeType !== Node.ELEMENT_NODE) continue;
          // A part of the page that held a field went away.
          if (this.map.ancestors.has(node)) change.fields = true;
          // A dialog closed by unmounting its layer (at the top of the page, where modal layers live).
          if (topLevel && isDialog(node as Element, true)) change.readers = change.fields = true;
        }
        // A container far from every field that the page re-renders again and again (a live grid, a feed):
        // once a render brought neither a field nor a shadow root, its renders are not walked node by node,
        // only asked (natively, no node touched) whether they hold a form control, and walked in full now
        // and then. A field the user reaches in it meanwhile is found by its first event (wiring.ts).
        const churn = !near && target !== null && added.length > CHURN_NODES ? (this.churn.get(target) ?? 0) : -1;
        if (churn >= CHURN_QUIET && churn % CHURN_RECHECK !== 0 && !this.mayHoldControl(target!, added)) {
          this.churn.set(target!, churn + 1);
          if (topLevel)
            for (let i = 0; i < added.length; i++)
              if (added[i]!.nodeType === Node.ELEMENT_NODE && isDialog(added[i] as Element, true)) change.readers = change.fields = true;
          continue;
        }
        let found = false;
        // Only text replaced far from every field (a spinner's glyph, a clock): noise.
        let elements = false;
        for (let i = 0; i < added.length; i++) {
          const node = added[i]!;
          if (node.nodeType !== Node.ELEMENT_NODE || this.deps.owns(node)) continue;
          elements = true;
          const el = node as Element;
          if (this.findShadowRoots(el)) found = true;
          if (watched(el)) {
            found = change.fields = change.labels = true;
            this.added.push(el);
          }
          if (isDialog(el, topLevel)) change.readers = change.fields = true;
        }
        if (churn >= 0) {
          if (found) this.churn.delete(target!);
          else this.churn.set(target!, churn + 1);
        }
        if (!near && !topLevel && !elements && !watchAll && !hasElement(removed)) noise.push(target!);
      } else if (target) {
        // New text in a message the portal shows: read again when it could be an error it explains (a
        // spinner or a live status with a percentage, ten times a second, is not).
        const message =
          r.type === 'characterData' && (watchAll || (MAY_BE_ERROR.test(r.target.nodeValue ?? '') && target.closest(MESSAGE)));
        if (message) change.readers = change.fields = true;
        const layout = r.type === 'attributes' && LAYOUT.has(r.attributeName!);
        // A `type` that may turn an input into a field (a hidden one shown), or a `for` naming a field, far
        // from the fields we know: searched as if added.
        const named = (r.attributeName === 'type' || r.attributeName === 'for') && watched(target);
        if (named) {
          change.fields = change.labels = true;
          this.added.push(target);
        }
        const near = this.near(target);
        if (near) {
          change.fields = true;
          if (!layout) change.labels = true;
          // An attribute of a field or a label (a `type` may make a field, a `for` name another): searched again.
          if (!layout && r.type === 'attributes') this.added.push(target);
        }
        // A dialog shown or hidden by an attribute (open, hidden, class, aria-hidden). (Roles are not
        // observed: an element that is not a dialog now stays one that is not, for the observer.)
        const dialog = layout && target.matches(DIALOG);
        if (dialog) change.readers = change.fields = true;
        else if (layout && !near) this.quiet.add(target);
        if (!near && !named && !dialog && !message && !watchAll) noise.push(target);
      }
    }
    this.added = [];
    if (change.fields || change.readers) this.deps.onChange(change);
    if (noise.length > 0) this.countNoise(noise);
  }

  /**
   * Whether a render of a container that keeps re-rendering with nothing for us may bring a form control.
   * A render that replaced the container in the same shape as its last one that brought none is the same
   * template with new data (a live grid's rows): not searched. Any other render is asked (holdsControl).
   */
  private mayHoldControl(container: Element, added: NodeList): boolean {
    const replaced = added.length * 2 >= container.childElementCount;
    const shape = replaced ? shapeOf(added) : '';
    if (replaced && this.shapes.get(container) === shape) return false;
    if (holdsControl(container, added, replaced)) return true;
    if (replaced) this.shapes.set(container, shape);
    return false;
  }

  /**
   * A far element whose text or attributes changed NOISY times with nothing for us (a spinner, a clock, a
   * progress bar) is no longer observed: such a change costs the page nothing, and us a callback each time.
   * What is lost: a field, dialog or shadow root that appears inside it later is found by a route change,
   * by the user's first event in it (wiring.ts), or by a scan that finds it near a field. Never a message
   * the portal shows (its errors are read), never the top of the page (where dialogs mount), never one in
   * a shadow root (observed as a whole), and at most MAX_EXCLUDED of them.
   */
  private countNoise(noise: readonly Element[]): void {
    let exclude = false;
    for (const el of noise) {
      const n = (this.noisy.get(el) ?? 0) + 1;
      this.noisy.set(el, n);
      if (n === NOISY && this.excludable(el)) {
        this.excluded.add(el);
        exclude = true;
      }
    }
    if (exclude) this.rewire();
  }

  private excludable(el: Element): boolean {
    const doc = this.doc;
    if (!doc || this.excluded.size >= MAX_EXCLUDED || !el.isConnected || el.getRootNode() !== doc) return false;
    return el !== doc.documentElement && el !== doc.body && el !== doc.head && !el.closest(MESSAGE) && !this.isExcluded(el);
  }

  /**
   * Observes the page again without the excluded elements: each of their ancestors on its own (its
   * children added or removed, its attributes), every other child of those ancestors with its subtree, and
   * every shadow root as before. (The text directly inside an ancestor, outside any child element, is not
   * observed then: the label of a field is never there, since a field's ancestor is never excluded.)
   */
  private rewire(): void {
    const doc = this.doc;
    if (!doc) return;
    for (const el of this.excluded) if (!el.isConnected) this.excluded.delete(el);
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    this.path = new Set();
    for (const el of this.excluded) for (let n = el.parentNode; n; n = n.parentNode) this.path.add(n);
    if (this.path.size === 0) this.observe(doc);
    for (const node of this.path) {
      this.observer.observe(node, { childList: true, attributes: true, attributeFilter: OBSERVED_ATTRIBUTES });
      for (let child = (node as ParentNode).firstElementChild; child; child = child.nextElementSibling)
        if (!this.path.has(child) && !this.excluded.has(child)) this.observe(child);
    }
    for (const root of this.shadowRoots) this.observe(root);
    if (pending.length > 0) this.onMutations(pending);
  }

  /**
   * A change at this element may change a field or its label: it is or is inside a field's ancestor or a
   * label a field names, or sits just before one (within four siblings of a part of the page that holds a
   * field), where a field's preceding-text label lives. A "no" is remembered until the next scan.
   */
  private near(el: Element): boolean {
    const ancestors = this.map.ancestors;
    let answer = false;
    let node: Element = el;
    for (let depth = 0; depth < 12 && !answer && !this.far.has(el); depth++) {
      if (ancestors.has(node)) {
        answer = true;
        break;
      }
      const parent: Element | null = node.parentElement;
      if (!parent) break;
      if (ancestors.has(parent)) {
        // A preceding-text label is read from the four siblings before the field or one of its three
        // nearest ancestors (describe.ts): only there can text change a field's label.
        let next = node.nextElementSibling;
        for (let hops = 0; next && hops < 4 && !answer; hops++, next = next.nextElementSibling)
          answer = (ancestors.get(next) ?? Infinity) <= PRECEDING_DEPTH;
        break;
      }
      node = parent;
    }
    if (!answer) this.far.add(el);
    return answer;
  }
}
