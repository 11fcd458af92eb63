import {
  readAdminAgent,
  readEmailVerification,
  readIndirectProvider,
  readMpa,
  readProgramStatus,
  type EvidenceReading,
} from '../../rules/companion/evidence';
import { placeOfPage, portalPath } from '../../rules/companion/places';
import { textOf } from './describe';
import { leafTexts, readAccountEmail, tableRows } from './readers';

/** Home pages show the email-verification notice too ("Action needed: Verify your email"). */
const HOME = /^\/dashboard(\/v2)?\/home\b/;
const ENROLLMENT_FORM = /^\/dashboard\/account\/v3\/enrollment\/(?!introduction\/|welcome)/;

/** Rows of a page: table and ARIA grid rows, and list items (card lists), each as its cells' texts. */
function rowsOf(doc: Document): string[][] {
  const rows = tableRows(doc).map((r) => (r.cells.length > 0 ? r.cells.map((c) => leafTexts(c, 40).join(' ')) : leafTexts(r.row, 40)));
  for (const item of [...doc.querySelectorAll('li, [role="listitem"]')].slice(0, 300)) rows.push(leafTexts(item, 40));
  return rows;
}

/**
 * The enrollment evidence a portal page shows, read only on the pages that can show it (by path, else by
 * heading): the welcome page, an enrollment form, the program status and the email-verification notice on
 * Legal info, the MPA on Agreements, the Admin agent role in User management, the distributor on
 * Indirect providers. DOM in, texts out to the parsers in `rules/companion/evidence.ts`.
 */
export function readEvidence(doc: Document, url: string): EvidenceReading[] {
  const path = portalPath(url);
  const headings = [...doc.querySelectorAll('h1, h2, [role="heading"]')].slice(0, 20).map((h) => textOf(h));
  const step = placeOfPage(url, headings);
  const out: EvidenceReading[] = [];
  const push = (r: EvidenceReading | null) => r && out.push({ ...r, seen: r.seen.slice(0, 300) });
  if (step === 'open-welcome') push({ kind: 'welcome-seen', value: 'seen', seen: headings[0] ?? path });
  if (ENROLLMENT_FORM.test(path) && step !== 'open-welcome')
    push({ kind: 'enrollment-form-seen', value: 'seen', seen: headings[0] ?? path });
  if (step === 'business-verification' || step === 'verify-email' || HOME.test(path)) {
    const texts = leafTexts(doc.body);
    const status = step === 'business-verification' ? readProgramStatus(texts) : null;
    push(status);
    // On Legal info, a program status with no verification notice means the email was verified.
    push(readEmailVerification(texts) ?? (status ? { kind: 'email-verification', value: 'verified', seen: status.seen } : null));
  }
  if (step === 'accept-mpa') push(readMpa(rowsOf(doc)));
  if (step === 'admin-agent-role') push(readAdminAgent(rowsOf(doc), readAccountEmail(doc)));
  if (step === 'distributor-listed') push(readIndirectProvider(rowsOf(doc)));
  return out;
}
