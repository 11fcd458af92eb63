import { defineCheck } from '../run-checks';
import type { PortalErrorInfo } from '../types';

/**
 * The portal's own code (a number, `mpn-not-numeric`, or an address-verification status), what it means and
 * what to do in each language, and the step that fixes it (the card's "open the step" goes there).
 */
type Params = PortalErrorInfo;

/** How serious each is: the numeric codes block an order; an address needing a look warns; a verified one informs. */
export const portalSeverity = (code: string): 'error' | 'warning' | 'info' =>
  /^Verified/.test(code) ? 'info' : /^[A-Z]/.test(code) ? 'warning' : 'error';

const shown = (code: string) => (code === 'mpn-not-numeric' ? '"MPN Id must be numeric"' : code);

/**
 * The portal itself shows a documented POR or enrollment error (or an address-verification status) in a
 * message bar, an alert or a dialog: the mark sits beside that message and says what it means and what to
 * do. The words come with the page's facts (the background recognises the message and explains it,
 * `rules/portal/explain.ts`, the same words the issue report uses): they would not fit in the content
 * script's budget, and the check stays pure.
 */
export const portalError = defineCheck<Params>({
  code: 'portal-error',
  severity: 'error',
  reads: [],
  messages: {
    en: ({ code, means, todo }) => `Partner Center shows ${shown(code)}: ${means.en} What to do: ${todo.en}`,
    ja: ({ code, means, todo }) => `パートナー センターの表示 ${shown(code)}: ${means.ja} 対処: ${todo.ja}`,
  },
  examples: {
    flags: [
      {
        fields: [],
        page: {
          portalErrors: [
            {
              anchorId: 'a',
              code: '2201',
              step: 'choose-distributor',
              means: { en: 'The CSP regions differ.', ja: 'CSP リージョンが異なります。' },
              todo: { en: 'Order through a distributor of your region.', ja: '同じリージョンのディストリビューター経由で注文します。' },
            },
            {
              anchorId: 'b',
              code: 'Verified',
              step: 'legal-business-profile',
              means: { en: 'The address is verified.', ja: '住所は検証済みです。' },
              todo: { en: 'Use the suggested address.', ja: '推奨住所を使います。' },
            },
          ],
        },
      },
    ],
    passes: [{ fields: [] }],
  },
  sandbox: { flags: ['en/portal-errors.html', 'ja/portal-errors.html'], quiet: ['en/clean.html', 'ja/clean.html'] },
  run({ page }) {
    return (page?.portalErrors ?? []).map(({ anchorId, ...e }) => ({ fieldId: anchorId, params: e, severity: portalSeverity(e.code) }));
  },
});
