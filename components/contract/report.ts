import { z } from 'zod';
import { REPORT_FORMAT, REPORT_VERSION, type Report } from '../../rules/report/build';
import { CATEGORIES } from '../../rules/report/redact';
import type { Assert, Same } from './limits';

/**
 * The issue report's JSON file (`report.json`), versioned: what the report page downloads, validated before
 * it is written, and what a distributor's tooling may read. Version 1; a change of shape bumps the version.
 * The README documents each key. The type is the builder's (`rules/report/build.ts`); tsc keeps them equal.
 */

const severity = z.enum(['error', 'warning', 'info']);
const stepStatus = z.enum(['todo', 'in-progress', 'done', 'blocked', 'skipped']);
const short = z.string().max(4000);

export const reportSchema = z.strictObject({
  format: z.literal(REPORT_FORMAT),
  version: z.literal(REPORT_VERSION),
  language: z.enum(['en', 'ja']),
  hidden: z.array(z.enum(CATEGORIES)),
  title: short,
  summary: z.string().max(20000),
  issues: z.array(z.strictObject({ code: z.string().max(64), severity, field: short, value: short, message: short })).max(1000),
  portalErrors: z
    .array(
      z.strictObject({
        code: z.string().max(64),
        severity,
        means: short,
        todo: short,
        step: z.strictObject({ id: z.string().max(64), title: short, link: z.string().max(2000).optional() }),
        shown: short,
      }),
    )
    .max(100),
  progress: z.strictObject({
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    next: z.strictObject({ id: z.string(), title: z.string() }).optional(),
    steps: z.array(z.strictObject({ id: z.string(), n: z.number().int(), title: z.string(), status: stepStatus })),
  }),
  por: z.array(z.strictObject({ id: z.string(), name: z.string(), state: z.enum(['met', 'not-met', 'unknown']), why: short })),
  environment: z.strictObject({
    extensionVersion: z.string().max(40),
    browser: z.string().max(200),
    os: z.string().max(200),
    uiLanguage: z.string().max(40),
    pageLanguage: z.string().max(40),
    portalLocale: z.string().max(40),
    page: z.string().max(4000),
    timeUtc: z.string().max(40),
    timeLocal: z.string().max(80),
  }),
});

// Compile-time: the schema and the builder's type are one shape (tsc fails otherwise).
export type _ReportAgrees = Assert<Same<z.infer<typeof reportSchema>, Report>>;

/** The report as the `.json` file: validated (a report that fails is a bug, reported as such, never written). */
export function reportJson(report: Report): { ok: true; text: string } | { ok: false; errors: string[] } {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(report)'}: ${i.message}`) };
  return { ok: true, text: `${JSON.stringify(parsed.data, null, 2)}\n` };
}
