import { EMAIL_KINDS } from './detect/classify';
import { parseEmail } from './email/parse';
import type { Check, CheckContext, Issue, Locale } from './types';

/**
 * Runs every check over the classified fields. A check that throws is reported once through `onError` and
 * skipped: one broken check never silences the others.
 */
export function runChecks(
  checks: readonly Check[],
  ctx: CheckContext,
  locale: Locale,
  onError: (code: string, error: unknown) => void = () => {},
): Issue[] {
  const issues: Issue[] = [];
  for (const check of checks) {
    try {
      for (const finding of check.run(ctx)) {
        issues.push({
          code: check.code,
          severity: finding.severity ?? check.severity,
          fieldId: finding.fieldId,
          message: check.messages[locale](finding.params),
        });
      }
    } catch (error) {
      onError(check.code, error);
    }
  }
  return issues;
}

/** The email hosts on the page that the background has not described yet. */
export function unknownHosts(ctx: CheckContext): string[] {
  const hosts = new Set<string>();
  for (const f of ctx.fields) {
    if (!EMAIL_KINDS.includes(f.kind)) continue;
    const host = parseEmail(f.descriptor.value)?.host;
    if (host && !(host in ctx.facts.domains)) hosts.add(host);
  }
  return [...hosts];
}
