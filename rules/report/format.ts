import type { Locale } from '../types';
import { reportWords, type Report } from './build';
import { CATEGORIES, type Category } from './redact';

/** The report as Markdown (tickets, Teams, email) and as plain text. What the preview shows is exactly this. */

const H = {
  en: {
    title: (t: string) => `Issue report: ${t}`,
    summary: 'Summary',
    issues: (n: number) => `Issues on this page (${n})`,
    noIssues: 'None.',
    cols: ['Severity', 'Code', 'Field', 'Value', 'Message'],
    portal: (n: number) => `Errors the portal shows (${n})`,
    portalShown: 'The portal says',
    means: 'What it means',
    todo: 'What to do',
    step: 'Enrollment step',
    progress: 'Enrollment progress',
    doneOf: (d: number, t: number) => `${d} of ${t} steps done.`,
    next: 'Next step',
    por: 'Partner-of-record (POR) readiness',
    env: 'Environment',
    envRows: {
      extensionVersion: 'Extension version',
      browser: 'Browser',
      os: 'Operating system',
      uiLanguage: 'Browser language',
      pageLanguage: 'Page language',
      portalLocale: 'Portal locale',
      page: 'Page',
      timeUtc: 'Time (UTC)',
      timeLocal: 'Time (local)',
    } as Record<string, string>,
    hidden: 'Hidden in this report',
    nothingHidden: 'Nothing is hidden: this report shows every value as the page and the profile held it.',
    footer: 'Made by CSP Reseller Assistant in the browser; nothing was sent anywhere.',
  },
  ja: {
    title: (t: string) => `問題レポート: ${t}`,
    summary: '概要',
    issues: (n: number) => `このページの問題 (${n})`,
    noIssues: 'なし。',
    cols: ['重大度', 'コード', 'フィールド', '値', 'メッセージ'],
    portal: (n: number) => `ポータルが表示したエラー (${n})`,
    portalShown: 'ポータルの表示',
    means: '意味',
    todo: '対処',
    step: '登録ステップ',
    progress: '登録の進捗',
    doneOf: (d: number, t: number) => `${t} ステップ中 ${d} 完了。`,
    next: '次のステップ',
    por: 'パートナー オブ レコード (POR) の準備',
    env: '環境',
    envRows: {
      extensionVersion: '拡張機能のバージョン',
      browser: 'ブラウザー',
      os: 'OS',
      uiLanguage: 'ブラウザーの言語',
      pageLanguage: 'ページの言語',
      portalLocale: 'ポータルのロケール',
      page: 'ページ',
      timeUtc: '時刻 (UTC)',
      timeLocal: '時刻 (ローカル)',
    } as Record<string, string>,
    hidden: 'このレポートで隠した情報',
    nothingHidden: '何も隠していません。ページとプロファイルの値がそのまま含まれます。',
    footer: 'CSP Reseller Assistant がブラウザー内で作成しました。どこにも送信していません。',
  },
};

/** What each hidden category becomes, for the reader of the report (and the preview). */
export const HIDDEN_WORDS: Record<Locale, Record<Category, string>> = {
  en: {
    emails: 'email addresses: the part before @ (t•••@gmail.com; the domain is kept)',
    partnerIds: 'PartnerIDs: all but the last two digits (…67), with whether each is the PGA or a PLA and its country',
    addresses: 'street lines and postal codes ([street], [postal code]; city, state and country are kept)',
    names: 'company and person names ([company], [name])',
    tenantIds: 'tenant IDs (GUIDs: [tenant ID])',
  },
  ja: {
    emails: 'メール アドレスの @ より前 (t•••@gmail.com。ドメインは残します)',
    partnerIds: 'PartnerID の末尾 2 桁以外 (…67)。PGA か PLA か、PLA の国は残します',
    addresses: '番地の行と郵便番号 ([番地]、[郵便番号]。市区町村・都道府県・国は残します)',
    names: '会社名と個人名 ([会社名]、[氏名])',
    tenantIds: 'テナント ID (GUID: [テナント ID])',
  },
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
/** Markdown's own characters in running text, escaped so that a value never becomes markup. */
const md = (s: string) => s.replace(/([\\`*_[\]<>#])/g, '\\$1');

export function toMarkdown(report: Report): string {
  const h = H[report.language];
  const w = reportWords(report.language);
  const out: string[] = [`# ${md(h.title(report.title))}`, '', `## ${h.summary}`, '', md(report.summary), ''];
  out.push(`## ${h.issues(report.issues.length)}`, '');
  if (report.issues.length === 0) out.push(h.noIssues, '');
  else {
    out.push(`| ${h.cols.join(' | ')} |`, `|${h.cols.map(() => '---').join('|')}|`);
    for (const i of report.issues)
      out.push(`| ${w.severity[i.severity]} | \`${i.code}\` | ${cell(md(i.field))} | ${cell(md(i.value))} | ${cell(md(i.message))} |`);
    out.push('');
  }
  if (report.portalErrors.length > 0) {
    out.push(`## ${h.portal(report.portalErrors.length)}`, '');
    for (const e of report.portalErrors) {
      out.push(`### \`portal-error\` ${e.code} (${w.severity[e.severity]})`, '');
      out.push(`- ${h.portalShown}: “${md(e.shown)}”`, `- ${h.means}: ${md(e.means)}`, `- ${h.todo}: ${md(e.todo)}`);
      out.push(`- ${h.step}: ${e.step.link ? `[${md(e.step.title)}](${e.step.link})` : md(e.step.title)}`, '');
    }
  }
  out.push(`## ${h.progress}`, '', h.doneOf(report.progress.done, report.progress.total));
  if (report.progress.next) out.push(`${h.next}: ${md(report.progress.next.title)}`);
  out.push('');
  for (const s of report.progress.steps) out.push(`- ${s.status === 'done' ? '[x]' : '[ ]'} ${s.n}. ${md(s.title)}: ${w.status[s.status]}`);
  out.push('', `## ${h.por}`, '');
  for (const c of report.por) out.push(`- **${w.readiness[c.state]}**: ${md(c.name)}. ${md(c.why)}`);
  out.push('', `## ${h.env}`, '', '| | |', '|---|---|');
  for (const [k, v] of Object.entries(report.environment)) out.push(`| ${h.envRows[k] ?? k} | ${cell(md(String(v)))} |`);
  out.push('', `## ${h.hidden}`, '');
  if (report.hidden.length === 0) out.push(h.nothingHidden);
  for (const c of CATEGORIES) if (report.hidden.includes(c)) out.push(`- ${md(HIDDEN_WORDS[report.language][c])}`);
  out.push('', `_${h.footer}_`, '');
  return out.join('\n');
}

export function toPlainText(report: Report): string {
  const h = H[report.language];
  const w = reportWords(report.language);
  const rule = (title: string) => ['', title, '-'.repeat(Math.min(60, [...title].length * 2))];
  const out: string[] = [h.title(report.title), '='.repeat(60), '', report.summary];
  out.push(...rule(h.issues(report.issues.length)));
  if (report.issues.length === 0) out.push(h.noIssues);
  for (const i of report.issues) {
    out.push(`* [${w.severity[i.severity]}] ${i.code}: ${i.field}${i.value ? ` = ${i.value}` : ''}`, `  ${i.message}`);
  }
  if (report.portalErrors.length > 0) {
    out.push(...rule(h.portal(report.portalErrors.length)));
    for (const e of report.portalErrors) {
      out.push(
        `* portal-error ${e.code} [${w.severity[e.severity]}]`,
        `  ${h.portalShown}: “${e.shown}”`,
        `  ${h.means}: ${e.means}`,
        `  ${h.todo}: ${e.todo}`,
      );
      out.push(`  ${h.step}: ${e.step.title}${e.step.link ? ` (${e.step.link})` : ''}`);
    }
  }
  out.push(...rule(h.progress), h.doneOf(report.progress.done, report.progress.total));
  if (report.progress.next) out.push(`${h.next}: ${report.progress.next.title}`);
  for (const s of report.progress.steps) out.push(`  ${s.n}. ${s.title}: ${w.status[s.status]}`);
  out.push(...rule(h.por));
  for (const c of report.por) out.push(`* ${w.readiness[c.state]}: ${c.name}. ${c.why}`);
  out.push(...rule(h.env));
  for (const [k, v] of Object.entries(report.environment)) out.push(`${h.envRows[k] ?? k}: ${String(v)}`);
  out.push(...rule(h.hidden));
  if (report.hidden.length === 0) out.push(h.nothingHidden);
  for (const c of CATEGORIES) if (report.hidden.includes(c)) out.push(`* ${HIDDEN_WORDS[report.language][c]}`);
  out.push('', h.footer, '');
  return out.join('\n');
}
