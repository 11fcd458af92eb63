import { portalSeverity } from '../checks/portal-error';
import { explainPortalCode } from '../portal/explain';
import type { Locale, Severity } from '../types';

/**
 * What a portal error means and what to do, in the report's language, and the enrollment step that fixes
 * it: the same words as the mark beside the message (`rules/portal/explain.ts`, their one source).
 */
export interface PortalExplanation {
  severity: Severity;
  means: string;
  todo: string;
  step: string;
}

/** What a portal code means and what to do, in `locale`; an unknown code gets a plain fallback. */
export function explainPortalError(code: string, locale: Locale): PortalExplanation {
  const e = explainPortalCode(code);
  if (!e) {
    return {
      severity: 'error',
      step: 'associate-pla',
      means: locale === 'ja' ? `パートナー センターがコード ${code} を表示しました。` : `Partner Center showed code ${code}.`,
      todo: locale === 'ja' ? 'この報告をディストリビューターに送ってください。' : 'Send this report to your distributor.',
    };
  }
  return { severity: portalSeverity(code), means: e.means[locale], todo: e.todo[locale], step: e.step };
}
