import { recognisePortalErrors, type PortalCode } from '../../rules/portal/errors';
import { leafTexts } from './readers';

/**
 * Where the portal shows what went wrong: alerts and live regions, Fluent message bars, Angular/Bootstrap
 * alerts, form-level error summaries, toasts and dialogs. Class names are a fallback for markup built
 * without ARIA.
 */
export const MESSAGE =
  '[role=alert],[role=alertdialog],[role=dialog],[role=status],dialog[open],[class*="messagebar" i],[class*="message-bar" i],' +
  '[class*="alert" i],[class*="toast" i],[class*="snack" i],[class*="error" i],mat-error';

export interface PortalErrorReading {
  anchor: Element;
  code: PortalCode;
  /** The message as shown (clipped), for the report: it may hold an ID, redacted there. */
  text: string;
}

/**
 * The documented portal errors the page shows, one per code and message: the innermost message element
 * holding the text is the anchor (a message bar inside a dialog is marked, not the whole dialog).
 */
export function readPortalErrors(doc: Document): PortalErrorReading[] {
  const hits = [...doc.querySelectorAll(MESSAGE)]
    .slice(0, 200)
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const text = leafTexts(el, 60).join(' ');
      return { el, text, codes: recognisePortalErrors(text) };
    })
    .filter((h) => h.codes.length > 0);
  const out: PortalErrorReading[] = [];
  for (const h of hits) {
    for (const code of h.codes) {
      // A message element holding another that shows the same code: the inner one is the message.
      if (!hits.some((o) => o !== h && h.el.contains(o.el) && o.codes.includes(code))) out.push({ anchor: h.el, code, text: h.text.slice(0, 500) });
    }
  }
  return out.slice(0, 20);
}
