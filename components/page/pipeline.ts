import { ADDRESS_PARTS, PART_KINDS } from '../../rules/address/compare';
import { classifyStatic, withValue } from '../../rules/detect/classify';
import { runChecks, unknownHosts } from '../../rules/run-checks';
import { resolveCountry } from '../../rules/geo/country';
import type { AddressParts, Check, ClassifiedField, DomainInfo, Facts, Issue, Locale, PageFacts } from '../../rules/types';
import type { Learned, ProfileFacts, TabIssue } from '../protocol';
import { describeField, FIELD_SELECTOR, isField, isVisible, LabelIndex, Sections, valueOf, type FieldElement } from './describe';
import { MarkLayer, type PlacedIssue } from './marks';
import { readAccountEmail, readAddressDialog, readIdentifiers } from './readers';

/**
 * The content script's one pipeline, one direction:
 *
 *   MutationObserver (one, idle-batched, filtered) ─┐
 *   input / change / focusout ──────────────────────┤
 *                                                   ▼
 *   collect fields ─► describe (cached) ─► classify ─► read page ─► run checks ─► render marks ─► report
 *                                                         │              ▲
 *           Identifiers, dialog, account ─► learn ─► background profile ─┤ (facts, pushed on change)
 *           unknown email hosts ─► background lookup (PSL, provider list)┘
 *
 * It never writes into the portal's inputs, never submits, never restyles the page.
 */

export interface PipelineDeps {
  checks: readonly Check[];
  locale: Locale;
  lookupDomains(hosts: string[]): Promise<DomainInfo[]>;
  report(issues: TabIssue[]): void;
  /** Sends what the page taught (Identifiers, verified address, account domain) to the background. */
  learn(learned: Learned): void;
  /** Turns a dialog's address lines into parts (`rules/address`). */
  parseAddressLines(lines: string[]): AddressParts;
  onCheckError?(code: string, error: unknown): void;
  /** Scheduling, supplied by the content-script context so nothing runs after invalidation. */
  schedule(fn: () => void): void;
}

/**
 * `npm run bench` sets `data-csp-bench` on its own test page to read our timings from the performance
 * timeline. On any other page (the portal) nothing is recorded.
 */
let benchPage: boolean | undefined;
function benchMark(name: string, start: number): void {
  benchPage ??= document.documentElement.hasAttribute('data-csp-bench');
  if (benchPage) performance.measure(name, { start, end: performance.now() });
}

/** Elements whose text can name a field, a section, or a dialog's address. */
const LABEL_LIKE =
  'label, legend, caption, h1, h2, h3, h4, h5, h6, [role="heading"], dt, th, td, [role="row"], ' +
  'dialog, [role="dialog"], [role="alertdialog"], [aria-modal], [class*="modal" i], [class*="dialog" i]';

const LAYOUT_ATTRIBUTES = new Set(['class', 'style', 'hidden', 'open', 'aria-hidden']);

/** Scans stop at this many fields: a page with more is not an onboarding form. */
const MAX_FIELDS = 2000;

export class Pipeline {
  readonly marks: MarkLayer;
  private readonly observer: MutationObserver;
  private readonly ids = new WeakMap<Element, string>();
  private readonly elements = new Map<string, Element>();
  /** Per element: its descriptor (without value) and its value-independent classification. */
  private described = new WeakMap<Element, ClassifiedField>();
  private nearCache = new Map<Element, boolean>();
  /** Ids the fields name with `aria-labelledby`: a change inside those elements is a label change. */
  private labelledBy = new Set<string>();
  /** Every ancestor of the last scan's fields: a mutation outside them cannot touch a field. */
  private fieldAncestors = new Set<Node>();
  /** The fields of the last scan that are connected and rendered (layout is read once per scan). */
  private visible: FieldElement[] = [];
  /** Their current values, for those that hold one (read on every scan and every edit). */
  private values = new Map<FieldElement, ReturnType<typeof valueOf>>();
  private sections = new Sections();
  private labels = new LabelIndex();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly customHosts = new Set<Element>();
  private facts: Facts = { domains: {} };
  private page: PageFacts = {};
  private readonly learnedKeys = new Set<string>();
  private readonly pendingLookups = new Set<string>();
  private nextId = 1;
  private scanQueued = false;
  private lastReport = '';

  constructor(private readonly deps: PipelineDeps) {
    this.marks = new MarkLayer(deps.locale);
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  start(): void {
    this.observe(document);
    this.findShadowRoots(document.documentElement);
    this.scan();
  }

  stop(): void {
    this.observer.disconnect();
    this.marks.destroy();
  }

  /** The background's facts (learned IDs, company, distributor): replaces the previous ones and re-checks. */
  setProfileFacts(facts: ProfileFacts): void {
    this.facts = { ...facts, domains: this.facts.domains };
    this.check();
  }


  /**
   * The user is submitting the form: if it is the legal business profile (company name and country
   * fields), remember the company's name, country and address.
   */
  onSubmitIntent(): void {
    this.fillValues();
    const fields = this.classified();
    const name = fields.find((f) => f.kind === 'company-name')?.descriptor.value.trim();
    const countryField = fields.find((f) => f.kind === 'country')?.descriptor;
    const country = countryField ? resolveCountry(countryField.value) ?? resolveCountry(countryField.optionValue) : null;
    if (!name || !country) return;
    const address: AddressParts = {};
    for (const part of ADDRESS_PARTS) {
      const value = fields.find((f) => f.kind === PART_KINDS[part])?.descriptor.value.trim();
      // The profile schema's bounds: postal code 40, country 100, the rest 200 characters.
      if (value) address[part] = value.slice(0, part === 'postalCode' ? 40 : part === 'country' ? 100 : 200);
    }
    this.learnOnce({ kind: 'legal-profile', companyName: name.slice(0, 300), country, address });
  }

  /** A user edit: values changed, the DOM did not. Re-read values and re-check now (no frame wait). */
  onUserEdit(): void {
    const start = performance.now();
    this.fillValues();
    this.check();
    benchMark('csp:check', start);
  }

  /** Full scan: collect fields, describe the ones not cached, check. */
  scan(): void {
    const start = performance.now();
    this.scanQueued = false;
    const found: FieldElement[] = [];
    const roots: (Document | ShadowRoot)[] = [document, ...this.shadowRoots];
    for (const root of roots) {
      // Inputs inside combobox widgets, found in one query rather than one ancestor walk per input.
      const inner = new Set(root.querySelectorAll('[role="combobox"] input'));
      const inCombobox = (el: Element) => inner.has(el);
      for (const el of root.querySelectorAll(FIELD_SELECTOR)) {
        if (found.length >= MAX_FIELDS) break;
        // (Our own shadow root is never among the roots searched.)
        if (isField(el, inCombobox)) found.push(el);
      }
    }
    benchMark('csp:scan:collect', start);
    const t1 = performance.now();
    this.elements.clear();
    for (const el of found) this.elements.set(this.idOf(el), el);
    this.visible = found.filter(isVisible);
    this.fieldAncestors = new Set();
    for (const el of found) {
      for (let n: Node | null = el; n && !this.fieldAncestors.has(n); n = n.parentNode) this.fieldAncestors.add(n);
    }
    this.labelledBy = new Set();
    for (const root of roots) {
      for (const el of root.querySelectorAll('[aria-labelledby]')) {
        for (const id of el.getAttribute('aria-labelledby')!.split(/\s+/)) if (id) this.labelledBy.add(id);
      }
    }
    benchMark('csp:scan:visible', t1);
    const t2 = performance.now();
    // Fields are described when they first hold a value (no check reads an empty field): an untouched
    // form costs little, and typing into a field describes just that one.
    this.sections = new Sections();
    this.labels = new LabelIndex();
    this.fillValues();
    benchMark('csp:scan:describe', t2);
    const t3 = performance.now();
    this.readPage();
    benchMark('csp:scan:read', t3);
    const t4 = performance.now();
    this.check();
    benchMark('csp:scan:check', t4);
    benchMark('csp:scan', start);
  }

  /** What the page shows besides fields: learned facts go to the background, the dialog to the checks. */
  private readPage(): void {
    const identifiers = readIdentifiers(document);
    if (identifiers) this.learnOnce({ kind: 'identifiers', ...identifiers });
    const account = readAccountEmail(document);
    const domain = account?.split('@')[1]?.toLowerCase();
    if (domain) this.learnOnce({ kind: 'company-domain', domain });
    const dialog = readAddressDialog(document, this.deps.parseAddressLines);
    this.page = { path: location.pathname };
    if (dialog) {
      const anchorId = this.idOf(dialog.anchor);
      this.elements.set(anchorId, dialog.anchor);
      this.page.addressDialog = { anchorId, entered: dialog.entered, verified: dialog.verified };
      this.learnOnce({ kind: 'verified-address', address: dialog.verified });
    }
  }

  private learnOnce(learned: Learned): void {
    const key = JSON.stringify(learned);
    if (this.learnedKeys.has(key)) return;
    this.learnedKeys.add(key);
    this.deps.learn(learned);
  }

  /** Clears cached descriptors and rescans soon (route change, big re-render). */
  rescanSoon(): void {
    this.described = new WeakMap();
    this.queueScan();
  }

  private idOf(el: Element): string {
    let id = this.ids.get(el);
    if (!id) this.ids.set(el, (id = `f${this.nextId++}`));
    return id;
  }

  /** Reads every visible field's value; describes (once) those that hold one. */
  private fillValues(): void {
    this.values = new Map();
    for (const el of this.visible) {
      if (!el.isConnected) continue;
      const read = valueOf(el);
      if (read.value.trim() === '') continue;
      this.values.set(el, read);
      if (!this.described.has(el)) this.described.set(el, classifyStatic(describeField(el, this.idOf(el), this.sections, this.labels)));
    }
  }

  /** The visible fields that hold a value, classified (the static part comes from the cache). */
  private classified(): ClassifiedField[] {
    const out: ClassifiedField[] = [];
    for (const [el, { value, optionValue }] of this.values) {
      const stat = this.described.get(el);
      if (stat) out.push(withValue(stat, { ...stat.descriptor, value, optionValue }));
    }
    return out;
  }

  private check(): void {
    const ctx = { fields: this.classified(), facts: this.facts, page: this.page };
    this.requestLookups(unknownHosts(ctx));
    const issues = runChecks(this.deps.checks, ctx, this.deps.locale, this.deps.onCheckError);
    const placed: PlacedIssue[] = [];
    for (const issue of issues) {
      const element = this.elements.get(issue.fieldId);
      if (element) placed.push({ ...issue, element });
    }
    this.marks.render(placed);
    this.reportIfChanged(placed, ctx.fields);
  }

  private requestLookups(hosts: string[]): void {
    const wanted = hosts.filter((h) => !this.pendingLookups.has(h));
    if (wanted.length === 0) return;
    for (const h of wanted) this.pendingLookups.add(h);
    this.deps
      .lookupDomains(wanted)
      .then((infos) => {
        for (const info of infos) this.facts.domains[info.host] = info;
        this.check();
      })
      .catch((error: unknown) => console.warn('[CSP Reseller Assistant] domain lookup failed', error))
      .finally(() => {
        for (const h of wanted) this.pendingLookups.delete(h);
      });
  }

  private reportIfChanged(issues: Issue[], fields: ClassifiedField[]): void {
    const label = new Map(fields.map((f) => [f.descriptor.id, f.descriptor.labels[0]?.text ?? f.descriptor.name]));
    const report: TabIssue[] = issues.map(({ code, severity, fieldId, message }) => ({
      code, severity, fieldId, message, fieldLabel: label.get(fieldId) ?? '',
    }));
    const key = JSON.stringify(report);
    if (key === this.lastReport) return;
    this.lastReport = key;
    this.deps.report(report);
  }

  private observe(root: Document | ShadowRoot): void {
    this.observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['aria-label', 'aria-labelledby', 'placeholder', 'title', 'hidden', 'style', 'class', 'for', 'name', 'type', 'autocomplete', 'open', 'aria-hidden'] });
  }

  private findShadowRoots(from: Node): void {
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = from; n; n = walker.nextNode()) {
      if (n === this.marks.host) continue;
      const root = (n as Element).shadowRoot;
      if (root && !this.shadowRoots.has(root)) {
        this.shadowRoots.add(root);
        this.observe(root);
        this.findShadowRoots(root);
      } else if (!root && (n as Element).tagName?.includes('-')) {
        // A custom element not upgraded yet: its shadow root may come later, with no mutation to tell.
        this.customHosts.add(n as Element);
      }
    }
  }

  /** Custom elements that got their shadow root since the last look: observe them and rescan. */
  checkPendingHosts(): void {
    let found = false;
    for (const host of this.customHosts) {
      if (!host.isConnected) this.customHosts.delete(host);
      else if (host.shadowRoot) {
        this.customHosts.delete(host);
        this.findShadowRoots(host);
        found = true;
      }
    }
    if (found) this.rescanSoon();
  }

  private onMutations(records: MutationRecord[]): void {
    let relevant = false;
    let labelsMayChange = false;
    this.nearCache = new Map();
    for (const r of records) {
      if (this.marks.owns(r.target)) continue;
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !this.marks.owns(node)) this.findShadowRoots(node);
      }
      if (!this.concernsFields(r)) continue;
      relevant = true;
      // class / style / hidden only change what is visible, which every scan reads fresh.
      if (r.type !== 'attributes' || !LAYOUT_ATTRIBUTES.has(r.attributeName ?? '')) labelsMayChange = true;
    }
    if (!relevant) return;
    // A label, a heading or the text around a field may have changed: describe again on the next scan.
    if (labelsMayChange) this.described = new WeakMap();
    this.queueScan();
  }

  /**
   * Whether a mutation can change a field, its labels, its section or its visibility. Content added to
   * or changed in parts of the page that hold no field and no label-like element (a feed, a spinner, a
   * chat widget) is ignored, so a busy page costs nothing.
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
    if (this.labelledBy.size === 0) return false;
    for (let node: Element | null = el; node; node = node.parentElement) {
      if (node.id && this.labelledBy.has(node.id)) return true;
    }
    return false;
  }

  /**
   * The element holds a field, or sits just before one (within four siblings of a part of the page
   * that holds a field), where a field's preceding-text label lives. Answers are cached per batch.
   */
  private nearField(el: Element): boolean {
    const cached = this.nearCache.get(el);
    if (cached !== undefined) return cached;
    let answer = false;
    let node: Element = el;
    for (let depth = 0; depth < 12 && !answer; depth++) {
      if (this.fieldAncestors.has(node)) {
        answer = true;
        break;
      }
      const parent: Element | null = node.parentElement;
      if (!parent) break;
      if (this.fieldAncestors.has(parent)) {
        // `node` holds no field: it matters only if a part holding one follows closely.
        let next = node.nextElementSibling;
        for (let hops = 0; next && hops < 4 && !answer; hops++, next = next.nextElementSibling) answer = this.fieldAncestors.has(next);
        break;
      }
      node = parent;
    }
    this.nearCache.set(el, answer);
    return answer;
  }



  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    this.deps.schedule(() => this.scan());
  }
}
