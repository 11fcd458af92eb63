import type { Category } from '../../rules/report/redact';
import type { Locale } from '../../rules/types';

/** The report page's own words (the report's words are in rules/report/). */
const STRINGS = {
  en: {
    title: 'Issue report for your distributor',
    intro: 'Everything below is built in this browser from the portal tab. Nothing is sent: you choose what to copy, download or email.',
    forTab: (t: string) => `Portal tab: ${t}`,
    noTab: 'No Partner Center tab is open. Open the portal page that fails, then press Report again.',
    tabGone: 'The portal tab could not be read (closed or reloaded): the report holds what was reported before.',
    language: 'Report language',
    privacyTitle: 'What the report shows',
    privacyHelp: 'Hidden by default. Tick a box to show that kind of value as it is.',
    show: {
      emails: 'Show email addresses',
      partnerIds: 'Show PartnerIDs',
      addresses: 'Show street lines and postal codes',
      names: 'Show company and person names',
      tenantIds: 'Show tenant IDs',
    } as Record<Category, string>,
    hiddenTitle: 'Hidden now',
    nothingHidden: 'Nothing is hidden: every value appears as the page and the profile held it.',
    screenshot: 'Also download a screenshot of the portal tab (field values covered)',
    screenshotHelp: 'Off by default. The portal tab is shown for a moment; every field value is covered before the picture is taken.',
    actionsTitle: 'Send it your way',
    copyMd: 'Copy as Markdown',
    copyText: 'Copy as plain text',
    downloadMd: 'Download .md',
    downloadJson: 'Download .json',
    email: 'Email to the distributor',
    emailHelp: (to: string) =>
      to
        ? `Opens your mail program with a message to ${to}; the full report is on the clipboard: paste it into the message.`
        : 'No distributor email is set: add it in Settings, or fill in the recipient yourself. The full report is on the clipboard.',
    settings: 'Settings',
    previewTitle: 'Preview (exactly what is copied and downloaded as Markdown)',
    copied: 'Copied to the clipboard.',
    copyFailed: 'The browser refused the clipboard: select the preview and copy it by hand.',
    downloaded: (f: string) => `Downloaded ${f}.`,
    jsonInvalid: (e: string) => `The JSON did not pass its schema and was not written: ${e}`,
    emailSubject: (page: string) => `Partner Center issue report: ${page}`,
    emailBody: (summary: string) => `${summary}\n\nThe full report is on my clipboard; pasted below.\n\n`,
    shotDone: (f: string) => `Screenshot downloaded: ${f}.`,
    shotFailed: (e: string) => `No screenshot: ${e}`,
    shotNeedsGesture:
      'the browser allows a picture only right after you use the toolbar button or the shortcut (Alt+Shift+R) on the portal tab: open the report that way and try again (activeTab)',
    loading: 'Reading the portal tab…',
  },
  ja: {
    title: 'ディストリビューター向け問題レポート',
    intro:
      '以下はポータルのタブからこのブラウザー内で作成しました。何も送信しません。コピー、ダウンロード、メールのどれにするかを選んでください。',
    forTab: (t: string) => `ポータルのタブ: ${t}`,
    noTab: 'パートナー センターのタブが開いていません。問題のページを開いてから、もう一度「レポート」を押してください。',
    tabGone: 'ポータルのタブを読み取れませんでした (閉じたか再読み込み中)。それまでに報告された内容でレポートを作ります。',
    language: 'レポートの言語',
    privacyTitle: 'レポートに含める情報',
    privacyHelp: '既定ではすべて隠します。チェックを入れると、その種類の値をそのまま表示します。',
    show: {
      emails: 'メール アドレスを表示',
      partnerIds: 'PartnerID を表示',
      addresses: '番地と郵便番号を表示',
      names: '会社名と個人名を表示',
      tenantIds: 'テナント ID を表示',
    } as Record<Category, string>,
    hiddenTitle: '現在隠している情報',
    nothingHidden: '何も隠していません。ページとプロファイルの値がそのまま含まれます。',
    screenshot: 'ポータルのタブのスクリーンショットもダウンロードする (フィールドの値は隠します)',
    screenshotHelp: '既定ではオフ。ポータルのタブを一瞬表示し、すべてのフィールドの値を覆ってから撮影します。',
    actionsTitle: '共有する',
    copyMd: 'Markdown でコピー',
    copyText: 'テキストでコピー',
    downloadMd: '.md をダウンロード',
    downloadJson: '.json をダウンロード',
    email: 'ディストリビューターにメール',
    emailHelp: (to: string) =>
      to
        ? `${to} 宛のメールを作成します。レポート全文はクリップボードにあるので、本文に貼り付けてください。`
        : 'ディストリビューターのメール アドレスが未設定です。設定で追加するか、宛先を入力してください。レポート全文はクリップボードにあります。',
    settings: '設定',
    previewTitle: 'プレビュー (Markdown でコピー・ダウンロードされる内容そのもの)',
    copied: 'クリップボードにコピーしました。',
    copyFailed: 'クリップボードを使えませんでした。プレビューを選択して手動でコピーしてください。',
    downloaded: (f: string) => `${f} をダウンロードしました。`,
    jsonInvalid: (e: string) => `JSON がスキーマに合わないため書き出しませんでした: ${e}`,
    emailSubject: (page: string) => `パートナー センターの問題レポート: ${page}`,
    emailBody: (summary: string) => `${summary}\n\nレポート全文を下に貼り付けます。\n\n`,
    shotDone: (f: string) => `スクリーンショットをダウンロードしました: ${f}`,
    shotFailed: (e: string) => `スクリーンショットを撮れませんでした: ${e}`,
    shotNeedsGesture:
      'ブラウザーは、ポータルのタブでツールバー ボタンかショートカット (Alt+Shift+R) を使った直後にだけ撮影を許可します。その方法でレポートを開き直してください (activeTab)',
    loading: 'ポータルのタブを読み取っています…',
  },
};
export type ReportStrings = (typeof STRINGS)['en'];
export const reportStrings = (locale: Locale): ReportStrings => STRINGS[locale];
