import { z } from 'zod';
import { EVIDENCE_KINDS, type EvidenceKind, type StepStatus } from '../../rules/companion/steps';
import type { Progress } from '../../rules/companion/progress';
import type { Assert, Same } from './limits';

/**
 * The enrollment progress as stored (the extension's IndexedDB, through the background) and as it travels
 * in messages. Versioned: a step in `PROGRESS_MIGRATIONS` upgrades an older record.
 */
export const PROGRESS_VERSION = 1;

const STATUSES = ['todo', 'in-progress', 'done', 'blocked', 'skipped'] as const satisfies readonly StepStatus[];
const kind = z.enum(EVIDENCE_KINDS as [EvidenceKind, ...EvidenceKind[]]);

export const evidenceRecordSchema = z.object({
  kind,
  value: z.string().max(40),
  seen: z.string().max(300),
  path: z.string().max(500),
  at: z.string().max(40),
});

export const progressSchema = z.object({
  version: z.literal(PROGRESS_VERSION),
  evidence: z.partialRecord(kind, evidenceRecordSchema).default({}),
  manual: z.record(z.string().max(64), z.object({ state: z.enum(STATUSES), at: z.string().max(40) })).default({}),
});
export type StoredProgress = z.infer<typeof progressSchema>;
export type _ProgressAgrees = Assert<Same<Omit<StoredProgress, 'version'>, Progress>>;

/** Older stored versions, upgraded one step at a time (none yet: version 1 is the first). */
const PROGRESS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {};

/** Parses a stored progress record, migrating older versions; never throws. */
export function parseProgress(raw: unknown): { ok: true; progress: StoredProgress } | { ok: false; errors: string[] } {
  let data = raw;
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    let record = data as Record<string, unknown>;
    let version = typeof record.version === 'number' ? record.version : NaN;
    while (version < PROGRESS_VERSION && PROGRESS_MIGRATIONS[version]) {
      record = PROGRESS_MIGRATIONS[version]!(record);
      version = record.version as number;
    }
    data = record;
  }
  const parsed = progressSchema.safeParse(data);
  return parsed.success
    ? { ok: true, progress: parsed.data }
    : { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join('.') || '(record)'}: ${i.message}`) };
}

/**
 * A team-profile file may carry the enrollment progress as an optional `progress` section. Splits it off
 * (the profile schema does not know it): the profile part to parse as before, and the progress when the
 * file has one. A section that does not validate is an error for the whole import (nothing changes).
 */
export function splitProgress(text: string): { profile: unknown; progress?: StoredProgress; errors?: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { profile: text };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !('progress' in data)) return { profile: data };
  const { progress, ...profile } = data as Record<string, unknown>;
  const parsed = parseProgress(progress);
  if (!parsed.ok) return { profile, errors: parsed.errors.map((e) => `progress.${e}`) };
  return { profile, progress: parsed.progress };
}

/** The progress a team-profile export carries: what pages showed and what the user set (not what the profile itself implies). */
export function exportedProgress(progress: StoredProgress): StoredProgress {
  return { ...progress, evidence: Object.fromEntries(Object.entries(progress.evidence).filter(([, e]) => e && e.path !== '')) };
}
