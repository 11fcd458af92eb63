import { z } from 'zod';
import { addressSchema } from './profile';

/** zod schemas for every message the background accepts: anything else is refused with a clear error. */

const severity = z.enum(['error', 'warning', 'info']);
const tabIssue = z.object({
  code: z.string().max(64),
  severity,
  fieldId: z.string().max(32),
  message: z.string().max(2000),
  fieldLabel: z.string().max(400),
});

const digits = z.string().regex(/^\d{5,8}$/);
const iso2 = z.string().regex(/^[A-Z]{2}$/);

const learnedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('identifiers'),
    partnerIds: z
      .array(z.object({ id: digits, type: z.enum(['global', 'location']), country: iso2.optional(), name: z.string().max(300).optional() }))
      .max(100),
    associatedPartnerId: digits.optional(),
  }),
  z.object({ kind: z.literal('legal-profile'), companyName: z.string().max(300).optional(), country: iso2.optional(), address: addressSchema.optional() }),
  z.object({ kind: z.literal('verified-address'), address: addressSchema }),
  z.object({ kind: z.literal('company-domain'), domain: z.string().max(253) }),
]);

export const requestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lookup-domains'), hosts: z.array(z.string().max(253)).max(100) }),
  z.object({
    type: z.literal('report-issues'),
    url: z.string().max(4000),
    title: z.string().max(1000),
    issues: z.array(tabIssue).max(500),
  }),
  z.object({ type: z.literal('get-tab-state'), tabId: z.number().int().optional() }),
  z.object({ type: z.literal('get-facts') }),
  z.object({ type: z.literal('learn'), learned: learnedSchema }),
  z.object({ type: z.literal('get-profile') }),
  z.object({ type: z.literal('save-profile'), profile: z.unknown() }),
  z.object({ type: z.literal('import-profile'), text: z.string().max(1_000_000) }),
  z.object({ type: z.literal('dismiss-unreadable') }),
]);

export const tabStateSchema = z.object({
  tabId: z.number().int(),
  url: z.string(),
  title: z.string(),
  issues: z.array(tabIssue),
  /** Each frame's own issues (frame 0 is the page itself); `issues` is all of them. */
  frames: z.record(z.string(), z.array(tabIssue)).default({}),
  updatedAt: z.number(),
});
