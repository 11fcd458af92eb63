import { z } from 'zod';

/** zod schemas for every message the background accepts: anything else is refused with a clear error. */

const severity = z.enum(['error', 'warning', 'info']);
const tabIssue = z.object({
  code: z.string().max(64),
  severity,
  fieldId: z.string().max(32),
  message: z.string().max(2000),
  fieldLabel: z.string().max(400),
});

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup-domains'), hosts: z.array(z.string().max(253)).max(100) }),
  z.object({
    type: z.literal('report-issues'),
    url: z.string().max(4000),
    title: z.string().max(1000),
    issues: z.array(tabIssue).max(500),
  }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
]);

export const tabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  issues: z.array(tabIssue),
  updatedAt: z.number(),
});
