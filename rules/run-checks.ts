import { EMAIL_KINDS } from './detect/classify';
import { parseEmail } from './email/parse';
import type { Check, CheckContext, ClassifiedField, Issue, Locale } from './types';

/** Declares a check, inferring its params' type from `run` and holding its messages to it. */
export const defineCheck = <P>(check: Check<P>): Check<P> => check;

/** Each check's fields: only the kinds it declares it reads (a check never sees the rest). */
function fieldsFor(check: Check, fields: ClassifiedField[]): ClassifiedField[] {
  return fields.filter((f) => check.reads.includes(f.kind));
}

/**
 * Runs every check over the classified fields, each seeing only the kinds it reads. A check that throws
 * is reported through `onError` and skipped: one broken check never silences the others.
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
      for (const finding of check.run({ ...ctx, fields: fieldsFor(check, ctx.fields) })) {
        issues.push({
          code: check.code,
          severity: finding.severity ?? check.severity,
          fieldId: finding.fieldId,
          message: check.messages[locale](finding.params),
          params: finding.params,
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

/**
 * An issue's message in `locale`, rendered again from its code and params (the popup and sidebar speak the
 * browser's language, whatever the page's). Falls back to the message as sent when the code is unknown
 * or the params do not fit.
 */
export function renderMessage(
  checks: readonly Check[],
  issue: { code: string; message: string; params?: unknown },
  locale: Locale,
): string {
  const check = checks.find((c) => c.code === issue.code);
  if (!check || issue.params === undefined) return issue.message;
  try {
    const text = check.messages[locale](issue.params);
    return typeof text === 'string' && text !== '' ? text : issue.message;
  } catch {
    return issue.message;
  }
}
