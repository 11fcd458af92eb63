import { PART_NAMES } from '../rules/address/compare';
import type { Locale, Severity } from '../rules/types';

/**
 * Words shared by the marks, cards and notices in the page and the extension's pages, in English and
 * Japanese. Every surface speaks the browser's UI language (or the one chosen in options), whatever the
 * portal page's own language.
 */
const STRINGS = {
  en: {
    severity: { error: 'Error', warning: 'Warning', info: 'Note' } as Record<Severity, string>,
    /** What the live region says when issues appear or go, naming the field. */
    found: (label: string, sev: string, message: string) => `${label}: ${sev}. ${message}`,
    fixed: (label: string) => `${label}: no longer flagged.`,
    more: (n: number) => `${n} more fields are flagged.`,
    tabToMark: 'Press Tab for the options.',
    field: 'This field',
    portalMessage: 'Partner Center message',
    close: 'Close',
    copyPla: (id: string) => `Copy the PLA ID ${id}`,
    copyAddress: 'Copy the verified address',
    copyPart: (part: string) => `Copy the verified ${part}`,
    copied: (value: string) => `Copied: ${value}`,
    copyFailed: (value: string) => `Could not copy. Select and copy it yourself: ${value}`,
    openStep: 'Open this step in the checklist',
    ignore: 'Ignore on this field',
    ignored: 'Ignored on this field. Undo it in Settings.',
    details: (code: string) => `Details: ${code}`,
    parts: PART_NAMES.en,
    learnedIds: (n: number) => (n === 1 ? 'Learned 1 PartnerID from Identifiers.' : `Learned ${n} PartnerIDs from Identifiers.`),
    learnedAddress: 'Verified address updated.',
    learnedProfile: 'Saved the company details you submitted.',
    learnedDomain: (d: string) => `Learned your company's email domain ${d}.`,
    askAddress: (a: string) =>
      `This dialog shows a verified address different from the one you entered or imported: ${a}. Use it from now on?`,
    askCompanyAddress: (a: string) =>
      `You submitted a company address different from the one in your settings: ${a}. Keep this one from now on?`,
    useIt: 'Use this address',
    keepMine: 'Keep mine',
    undo: 'Undo',
    undone: 'Undone: the previous facts are back.',
    undoFailed: 'Could not undo: it was changed since. Check Settings.',
    settings: 'Settings',
    notice: 'CSP Reseller Assistant',
  },
  ja: {
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<Severity, string>,
    found: (label: string, sev: string, message: string) => `${label}: ${sev}。${message}`,
    fixed: (label: string) => `${label}: 指摘はなくなりました。`,
    more: (n: number) => `ほかに ${n} 件の項目に指摘があります。`,
    tabToMark: 'Tab キーで対処方法を表示します。',
    field: 'この項目',
    portalMessage: 'パートナー センターのメッセージ',
    close: '閉じる',
    copyPla: (id: string) => `PLA ID ${id} をコピー`,
    copyAddress: '検証済みの住所をコピー',
    copyPart: (part: string) => `検証済みの${part}をコピー`,
    copied: (value: string) => `コピーしました: ${value}`,
    copyFailed: (value: string) => `コピーできませんでした。選択してコピーしてください: ${value}`,
    openStep: 'チェックリストでこの手順を開く',
    ignore: 'この項目では無視する',
    ignored: 'この項目では無視します。設定で元に戻せます。',
    details: (code: string) => `詳細: ${code}`,
    parts: PART_NAMES.ja,
    learnedIds: (n: number) => `識別子ページから PartnerID を ${n} 件読み込みました。`,
    learnedAddress: '検証済みの住所を更新しました。',
    learnedProfile: '送信した会社情報を保存しました。',
    learnedDomain: (d: string) => `会社のメール ドメイン ${d} を読み込みました。`,
    askAddress: (a: string) => `このダイアログの検証済み住所は、入力またはインポートした住所と異なります: ${a}。今後はこちらを使いますか?`,
    askCompanyAddress: (a: string) => `設定にある会社の住所と異なる住所を送信しました: ${a}。今後はこちらを使いますか?`,
    useIt: 'この住所を使う',
    keepMine: '今の住所のまま',
    undo: '元に戻す',
    undone: '元に戻しました。',
    undoFailed: 'その後に変更されたため元に戻せません。設定を確認してください。',
    settings: '設定',
    notice: 'CSP Reseller Assistant',
  },
} satisfies Record<Locale, unknown>;

export type PageStrings = (typeof STRINGS)['en'];
export const pageStrings = (locale: Locale): PageStrings => STRINGS[locale];
