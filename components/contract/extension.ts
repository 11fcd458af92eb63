import { z } from 'zod';
import { LIMITS } from './limits';
import { tabIssueSchema } from './page';
import { profileFactsSchema, profileSchema } from './profile';
import { progressSchema } from './progress';

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
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const extensionRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('get-profile') }),
  z.object({ type: z.literal('save-profile'), profile: z.unknown() }),
  z.object({ type: z.literal('import-profile'), text: z.string().max(LIMITS.importText) }),
  z.object({ type: z.literal('dismiss-unreadable') }),
  z.object({ type: z.literal('get-progress') }),
  z.object({
    type: z.literal('set-step-state'),
    stepId: z.string().max(64),
    state: z.enum(['todo', 'in-progress', 'done', 'blocked', 'skipped', 'auto']),
  }),
]);
export type ExtensionRequest = z.infer<typeof extensionRequestSchema>;

const profileResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), profile: profileSchema }),
  z.object({ ok: z.literal(false), errors: z.array(z.string()) }),
]);
export type ProfileResult = z.infer<typeof profileResultSchema>;

export const extensionResponseSchemas = {
  'get-tab-state': z.object({ state: tabStateSchema.nullable(), fromOtherTab: z.boolean() }),
  'get-profile': z.object({ profile: profileSchema, problem: z.array(z.string()).optional() }),
  'save-profile': profileResultSchema,
  'import-profile': profileResultSchema,
  'dismiss-unreadable': z.object({ ok: z.literal(true) }),
  /** Stored progress with the profile's own evidence merged in, and the facts POR readiness reads. */
  'get-progress': z.object({ progress: progressSchema, facts: profileFactsSchema }),
  'set-step-state': z.object({ ok: z.literal(true) }),
} satisfies Record<ExtensionRequest['type'], z.ZodType>;
export type ExtensionResponses = { [K in keyof typeof extensionResponseSchemas]: z.infer<(typeof extensionResponseSchemas)[K]> };

/** Broadcast by the background to extension pages when a tab's issues change. */
export const tabStateChangedSchema = z.object({ type: z.literal('tab-state-changed'), tabId: z.number().int() });
export type TabStateChanged = z.infer<typeof tabStateChangedSchema>;

/** Broadcast by the background to extension pages when the enrollment progress changes. */
export const progressChangedSchema = z.object({ type: z.literal('progress-changed') });
export type ProgressChanged = z.infer<typeof progressChangedSchema>;

/** Request types that change what is stored: only the extension's own pages may send them. */
export const PROFILE_WRITES: ReadonlySet<ExtensionRequest['type']> = new Set(['save-profile', 'import-profile', 'dismiss-unreadable', 'set-step-state']);
