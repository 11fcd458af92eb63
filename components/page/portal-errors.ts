import type { PortalErrorInfo } from '../../rules/types';
import { leafTexts } from './readers';

/**
 * Where the portal shows what went wrong: alerts and live regions, Fluent message bars, Angular/Bootstrap
 * alerts, form-level error summaries (`mat-error` and the like, by class), toasts and dialogs. Class names
 * are a fallback for markup built without ARIA.
 */
export const MESSAGE =
  // (role alert, alertdialog and dialog)
  '[role*=alert],[role*=dialog],[role=status],dialog[open],[class*="messagebar" i],[class*="alert" i],' +
  '[class*="toast" i],[class*="snack" i],[class*="error" i]';

/** A documented error on the page, explained (by the background), with the element its mark sits beside. */
export interface PortalErrorReading extends PortalErrorInfo {
  anchor: Element;
  /** The message as shown (clipped), for the report: it may hold an ID, redacted there. */
  text: string;
}

/** Only texts that may hold a documented error are asked about: a number, "numeric", a CamelCase status. */
const CANDIDATE = /\d{4}|numeric|Verified|[a-z][A-Z]/;

/**
 * The documented portal errors the page shows, one per code and message: the innermost message element
 * holding the text is the anchor (a message bar inside a dialog is marked, not the whole dialog). The
 * errors of a text come from `errorsOf` (the background recognises and explains them,
 * `rules/portal/errors.ts` and `explain.ts`, and the page keeps the answers); texts it has no answer for
 * yet are returned as `unknown`.
 */
export function readPortalErrors(
  doc: Document,
  errorsOf: (text: string) => readonly PortalErrorInfo[] | undefined,
): { errors: PortalErrorReading[]; unknown: string[] } {
  const unknown: string[] = [];
  const hits = [...doc.querySelectorAll(MESSAGE)]
    .slice(0, 200)
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const text = leafTexts(el, 60).join(' ').slice(0, 500);
      const found = CANDIDATE.test(text) ? errorsOf(text) : [];
      if (!found) unknown.push(text);
      return { el, text, found: found ?? [] };
    })
    .filter((h) => h.found.length > 0);
  const errors: PortalErrorReading[] = [];
  for (const h of hits) {
    for (const e of h.found) {
      // A message element holding another that shows the same code: the inner one is the message.
      if (!hits.some((o) => o !== h && h.el.contains(o.el) && o.found.some((x) => x.code === e.code)))
        errors.push({ ...e, anchor: h.el, text: h.text });
    }
  }
  return { errors: errors.slice(0, 20), unknown: [...new Set(unknown)].slice(0, 20) };
}
