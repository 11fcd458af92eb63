import type { PageReads, PageTexts } from '../../rules/companion/page-evidence';
import { provisionalDomain } from '../../rules/email/local';
import { runChecks, unknownHosts } from '../../rules/run-checks';
import type { AddressParts, Check, DomainInfo, Facts, Locale, PageFacts, PortalErrorInfo } from '../../rules/types';
import { LIMITS } from '../contract/limits';
import { Asker } from './asker';
import type { Learned, TabIssue, ReportSnapshot } from '../contract/page';
import type { ProfileFacts } from '../contract/profile';
import { benchMark } from './bench';
import { isField } from './describe';
import { Learner } from './learner';
import { DIALOGS, MarkLayer, type PlacedIssue } from './marks';
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
  /** Issues as the background accepts them (clipped to its limits); `omitted` counts those left out. */
  report(issues: TabIssue[], omitted: number): void;
  /** Sends what the page taught (Identifiers, verified address, account domain) to the background. */
  learn(learned: Learned): void;
  /** Turns a dialog's address lines into parts (`rules/address`). */
  parseAddressLines(lines: string[]): AddressParts;
  /** Sends what the page shows for the companion; the background answers what else to collect here. */
  pageEvidence(page: PageTexts): Promise<PageReads | undefined>;
  /** The user pressed "Authorize indirect provider". */
  authorizedProvider(seen: string): void;
  /** Which documented portal errors each message text shows, explained (the background's `rules/portal/`). */
  recognisePortalErrors(texts: string[]): Promise<PortalErrorInfo[][]>;
  onCheckError?(code: string, error: unknown): void;
  /** Scheduling, supplied by the content-script context so nothing runs after invalidation. */
  schedule(fn: () => void): void;
}

/** Text that shows a value: an email, a long number (PartnerID, phone, postal code), a GUID. */
const VALUE_LIKE = /@\w|\d{5}|\d{3}-\d{4}|[\da-f]{8}-/i;

/** The benchmark's clock (bench build only: the shipped build reads no time for it). */
const clock = () => (__CSP_BENCH__ ? performance.now() : 0);

/** Params travel with a report only while small (a message is rendered from them elsewhere). */
const fitsReport = (params: unknown) => params !== undefined && JSON.stringify(params).length <= LIMITS.message;

export class Pipeline {
  readonly marks: MarkLayer;
  private readonly observer: PageObserver;
  private readonly scanner = new FieldScanner();
  private readonly learner: Learner;
  private facts: Facts = { domains: {} };
  private page: PageFacts = {};
  /** Elements the page readers anchored marks to (the dialog's suggested side, portal error messages). */
  private anchors: Element[] = [];
  /** The page's dialogs, searched for when the readers run (a dialog appeared, opened or closed). */
  private dialogs: Element[] = [];
  /** Email hosts asked about: each answer goes into the facts, and the fields are checked again. */
  private readonly hosts: Asker<DomainInfo>;
  /** Message texts asked about: the page is read again with the answers (portal errors, explained). */
  private readonly texts: Asker<PortalErrorInfo[]>;
  /** What the last check saw: the same fields, values and facts give the same issues (no work). */
  private lastCheck = '';
  private factsVersion = 0;
  /** The background's answers: message text → the portal errors it shows, explained. */
  private readonly portalErrors = new Map<string, PortalErrorInfo[]>();
  private scanQueued = false;
  /** What changed since the last scan, for the next one to search; null: the whole page (start, route change). */
  private changed: Node[] | null = null;
  /** The page readers run on the next scan: at start, after a route change, or when their element appeared. */
  private readersDue = true;
  private lastReport = '';
  /** Set by the wiring (wiring.ts): a change that mattered, or custom elements waiting for a shadow root. */
  hooks = { change() {} };

  constructor(private readonly deps: PipelineDeps) {
    this.marks = new MarkLayer(deps.locale);
    this.marks.page = { controls: () => this.scanner.controls(), dialogs: () => this.dialogs };
    this.hosts = new Asker({
      ask: (hosts) => deps.lookupDomains(hosts),
      answer: (_, infos) => {
        for (const info of infos) this.facts.domains[info.host] = info;
        this.factsVersion++;
        this.check();
      },
      chunk: LIMITS.lookupHosts,
      maxKey: LIMITS.host,
      what: 'domain lookup',
    });
    this.texts = new Asker({
      ask: (texts) => deps.recognisePortalErrors(texts),
      answer: (texts, errors) => {
        texts.forEach((t, i) => this.portalErrors.set(t, errors[i] ?? []));
        this.queueScan(true);
      },
      chunk: LIMITS.messageTexts,
      maxKey: LIMITS.messageText,
      what: 'portal-error lookup',
    });
    this.learner = new Learner({
      ...deps,
      portalErrors: (t) => this.portalErrors.get(t),
      recognise: (t) => void this.texts.ask(t),
      readAgain: () => this.queueScan(true),
    });
    this.observer = new PageObserver({
      // Our shadow root is never observed: among the page's nodes, only our host element is ours.
      owns: (node) => node === this.marks.host,
      onChange: ({ labels, readers, added }) => {
        if (labels) this.scanner.invalidate();
        this.queueScan(readers, added);
        this.hooks.change();
      },
      onWaiting: () => this.hooks.change(),
      readersWatchAll: () => this.learner.watchesAll(location.href),
    });
  }

  start(): void {
    // A host left by an earlier instance (the extension was reloaded or updated) goes first.
    this.marks.removeStale();
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
    this.factsVersion++;
    this.check();
  }

  /** The user is submitting a form: the legal business profile, if that is what it is, is learned. */
  onSubmitIntent(): void {
    this.scanner.readValues();
    this.learner.onSubmit(this.scanner.classified(), location.pathname);
    // A dialog already on screen may now be learned from (its Continue was the user's submit).
    this.queueScan(true);
  }

  /** A trusted click on "Authorize indirect provider". */
  onAuthorizeProvider(text: string): void {
    this.learner.onAuthorizeProvider(text);
  }

  /** Focuses a flagged field (asked by the popup) and brings it into view. */
  focusField(fieldId: string): boolean {
    const element = this.scanner.element(fieldId) as HTMLElement | undefined;
    if (!element?.focus) return false;
    element.scrollIntoView({ block: 'center' });
    element.focus();
    return true;
  }

  /** What the page shows now, for an issue report (asked by the report page; built and redacted there). */
  snapshot(): ReportSnapshot {
    this.scanner.readValues();
    return {
      lang: document.documentElement.lang.slice(0, 40),
      fields: this.scanner
        .classified()
        .slice(0, 300)
        .map(({ descriptor: d, kind }) => ({
          id: d.id,
          kind,
          label: (d.labels[0]?.text ?? d.name).slice(0, LIMITS.fieldLabel),
          value: d.value.slice(0, 300),
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
      for (const el of this.scanner.visible) rects.push(el.getBoundingClientRect());
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode())
        if (VALUE_LIKE.test(n.nodeValue!)) rects.push(n.parentElement!.getBoundingClientRect());
    }
    this.marks.cover(on ? rects : null);
    return true;
  }

  /** A user edit: values changed, the DOM did not. Re-read values and re-check now (no frame wait). */
  onUserEdit(target?: EventTarget | null): void {
    const start = clock();
    // A field the last scan did not collect (late, in a container whose renders are looked into only now
    // and then): collect again.
    if (target && (target as Node).nodeType === Node.ELEMENT_NODE && !this.scanner.knows(target as Element) && isField(target as Element)) {
      // (In a part of the page no longer observed, since it only ever changed its text: observed again.)
      if (this.observer.isExcluded(target as Node)) this.observer.includeAll();
      this.queueScan(false, [target as Element]);
    }
    this.scanner.readValues();
    this.check();
    if (__CSP_BENCH__) benchMark('csp:check', start);
  }

  /** Full scan: collect fields, describe the ones not cached, read the page, check. */
  scan(): void {
    const start = clock();
    this.scanQueued = false;
    const changed = this.changed ?? undefined;
    this.changed = [];
    this.observer.setFieldMap(this.scanner.collect(this.observer.roots(document), changed));
    const read = clock();
    if (this.readersDue) {
      this.readersDue = false;
      this.dialogs = [...document.querySelectorAll(DIALOGS)];
      const anchors: Element[] = [];
      this.page = this.learner.readPage(document, (anchor) => (anchors.push(anchor), this.scanner.register(anchor)));
      this.anchors = anchors;
    } else {
      // What the readers anchored (the dialog's side, a portal error's message) keeps its id across scans:
      // the scanner's map is rebuilt by each collect.
      for (const anchor of this.anchors) if (anchor.isConnected) this.scanner.register(anchor);
      this.dialogs = this.dialogs.filter((d) => d.isConnected);
    }
    const check = clock();
    this.check();
    if (__CSP_BENCH__) {
      benchMark('csp:scan:collect', start, read);
      benchMark('csp:scan:read', read, check);
      benchMark('csp:scan:check', check);
      benchMark('csp:scan', start);
    }
  }

  /** Clears cached descriptors and rescans the whole page soon (route change). */
  rescanSoon(): void {
    this.observer.includeAll();
    this.changed = null;
    this.scanner.invalidate();
    this.queueScan(true);
  }

  /**
   * Custom elements that got their shadow root since the last look: observed from now on, and their fields
   * scanned. Returns whether some are still waiting (look again later).
   */
  checkPendingHosts(): boolean {
    const [roots, waiting] = this.observer.checkPendingHosts();
    if (roots.length > 0) this.queueScan(true, roots);
    return waiting;
  }

  private check(): void {
    const ctx = { fields: this.scanner.classified(), facts: this.facts, page: this.page };
    // Re-reads after activity and repeated events re-check often: nothing changed, nothing to do.
    const key = JSON.stringify([
      this.factsVersion,
      ctx.page,
      ctx.fields.map((f) => [f.descriptor.id, f.kind, f.descriptor.value, f.descriptor.optionValue]),
    ]);
    if (key === this.lastCheck) {
      // (The page may have moved a field, or removed our host: cheap either way.)
      this.marks.attach();
      this.marks.reposition();
      return;
    }
    this.lastCheck = key;
    this.requestLookups(unknownHosts(ctx));
    const issues = runChecks(this.deps.checks, ctx, this.deps.locale, this.deps.onCheckError);
    const placed: PlacedIssue[] = [];
    const labels = new Map(ctx.fields.map((f) => [f.descriptor.id, f.descriptor.labels[0]?.text ?? f.descriptor.name]));
    for (const issue of issues) {
      const element = this.scanner.element(issue.fieldId);
      if (element) placed.push({ ...issue, element, label: labels.get(issue.fieldId) ?? '' });
    }
    this.marks.render(placed);
    this.reportIfChanged(placed);
  }

  /**
   * Asks the background about email hosts not known yet. Web-mail the content script knows itself is
   * marked now; the background's answer replaces it.
   */
  private requestLookups(hosts: string[]): void {
    for (const h of this.hosts.ask(hosts)) {
      const first = this.facts.domains[h] ? null : provisionalDomain(h);
      if (first) this.facts.domains[h] = first;
    }
  }

  private reportIfChanged(issues: PlacedIssue[]): void {
    const report: TabIssue[] = issues.map(({ code, severity, fieldId, message, params, label }) => ({
      code,
      severity,
      fieldId,
      message,
      params: params as TabIssue['params'],
      fieldLabel: label ?? '',
    }));
    const key = JSON.stringify(report);
    if (key === this.lastReport) return;
    this.lastReport = key;
    const clipped = clipIssues(report);
    this.deps.report(clipped.issues, clipped.omitted);
  }

  /** A scan soon; `added`: what it should search (besides the fields it knows). */
  private queueScan(readers = false, added: Node[] = []): void {
    this.changed = this.changed?.concat(added) ?? null;
    if (readers) this.readersDue = true;
    if (this.scanQueued) return;
    this.scanQueued = true;
    this.deps.schedule(() => this.scan());
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Issues as the background accepts them: every text within its limit, at most `LIMITS.issues` of them,
 * the most severe first; `omitted` counts the rest (the popup shows "and N more"). A report the
 * background refused would leave the popup saying 0 while the page shows marks.
 */
export function clipIssues(issues: TabIssue[]): { issues: TabIssue[]; omitted: number } {
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = issues.length > LIMITS.issues ? [...issues].sort((a, b) => order[a.severity] - order[b.severity]) : issues;
  const kept = sorted.slice(0, LIMITS.issues).map((i) => ({
    code: clip(i.code, 64),
    severity: i.severity,
    fieldId: clip(i.fieldId, 32),
    message: clip(i.message, LIMITS.message),
    // Params travel only while small (extension pages render the message from them, else use `message`).
    ...(fitsReport(i.params) ? { params: i.params } : {}),
    fieldLabel: clip(i.fieldLabel, LIMITS.fieldLabel),
  }));
  return { issues: kept, omitted: issues.length - kept.length };
}

/** The page's URL and title as a report carries them. */
export const clipPage = (url: string, title: string) => ({ url: clip(url, LIMITS.url), title: clip(title, LIMITS.title) });
