import { classify } from '../../rules/detect/classify';
import { runChecks, unknownHosts } from '../../rules/run-checks';
import type { Check, ClassifiedField, DomainInfo, Facts, Issue, Locale } from '../../rules/types';
import type { TabIssue } from '../protocol';
import { describeField, FIELD_SELECTOR, isField, isVisible, valueOf, type FieldElement } from './describe';
import { MarkLayer, type PlacedIssue } from './marks';

/**
 * The content script's one pipeline, one direction:
 *
 *   MutationObserver (one, batched per frame) ─┐
 *   input / change / focusout ─────────────────┤
 *                                              ▼
 *   collect fields ─► describe (cached per element) ─► classify ─► run checks ─► render marks ─► report
 *                                                          │
 *                        unknown email hosts ─► background lookup ─► facts ─► (run again)
 *
 * It never writes into the portal's inputs, never submits, never restyles the page.
 */

export interface PipelineDeps {
  checks: readonly Check[];
  locale: Locale;
  lookupDomains(hosts: string[]): Promise<DomainInfo[]>;
  report(issues: TabIssue[]): void;
  onCheckError?(code: string, error: unknown): void;
  /** Scheduling, supplied by the content-script context so nothing runs after invalidation. */
  schedule(fn: () => void): void;
}

const LAYOUT_ATTRIBUTES = new Set(['class', 'style', 'hidden']);

/** Scans stop at this many fields: a page with more is not an onboarding form. */
const MAX_FIELDS = 2000;

export class Pipeline {
  readonly marks: MarkLayer;
  private readonly observer: MutationObserver;
  private readonly ids = new WeakMap<Element, string>();
  private readonly elements = new Map<string, FieldElement>();
  private descriptors = new WeakMap<Element, ReturnType<typeof describeField>>();
  private readonly shadowRoots = new Set<ShadowRoot>();
  private readonly facts: Facts = { domains: {} };
  private readonly pendingHosts = new Set<string>();
  private fields: FieldElement[] = [];
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

  /** A user edit: values changed, the DOM did not. Re-read values and re-check now (no frame wait). */
  onUserEdit(): void {
    this.check();
  }

  /** Full scan: collect fields, describe the ones not cached, check. */
  scan(): void {
    this.scanQueued = false;
    const found: FieldElement[] = [];
    const roots: (Document | ShadowRoot)[] = [document, ...this.shadowRoots];
    for (const root of roots) {
      for (const el of root.querySelectorAll(FIELD_SELECTOR)) {
        if (found.length >= MAX_FIELDS) break;
        if (isField(el) && !this.marks.owns(el)) found.push(el);
      }
    }
    this.fields = found;
    this.elements.clear();
    for (const el of found) this.elements.set(this.idOf(el), el);
    this.check();
  }

  /** Clears cached descriptors and rescans on the next frame (route change, big re-render). */
  rescanSoon(): void {
    this.descriptors = new WeakMap();
    this.queueScan();
  }

  private idOf(el: Element): string {
    let id = this.ids.get(el);
    if (!id) this.ids.set(el, (id = `f${this.nextId++}`));
    return id;
  }

  private classified(): ClassifiedField[] {
    const out: ClassifiedField[] = [];
    for (const el of this.fields) {
      if (!el.isConnected || !isVisible(el)) continue;
      let d = this.descriptors.get(el);
      if (!d) this.descriptors.set(el, (d = describeField(el, this.idOf(el))));
      const { value, optionValue } = valueOf(el);
      out.push(classify({ ...d, value, optionValue }));
    }
    return out;
  }

  private check(): void {
    const ctx = { fields: this.classified(), facts: this.facts };
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
    const wanted = hosts.filter((h) => !this.pendingHosts.has(h));
    if (wanted.length === 0) return;
    for (const h of wanted) this.pendingHosts.add(h);
    this.deps
      .lookupDomains(wanted)
      .then((infos) => {
        for (const info of infos) this.facts.domains[info.host] = info;
        this.check();
      })
      .catch((error: unknown) => console.warn('[CSP Reseller Assistant] domain lookup failed', error))
      .finally(() => {
        for (const h of wanted) this.pendingHosts.delete(h);
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
      attributeFilter: ['aria-label', 'aria-labelledby', 'placeholder', 'title', 'hidden', 'style', 'class', 'for', 'name', 'type', 'autocomplete'] });
  }

  private findShadowRoots(from: Node): void {
    const walker = document.createTreeWalker(from, NodeFilter.SHOW_ELEMENT);
    for (let n: Node | null = from; n; n = walker.nextNode()) {
      const root = (n as Element).shadowRoot;
      if (root && !this.shadowRoots.has(root) && n !== this.marks.host) {
        this.shadowRoots.add(root);
        this.observe(root);
        this.findShadowRoots(root);
      }
    }
  }

  private onMutations(records: MutationRecord[]): void {
    let relevant = false;
    let labelsMayChange = false;
    for (const r of records) {
      if (this.marks.owns(r.target)) continue;
      relevant = true;
      // class / style / hidden only change what is visible, which every check reads fresh.
      if (r.type !== 'attributes' || !LAYOUT_ATTRIBUTES.has(r.attributeName ?? '')) labelsMayChange = true;
      for (const node of r.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && !this.marks.owns(node)) this.findShadowRoots(node);
      }
    }
    if (!relevant) return;
    // Text may have changed anywhere, and with it a label: describe again on the next scan.
    if (labelsMayChange) this.descriptors = new WeakMap();
    this.queueScan();
  }

  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    this.deps.schedule(() => this.scan());
  }
}
