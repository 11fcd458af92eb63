import type { Locale, Severity } from '../rules/types';

/** Words shared by the marks in the page and the extension's pages, in English and Japanese. */
const STRINGS = {
  en: {
    severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
    liveSummary: (n: number) =>
      n === 0
        ? 'CSP Reseller Assistant: no problems on this page.'
        : `CSP Reseller Assistant: ${n} problem${n === 1 ? '' : 's'} on this page.`,
  },
  ja: {
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<Severity, string>,
    liveSummary: (n: number) =>
      n === 0 ? 'CSP Reseller Assistant: このページに問題はありません。' : `CSP Reseller Assistant: このページに ${n} 件の問題があります。`,
  },
} satisfies Record<Locale, unknown>;

export type PageStrings = (typeof STRINGS)['en'];
export const pageStrings = (locale: Locale): PageStrings => STRINGS[locale];
