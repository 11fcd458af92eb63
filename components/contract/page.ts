import { z } from 'zod';
import type { DomainInfo, Issue, PortalErrorInfo } from '../../rules/types';
import { LIMITS, type Assert, type Same } from './limits';
import { addressSchema, partnerIdSchema, profileFactsSchema } from './profile';
import type { PageTexts } from '../../rules/companion/page-evidence';
import { pagePrefsSchema } from './prefs';

/**
 * Page ↔ background: what a content script (in a portal tab or one of its frames) may ask the background,
 * what it gets back, and what the background pushes to it. The schemas are the contract; the types are
 * inferred from them. The content script imports types only from here (zod stays out of its bundle).
 */

const severity = z.enum(['error', 'warning', 'info']);

/** An issue as shown outside the page: with the field's label instead of a DOM reference. */
export const tabIssueSchema = z.object({
  code: z.string().max(64),
  severity,
  fieldId: z.string().max(32),
  message: z.string().max(LIMITS.message),
  /** The finding's params, so that extension pages render the message in their own language. */
  params: z
    .json()
    .optional()
    .refine((p) => p === undefined || JSON.stringify(p).length <= LIMITS.message, 'params too large'),
  fieldLabel: z.string().max(LIMITS.fieldLabel),
  /** Set by the background: the user chose to ignore this issue on this field (shown greyed, not counted). */
  ignored: z.boolean().optional(),
});
export type TabIssue = z.infer<typeof tabIssueSchema>;
export type _TabIssueIsAnIssue = Assert<Same<Omit<TabIssue, 'fieldLabel' | 'params' | 'ignored'>, Omit<Issue, 'params'>>>;

/** A page's texts for the companion's evidence readers (`rules/companion/page-evidence.ts`). */
const text = z.string().max(300);
export const pageTextsSchema = z.object({
  headings: z.array(text).max(20),
  texts: z.array(text).max(2000).optional(),
  rows: z.array(z.array(text).max(40)).max(800).optional(),
  account: z.string().max(320).nullable().optional(),
});
export type _PageTextsAgree = Assert<Same<z.infer<typeof pageTextsSchema>, PageTexts>>;

const digits = z.string().regex(/^\d{5,8}$/);

/** What a portal page taught the content script. */
export const learnedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('identifiers'),
    partnerIds: z.array(partnerIdSchema).max(LIMITS.partnerIds),
    associatedPartnerId: digits.optional(),
  }),
  z.object({
    kind: z.literal('legal-profile'),
    companyName: z.string().max(300).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    address: addressSchema.optional(),
  }),
  z.object({ kind: z.literal('verified-address'), address: addressSchema }),
  z.object({ kind: z.literal('company-domain'), domain: z.string().max(LIMITS.host) }),
]);
export type Learned = z.infer<typeof learnedSchema>;

export const pageRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup-domains'), hosts: z.array(z.string().max(LIMITS.host)).max(LIMITS.lookupHosts) }),
  z.object({
    type: z.literal('report-issues'),
    url: z.string().max(LIMITS.url),
    title: z.string().max(LIMITS.title),
    issues: z.array(tabIssueSchema).max(LIMITS.issues),
    /** Issues found beyond `LIMITS.issues`, not sent: the popup counts them ("and N more"). */
    omitted: z.number().int().min(0).max(1_000_000).optional(),
  }),
  z.object({ type: z.literal('get-facts') }),
  /** Texts of the messages the page shows (alerts, message bars, dialogs): which documented portal errors are they? */
  z.object({
    type: z.literal('recognise-portal-errors'),
    texts: z.array(z.string().max(LIMITS.messageText)).max(LIMITS.messageTexts),
  }),
  z.object({ type: z.literal('learn'), learned: learnedSchema }),
  /**
   * What the page shows for the enrollment companion: its headings, and the texts, rows and account the
   * background asked for (the answer's `reads`). The background reads the evidence from them; the
   * sender's URL tells the page.
   */
  z.object({ type: z.literal('page-evidence'), page: pageTextsSchema }),
  /** The user pressed "Authorize indirect provider" (a trusted click); the background checks the page. */
  z.object({ type: z.literal('authorized-provider'), seen: z.string().max(300) }),
  /** "Ignore on this field", pressed on a mark's card (the content script sends it only on a trusted click). */
  z.object({ type: z.literal('ignore-issue'), code: z.string().max(64), label: z.string().max(300), path: z.string().max(500) }),
  /** Undo of what one `learn` changed, or the answer "use it" to what a `learn` asked about: by its token. */
  z.object({ type: z.literal('undo-learn'), token: z.string().max(40) }),
  z.object({ type: z.literal('accept-learned'), token: z.string().max(40) }),
  /** A card's "open this step" / a notice's "Settings". */
  z.object({ type: z.literal('open-step'), step: z.string().max(64) }),
  z.object({ type: z.literal('open-options') }),
]);
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** A portal error the background recognised in a message's text, explained (`rules/portal/explain.ts`). */
const inEachLanguage = z.object({ en: z.string().max(500), ja: z.string().max(500) });
export const portalErrorInfoSchema = z.object({
  code: z.string().max(64),
  step: z.string().max(64),
  means: inEachLanguage,
  todo: inEachLanguage,
});
export type _PortalErrorInfoAgrees = Assert<Same<z.infer<typeof portalErrorInfoSchema>, PortalErrorInfo>>;

export const domainInfoSchema = z.object({ host: z.string(), registrable: z.string(), personal: z.boolean(), tenantOnly: z.boolean() });
export type _DomainInfoAgrees = Assert<Same<z.infer<typeof domainInfoSchema>, DomainInfo>>;

/**
 * What a learn did, for the page's notice: `learned` (with a token to undo it), or `ask` (it would replace
 * a fact the user entered or imported: nothing changed; the token accepts it).
 */
export const learnNoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('identifiers'), count: z.number().int(), token: z.string() }),
  z.object({ kind: z.literal('verified-address'), token: z.string() }),
  z.object({ kind: z.literal('legal-profile'), token: z.string() }),
  z.object({ kind: z.literal('company-domain'), domain: z.string(), token: z.string() }),
  z.object({ kind: z.enum(['ask-verified-address', 'ask-company-address']), address: z.string(), token: z.string() }),
]);
export type LearnNotice = z.infer<typeof learnNoticeSchema>;

export const pageResponseSchemas = {
  'lookup-domains': z.object({ domains: z.array(domainInfoSchema) }),
  'report-issues': z.object({ ok: z.literal(true) }),
  'get-facts': z.object({ facts: profileFactsSchema, prefs: pagePrefsSchema }),
  /** Per text asked about, in order: the portal errors it shows, each explained in en and ja with its step. */
  'recognise-portal-errors': z.object({ errors: z.array(z.array(portalErrorInfoSchema).max(20)).max(20) }),
  learn: z.object({ changed: z.boolean(), notice: learnNoticeSchema.optional() }),
  'page-evidence': z.object({
    changed: z.boolean(),
    reads: z.array(z.enum(['texts', 'rows', 'account'])),
    watch: z.boolean(),
  }),
  'authorized-provider': z.object({ changed: z.boolean() }),
  'ignore-issue': z.object({ ok: z.literal(true) }),
  'undo-learn': z.object({ ok: z.boolean() }),
  'accept-learned': z.object({ ok: z.boolean(), notice: learnNoticeSchema.optional() }),
  'open-step': z.object({ ok: z.literal(true) }),
  'open-options': z.object({ ok: z.literal(true) }),
} satisfies Record<PageRequest['type'], z.ZodType>;
export type PageResponses = { [K in keyof typeof pageResponseSchemas]: z.infer<(typeof pageResponseSchemas)[K]> };

/** Sent by an extension page (the popup) to a portal tab: focus a flagged field (`frameId:` prefixed ids are a frame's). */
export const focusFieldSchema = z.object({ type: z.literal('focus-field'), fieldId: z.string().max(40) });
export type FocusField = z.infer<typeof focusFieldSchema>;

/**
 * Sent by the report page to a portal tab's frame: what it shows now (field values with their kind and
 * label, the portal's errors, its language), for a report built and redacted on the report page. The
 * values never leave the browser; they are not kept anywhere.
 */
export const reportSnapshotRequestSchema = z.object({ type: z.literal('report-snapshot') });
export type ReportSnapshotRequest = z.infer<typeof reportSnapshotRequestSchema>;
export const reportSnapshotSchema = z.object({
  lang: z.string().max(40),
  fields: z
    .array(
      z.object({ id: z.string().max(32), kind: z.string().max(40), label: z.string().max(LIMITS.fieldLabel), value: z.string().max(300) }),
    )
    .max(300),
  portalErrors: z.array(z.object({ code: z.string().max(64), text: z.string().max(500) })).max(20),
});
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

/** Sent by the report page before and after a screenshot: cover (or uncover) every value shown on the page. */
export const coverValuesSchema = z.object({ type: z.literal('cover-values'), on: z.boolean() });
export type CoverValues = z.infer<typeof coverValuesSchema>;

/** Pushed by the background to portal tabs (and extension pages) when the profile changes. */
export const factsChangedSchema = z.object({ type: z.literal('facts-changed'), facts: profileFactsSchema });
export type FactsChanged = z.infer<typeof factsChangedSchema>;

/** Pushed by the background to portal tabs (and extension pages) when the language or ignored issues change. */
export const prefsChangedSchema = z.object({ type: z.literal('prefs-changed'), prefs: pagePrefsSchema });
export type PrefsChanged = z.infer<typeof prefsChangedSchema>;

/**
 * Sent by the background to a tab before injecting the content script (Chromium, on install and update):
 * a live content script answers `true`, an orphaned one cannot answer.
 */
export type Ping = { type: 'csp-ping' };
