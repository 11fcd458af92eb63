import type { Locale, Severity } from '../rules/types';

/** The extension's own UI strings (marks, popup, sidebar, options), in English and Japanese. */
const STRINGS = {
  en: {
    severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
    liveSummary: (n: number) => (n === 0 ? 'CSP Reseller Assistant: no problems on this page.' : `CSP Reseller Assistant: ${n} problem${n === 1 ? '' : 's'} on this page.`),
    issuesOnTab: (n: number) => (n === 1 ? '1 issue on this tab' : `${n} issues on this tab`),
    noPortalTab: 'Open a Partner Center page (partner.microsoft.com) to see its issues here.',
    fromOtherTab: (title: string) => `Last Partner Center tab: ${title}`,
    noIssues: 'Nothing flagged on this page.',
    openSidebar: 'Open checklist',
    sidebarTitle: 'CSP Reseller Assistant',
    liveIssues: 'Issues on this tab',
    optionsTitle: 'CSP Reseller Assistant: settings',
    privacy: 'Everything stays in this browser: the extension makes no network request.',
  },
  ja: {
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<Severity, string>,
    liveSummary: (n: number) => (n === 0 ? 'CSP Reseller Assistant: このページに問題はありません。' : `CSP Reseller Assistant: このページに ${n} 件の問題があります。`),
    issuesOnTab: (n: number) => `このタブの問題: ${n} 件`,
    noPortalTab: 'Partner Center のページ (partner.microsoft.com) を開くと、ここに問題が表示されます。',
    fromOtherTab: (title: string) => `最後に開いた Partner Center のタブ: ${title}`,
    noIssues: 'このページで検出された問題はありません。',
    openSidebar: 'チェックリストを開く',
    sidebarTitle: 'CSP Reseller Assistant',
    liveIssues: 'このタブの問題',
    optionsTitle: 'CSP Reseller Assistant: 設定',
    privacy: 'データはすべてこのブラウザー内に保存され、拡張機能はネットワーク通信を一切行いません。',
  },
} satisfies Record<Locale, unknown>;

export type UiStrings = (typeof STRINGS)['en'];
export const strings = (locale: Locale): UiStrings => STRINGS[locale];
