import { readAdminAgent, readEmailVerification, readIndirectProvider, readMpa, readProgramStatus, type EvidenceReading } from './evidence';
import { placeOfPage, portalPath, type PlaceId } from './places';

/**
 * What a portal page shows, as the content script collects it: its main headings always; its texts in
 * reading order, its rows (table, grid and list rows as their cells' texts) and the signed-in account's
 * email only where `pageReads` says they are needed.
 */
export interface PageTexts {
  headings: string[];
  texts?: string[];
  rows?: string[][];
  account?: string | null;
}

/** What the content script should collect on a page, and whether any change of the page may matter. */
export interface PageReads {
  reads: ('texts' | 'rows' | 'account')[];
  /** The page shows enrollment status that may change while it is open: read again on its changes. */
  watch: boolean;
}

/** Home pages show the email-verification notice too ("Action needed: Verify your email"). */
const HOME = /^\/dashboard(\/v2)?\/home\b/;
const ENROLLMENT_FORM = /^\/dashboard\/account\/v3\/enrollment\/(?!introduction\/|welcome)/;
const ROW_PLACES = new Set<PlaceId | null>(['accept-mpa', 'admin-agent-role', 'distributor-listed']);
const TEXT_PLACES = new Set<PlaceId | null>(['business-verification', 'verify-email']);

/** Which of a page's texts the evidence readers need (by its path, else by its headings). */
export function pageReads(url: string, headings: readonly string[]): PageReads {
  const step = placeOfPage(url, headings);
  const reads: PageReads['reads'] = [];
  if (TEXT_PLACES.has(step) || HOME.test(portalPath(url))) reads.push('texts');
  if (ROW_PLACES.has(step)) reads.push('rows');
  if (step === 'admin-agent-role') reads.push('account');
  return { reads, watch: reads.length > 0 || step === 'open-welcome' };
}

/**
 * The enrollment evidence a page shows: the welcome page, an enrollment form, the program status and the
 * email-verification notice on Legal info, the MPA on Agreements, the Admin agent role in User
 * management, the distributor on Indirect providers. Only the pages that can show a thing are read for it.
 */
export function readPageEvidence(url: string, page: PageTexts): EvidenceReading[] {
  const path = portalPath(url);
  const step = placeOfPage(url, page.headings);
  const out: EvidenceReading[] = [];
  const push = (r: EvidenceReading | null) => r && out.push({ ...r, seen: r.seen.slice(0, 300) });
  const first = page.headings[0] ?? path;
  if (step === 'open-welcome') push({ kind: 'welcome-seen', value: 'seen', seen: first });
  if (ENROLLMENT_FORM.test(path) && step !== 'open-welcome') push({ kind: 'enrollment-form-seen', value: 'seen', seen: first });
  if (page.texts && (TEXT_PLACES.has(step) || HOME.test(path))) {
    const status = step === 'business-verification' ? readProgramStatus(page.texts) : null;
    push(status);
    // On Legal info, a program status with no verification notice means the email was verified.
    push(readEmailVerification(page.texts) ?? (status ? { kind: 'email-verification', value: 'verified', seen: status.seen } : null));
  }
  const rows = page.rows ?? [];
  if (step === 'accept-mpa') push(readMpa(rows));
  if (step === 'admin-agent-role') push(readAdminAgent(rows, page.account ?? null));
  if (step === 'distributor-listed') push(readIndirectProvider(rows));
  return out;
}
