import { z } from 'zod';
import { tabIssueSchema } from './page';
import { profileFactsSchema, profileSchema } from './profile';
import { progressSchema } from './progress';
import { LANGUAGES, prefsSchema } from './prefs';

/**
 * Extension pages (popup, sidebar, options) ↔ background. The schemas are the contract; the types are
 * inferred from them. Requests that edit the profile are accepted only from the extension's own pages.
 */

export const tabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  /** Every frame's issues together, the page's own first. */
  issues: z.array(tabIssueSchema),
  /** Each frame's own issues, by frame id (0 is the page itself); `issues` is all of them. */
  frames: z.record(z.string(), z.array(tabIssueSchema)).default({}),
  /** Issues a frame found beyond what one report carries, by frame id: counted, not listed. */
  omitted: z.record(z.string(), z.number().int().min(0)).default({}),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof tabStateSchema>;

/** The total a popup shows: the issues listed plus those counted beyond a report's limit. */
export const issueTotal = (state: TabState): number =>
  state.issues.filter((i) => !i.ignored).length + Object.values(state.omitted).reduce((a, b) => a + b, 0);

export const extensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('get-profile') }),
  /**
   * `base` and `baseRevision`: the stored profile the edit started from. When another tab wrote meanwhile,
   * the edit is merged into what is stored now, or refused (`code: 'stale'`) where both changed one thing.
   */
  z.object({
    type: z.literal('save-profile'),
    profile: z.unknown(),
    base: z.unknown().optional(),
    baseRevision: z.number().int().optional(),
  }),
  // (Longer texts are answered with `code: 'too-large'`, not refused: see the router.)
  z.object({ type: z.literal('import-profile'), text: z.string() }),
  /** Hides the notice about set-aside copies; the copies are kept. */
  z.object({ type: z.literal('dismiss-unreadable') }),
  z.object({ type: z.literal('get-progress') }),
  z.object({
    type: z.literal('set-step-state'),
    stepId: z.string().max(64),
    state: z.enum(['todo', 'in-progress', 'done', 'blocked', 'skipped', 'auto']),
  }),
  z.object({ type: z.literal('get-set-aside'), id: z.string().max(80) }),
  /** Deletes one set-aside copy: only ever sent after the user confirmed it. */
  z.object({ type: z.literal('delete-set-aside'), id: z.string().max(80), confirmed: z.literal(true) }),
  z.object({ type: z.literal('get-prefs') }),
  /** null: follow the browser's UI language again. */
  z.object({ type: z.literal('set-language'), language: z.enum(LANGUAGES).nullable() }),
  /** Un-ignores an issue on a field (options lists them). */
  z.object({ type: z.literal('unignore'), code: z.string().max(64), label: z.string().max(300), path: z.string().max(500) }),
  /** Deletes the profile, the progress and the ignored issues: only ever sent after the user confirmed it. */
  z.object({ type: z.literal('forget-everything'), confirmed: z.literal(true) }),
]);
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

/** A stored profile that no longer validated, kept aside (never deleted without the user's confirmation). */
export const setAsideInfoSchema = z.object({ id: z.string(), at: z.string(), errors: z.array(z.string()), dismissed: z.boolean() });
export type SetAsideInfo = z.infer<typeof setAsideInfoSchema>;

const profileResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), profile: profileSchema, revision: z.number().int() }),
  z.object({
    ok: z.literal(false),
    errors: z.array(z.string()),
    /** invalid: the profile has errors; stale: another tab changed the same thing meanwhile; too-large: an import over the limit. */
    code: z.enum(['invalid', 'stale', 'too-large']).optional(),
    /** With `stale`: the parts both changed (e.g. "company.name"). */
    conflicts: z.array(z.string()).optional(),
  }),
]);
export type ProfileResult = z.infer<typeof profileResultSchema>;

export const extensionResponseSchemas = {
  'get-tab-state': z.object({ state: tabStateSchema.nullable(), fromOtherTab: z.boolean() }),
  'get-profile': z.object({
    profile: profileSchema,
    revision: z.number().int(),
    problem: z.array(z.string()).optional(),
    setAside: z.array(setAsideInfoSchema).default([]),
  }),
  'save-profile': profileResultSchema,
  'import-profile': profileResultSchema,
  'dismiss-unreadable': z.object({ ok: z.literal(true) }),
  /** Stored progress with the profile's own evidence merged in, and the facts POR readiness reads. */
  'get-progress': z.object({ progress: progressSchema, facts: profileFactsSchema }),
  'set-step-state': z.object({ ok: z.literal(true) }),
  'get-set-aside': z.object({ text: z.string().nullable() }),
  'delete-set-aside': z.object({ ok: z.literal(true) }),
  'get-prefs': z.object({ prefs: prefsSchema }),
  'set-language': z.object({ prefs: prefsSchema }),
  unignore: z.object({ prefs: prefsSchema }),
  'forget-everything': z.object({ ok: z.literal(true) }),
} satisfies Record<ExtensionRequest['type'], z.ZodType>;
export type ExtensionResponses = { [K in keyof typeof extensionResponseSchemas]: z.infer<(typeof extensionResponseSchemas)[K]> };

/** Broadcast by the background to extension pages when a tab's issues change. */
export const tabStateChangedSchema = z.object({ type: z.literal('tab-state-changed'), tabId: z.number().int() });
export type TabStateChanged = z.infer<typeof tabStateChangedSchema>;

/** Broadcast by the background to extension pages when the enrollment progress changes. */
export const progressChangedSchema = z.object({ type: z.literal('progress-changed') });
export type ProgressChanged = z.infer<typeof progressChangedSchema>;

/** Request types that change what is stored: only the extension's own pages may send them. */
export const PROFILE_WRITES: ReadonlySet<ExtensionRequest['type']> = new Set([
  'save-profile',
  'import-profile',
  'dismiss-unreadable',
  'delete-set-aside',
  'set-step-state',
  'set-language',
  'unignore',
  'forget-everything',
]);
