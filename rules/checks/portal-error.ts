import { defineCheck } from '../run-checks';

/** The portal's own code (a number, `mpn-not-numeric`, or an address-verification status). */
type Params = { code: string };

/** How serious each is: the numeric codes block an order; an address needing a look warns; a verified one informs. */
export const portalSeverity = (code: string): 'error' | 'warning' | 'info' =>
  /^Verified/.test(code) ? 'info' : /^[A-Z]/.test(code) ? 'warning' : 'error';

const shown = (code: string) => (code === 'mpn-not-numeric' ? '"MPN Id must be numeric"' : code);

/**
 * The portal itself shows a documented POR or enrollment error (or an address-verification status) in a
 * message bar, an alert or a dialog: the mark sits beside that message. Its words stay short (the content
 * script's budget): what each code means, what to do and the step that fixes it are in the issue report
 * (`rules/report/portal.ts`), which the mark points to.
 */
export const portalError = defineCheck<Params>({
  code: 'portal-error',
  severity: 'error',
  reads: [],
  messages: {
    en: ({ code }) => `Partner Center shows ${shown(code)}: the issue report (Alt+Shift+R) says what to do.`,
    ja: ({ code }) => `パートナー センターの表示 ${shown(code)}: 対処は問題レポート (Alt+Shift+R) で。`,
  },
  examples: {
    flags: [
      {
        fields: [],
        page: {
          portalErrors: [
            { anchorId: 'a', code: '2201' },
            { anchorId: 'b', code: 'Verified' },
          ],
        },
      },
    ],
    passes: [{ fields: [] }],
  },
  sandbox: { flags: ['en/portal-errors.html', 'ja/portal-errors.html'], quiet: ['en/clean.html', 'ja/clean.html'] },
  run({ page }) {
    return (page?.portalErrors ?? []).map((e) => ({ fieldId: e.anchorId, params: { code: e.code }, severity: portalSeverity(e.code) }));
  },
});
