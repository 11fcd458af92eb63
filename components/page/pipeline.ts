import type { EvidenceReading } from '../../rules/companion/evidence';
import { runChecks, unknownHosts } from '../../rules/run-checks';
import type { AddressParts, Check, ClassifiedField, DomainInfo, Facts, Issue, Locale, PageFacts } from '../../rules/types';
import type { Learned, ReportSnapshot, TabIssue } from '../contract/page';
import { LIMITS } from '../contract/limits';
import type { ProfileFacts } from '../contract/profile';
import { benchMark } from './bench';
import { Learner } from './learner';
import { MarkLayer, type PlacedIssue } from './marks';
import { PageObserver } from './observer';
import { FieldScanner } from './scanner';

/**
 * The content script's one pipeline, one direction:
 *
 *   PageObserver (one MutationObserver, idle-batched, filtered) ─┐
 *   input / change / focusout (wiring.ts) ───────────────────────┤
 *                                                                ▼
 *   FieldScanner: collect ─► describe (cached) ─► classify ─► Learner: read page ─► run checks ─► marks ─► report
 *                                                                  │                    ▲
 *           Identifiers, dialog, account, submit ─► learn ─► background profile ────────┤ (facts, pushed on change)
 *           unknown email hosts ─► background lookup (PSL, provider list) ──────────────┘
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
  /** Sends enrollment evidence the page shows to the background. */
  record(evidence: EvidenceReading[]): void;
  /** Which documented portal errors each message text shows (the background's `rules/portal/errors.ts`). */
  recognisePortalErrors(texts: string[]): Promise<string[][]>;
  onCheckError?(code: string, error: unknown): void;
  /** Scheduling, supplied by the content-script context so nothing runs after invalidation. */
  schedule(fn: () => void): void;
}

/** Text that shows a value: an email, a long number (PartnerID, phone, postal code), a GUID. */
const VALUE_LIKE = /@\w|\d{5}|\d{3}-\d{4}|[\da-f]{8}-/i;

/** Params travel with a report only while small (a message is rendered from them elsewhere). */
const fitsReport = (params: unknown) => params !== undefined && JSON.stringify(params).length <= LIMITS.message;

export class Pipeline {
  readonly marks: MarkLayer;
  private readonly observer: PageObserver;
  private readonly scanner = new FieldScanner();
  private readonly learner: Learner;
  private facts: Facts = { domains: {} };
  private page: PageFacts = {};
  private readonly pendingLookups = new Set<string>();
  /** The background's answers: message text → the portal codes it shows. */
  private readonly portalCodes = new Map<string, string[]>();
  private scanQueued = false;
  private lastReport = '';

  constructor(private readonly deps: PipelineDeps) {
    this.marks = new MarkLayer(deps.locale);
    this.learner = new Learner({ ...deps, portalCodes: (t) => this.portalCodes.get(t), recognise: (t) => this.recognise(t) });
    this.observer = new PageObserver({
      owns: (node) => this.marks.owns(node),
      onChange: (labels) => {
        if (labels) this.scanner.invalidate();
        this.queueScan();
      },
    });
  }

  start(): void {
    this.observer.start(document);
    this.scan();
  }

  stop(): void {
    this.observer.stop();
    this.marks.destroy();
  }

  /** The background's facts (learned IDs, company, distributor): replaces the previous ones and re-checks. */
  setProfileFacts(facts: ProfileFacts): void {
    this.facts = { ...facts, domains: this.facts.domains };
    this.check();
  }

  /** The user is submitting a form: the legal business profile, if that is what it is, is learned. */
  onSubmitIntent(): void {
    this.scanner.readValues();
    this.learner.onSubmit(this.scanner.classified());
  }

  /** A trusted click on "Authorize indirect provider". */
  onAuthorizeProvider(text: string): void {
    this.learner.onAuthorizeProvider(document, text);
  }

  /** Focuses a flagged field (asked by the popup) and brings it into view. */
  focusField(fieldId: string): boolean {
    const element = this.scanner.element(fieldId);
    if (!(element instanceof HTMLElement || (element && 'focus' in element))) return false;
    (element as HTMLElement).scrollIntoView({ block: 'center' });
    (element as HTMLElement).focus();
    return true;
  }

  /** What the page shows now, for an issue report (asked by the report page; built and redacted there). */
  snapshot(): ReportSnapshot {
    this.scanner.readValues();
    return {
      lang: document.documentElement.lang.slice(0, 40),
      fields: this.scanner.classified().slice(0, 300).map(({ descriptor: d, kind }) => ({
        id: d.id, kind, label: (d.labels[0]?.text ?? d.name).slice(0, LIMITS.fieldLabel), value: d.value.slice(0, 300),
      })),
      portalErrors: this.learner.portalErrors.map(({ code, text }) => ({ code, text })),
    };
  }

  /**
   * Covers every field and every text that shows a value (an email, a PartnerID or other long number, a
   * postal code, a GUID) with an opaque block, for a screenshot; `false` removes the blocks.
   */
  cover(on: boolean): boolean {
    const rects: DOMRect[] = [];
    if (on) {
      for (const el of this.scanner.visibleFields()) rects.push(el.getBoundingClientRect());
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) if (VALUE_LIKE.test(n.nodeValue!)) rects.push(n.parentElement!.getBoundingClientRect());
    }
    this.marks.cover(on ? rects : null);
    return true;
  }

  /** A user edit: values changed, the DOM did not. Re-read values and re-check now (no frame wait). */
  onUserEdit(): void {
    const start = performance.now();
    this.scanner.readValues();
    this.check();
    if (__CSP_BENCH__) benchMark('csp:check', start);
  }

  /** Full scan: collect fields, describe the ones not cached, read the page, check. */
  scan(): void {
    const start = performance.now();
    this.scanQueued = false;
    this.observer.setFieldMap(this.scanner.collect(this.observer.roots(document)));
    const read = performance.now();
    this.page = this.learner.readPage(document, (anchor) => this.scanner.register(anchor));
    const check = performance.now();
    this.check();
    if (__CSP_BENCH__) {
      benchMark('csp:scan:collect', start, read);
      benchMark('csp:scan:read', read, check);
      benchMark('csp:scan:check', check);
      benchMark('csp:scan', start);
    }
  }

  /** Clears cached descriptors and rescans soon (route change, big re-render). */
  rescanSoon(): void {
    this.scanner.invalidate();
    this.queueScan();
  }

  /** Custom elements that got their shadow root since the last look: observed from now on, and a rescan. */
  checkPendingHosts(): void {
    if (this.observer.checkPendingHosts()) this.rescanSoon();
  }

  private check(): void {
    const ctx = { fields: this.scanner.classified(), facts: this.facts, page: this.page };
    this.requestLookups(unknownHosts(ctx));
    const issues = runChecks(this.deps.checks, ctx, this.deps.locale, this.deps.onCheckError);
    const placed: PlacedIssue[] = [];
    for (const issue of issues) {
      const element = this.scanner.element(issue.fieldId);
      if (element) placed.push({ ...issue, element });
    }
    this.marks.render(placed);
    this.reportIfChanged(placed, ctx.fields);
  }

  /** Asks the background about new message texts once; the page is read again with the answers. */
  private recognise(texts: string[]): void {
    this.ask(texts, this.deps.recognisePortalErrors, (codes, asked) => {
      asked.forEach((t, i) => this.portalCodes.set(t, codes[i] ?? []));
      this.queueScan();
    });
  }

  private requestLookups(hosts: string[]): void {
    this.ask(hosts, this.deps.lookupDomains, (infos) => {
      for (const info of infos) this.facts.domains[info.host] = info;
      this.check();
    });
  }

  /** One background question per new key (email host, message text) at a time; `use` gets the answer. */
  private ask<T>(keys: string[], fetch: (keys: string[]) => Promise<T>, use: (answer: T, asked: string[]) => void): void {
    const wanted = keys.filter((k) => !this.pendingLookups.has(k));
    if (wanted.length === 0) return;
    for (const k of wanted) this.pendingLookups.add(k);
    fetch(wanted)
      .then((answer) => use(answer, wanted))
      .catch((error: unknown) => console.warn('[CSP Reseller Assistant] lookup failed', error))
      .finally(() => {
        for (const k of wanted) this.pendingLookups.delete(k);
      });
  }

  private reportIfChanged(issues: Issue[], fields: ClassifiedField[]): void {
    const label = new Map(fields.map((f) => [f.descriptor.id, f.descriptor.labels[0]?.text ?? f.descriptor.name]));
    const report: TabIssue[] = issues.map(({ code, severity, fieldId, message, params }) => ({
      code, severity, fieldId, message, ...(fitsReport(params) ? { params: params as TabIssue['params'] } : {}), fieldLabel: label.get(fieldId) ?? '',
    }));
    const key = JSON.stringify(report);
    if (key === this.lastReport) return;
    this.lastReport = key;
    this.deps.report(report);
  }

  private queueScan(): void {
    if (this.scanQueued) return;
    this.scanQueued = true;
    this.deps.schedule(() => this.scan());
  }
}
