import { ADDRESS_PARTS, PART_KINDS } from '../../rules/address/compare';
import { resolveCountry } from '../../rules/geo/country';
import type { AddressParts, ClassifiedField, PageFacts } from '../../rules/types';
import type { EvidenceReading } from '../../rules/companion/evidence';
import { placeOfPage } from '../../rules/companion/places';
import type { Learned } from '../contract/page';
import { readEvidence } from './evidence';
import { isIdentifiersPage } from '../../rules/learn/identifiers';
import { isLegalProfilePath } from '../../rules/learn/terms';
import { readPortalErrors, type PortalErrorReading } from './portal-errors';
import { readAccountEmail, readAddressDialog, readIdentifiers } from './readers';

/** The steps whose pages show evidence the readers read (components/page/evidence.ts). */
const READER_PLACES = new Set<string>([
  'open-welcome',
  'business-verification',
  'verify-email',
  'accept-mpa',
  'admin-agent-role',
  'distributor-listed',
]);

export interface LearnerDeps {
  /** Sends what the page taught to the background (which decides what to keep). */
  learn(learned: Learned): void;
  /** Turns a dialog's address lines into parts (`rules/address`). */
  parseAddressLines(lines: string[]): AddressParts;
  /** Sends enrollment evidence (program status, MPA, role, distributor …) to the background. */
  record(evidence: EvidenceReading[]): void;
  /** The portal codes a message's text shows, when known (else `undefined`: `recognise` asks). */
  portalCodes?(text: string): readonly string[] | undefined;
  /** Asks (the background) which portal codes these message texts show. */
  recognise?(texts: string[]): void;
}

/** The profile schema's bounds: postal code 40, country 100, the rest 200 characters. */
const PART_MAX: Record<string, number> = { postalCode: 40, country: 100 };

/**
 * What the content script learns from the portal besides checking fields: the Identifiers page's IDs, the
 * signed-in account's domain, the verified address in the verification dialog, and the legal business
 * profile when it is submitted. Each distinct thing is sent once per page.
 */
export class Learner {
  private readonly sent = new Set<string>();
  /** Whether the user (a trusted event) submitted a form on this page: the verification dialog answers that. */
  private submitted = false;

  /** The portal errors of the last read, for a report. */
  portalErrors: PortalErrorReading[] = [];

  constructor(private readonly deps: LearnerDeps) {}

  /**
   * Reads the page (after a scan); returns the facts the checks need from it (the dialog, its anchor
   * registered through `register` so that a mark can sit beside it).
   */
  /**
   * Whether this page's readers read the whole page (the Identifiers page, the pages that show enrollment
   * status): then any content change may matter to them. Elsewhere they wait for a dialog or a route change.
   */
  watchesAll(url: string): boolean {
    const place = placeOfPage(url);
    return isIdentifiersPage(url) || (place !== null && READER_PLACES.has(place)) || /\/dashboard(\/v2)?\/home\b/.test(url);
  }

  readPage(doc: Document, register: (anchor: Element) => string): PageFacts {
    const identifiers = readIdentifiers(doc);
    if (identifiers) this.once({ kind: 'identifiers', ...identifiers });
    const domain = readAccountEmail(doc)?.split('@')[1]?.toLowerCase();
    if (domain) this.once({ kind: 'company-domain', domain });
    const evidence = readEvidence(doc, doc.location.href);
    if (evidence.length > 0) this.onceEach('evidence', evidence, () => this.deps.record(evidence));
    const dialog = readAddressDialog(doc, this.deps.parseAddressLines);
    // The route tells whose page it is (a customer's under /customers/…) for the checks that care.
    const path = doc.location.pathname;
    const read = readPortalErrors(doc, (t) => this.deps.portalCodes?.(t));
    this.portalErrors = read.errors;
    if (read.unknown.length > 0) this.deps.recognise?.(read.unknown);
    const portalErrors = this.portalErrors.map((e) => ({ anchorId: register(e.anchor), code: e.code }));
    if (!dialog) return { path, portalErrors };
    // Learned only from a real dialog (by role and title) shown after the user submitted: a look-alike
    // overlay is still checked against, never remembered.
    if (dialog.semantic && this.submitted) this.once({ kind: 'verified-address', address: dialog.verified });
    return { path, portalErrors, addressDialog: { anchorId: register(dialog.anchor), entered: dialog.entered, verified: dialog.verified } };
  }

  /**
   * The user is submitting a form (the wiring calls this for trusted events only): on the legal business
   * profile's pages, with a company name and a country, the company's name, country and address are
   * taken as given.
   */
  onSubmit(fields: ClassifiedField[], path: string): void {
    this.submitted = true;
    if (!isLegalProfilePath(path)) return;
    const name = fields.find((f) => f.kind === 'company-name')?.descriptor.value.trim();
    const countryField = fields.find((f) => f.kind === 'country')?.descriptor;
    const country = countryField ? (resolveCountry(countryField.value) ?? resolveCountry(countryField.optionValue)) : null;
    if (!name || !country) return;
    const address: AddressParts = {};
    for (const part of ADDRESS_PARTS) {
      const value = fields.find((f) => f.kind === PART_KINDS[part])?.descriptor.value.trim();
      if (value) address[part] = value.slice(0, PART_MAX[part] ?? 200);
    }
    this.once({ kind: 'legal-profile', companyName: name.slice(0, 300), country, address });
  }

  /**
   * A trusted click on "Authorize indirect provider" on the relationship request page: the distributor
   * is authorized (what the page shows after it is read on Indirect providers).
   */
  onAuthorizeProvider(doc: Document, text: string): void {
    if (placeOfPage(doc.location.href) !== 'authorize-distributor') return;
    const evidence: EvidenceReading[] = [{ kind: 'distributor-authorized', value: 'seen', seen: text.trim().slice(0, 300) }];
    this.onceEach('authorize', evidence, () => this.deps.record(evidence));
  }

  private onceEach(what: string, value: unknown, send: () => void): void {
    const key = `${what}:${JSON.stringify(value)}`;
    if (this.sent.has(key)) return;
    this.sent.add(key);
    send();
  }

  private once(learned: Learned): void {
    this.onceEach('', learned, () => this.deps.learn(learned));
  }
}
