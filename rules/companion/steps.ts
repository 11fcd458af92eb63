import type { Locale } from '../types';
import { PLACES, placeOfPage, type Place } from './places';

export { portalLocale, portalPath } from './places';

/**
 * The enrollment of a CSP indirect reseller, step by step, as data (`../shared/reference/partner-center.md`,
 * steps 0–16). Each step says where it happens in the portal (its pages, for "which step is this tab on"),
 * what to do, and which evidence read from the portal completes it. Changing a step is a data change here,
 * with a unit test.
 */

export type Phase = 'before' | 'enroll' | 'verification' | 'agreement' | 'distributor' | 'stay';
export const PHASES: readonly Phase[] = ['before', 'enroll', 'verification', 'agreement', 'distributor', 'stay'];

export type StepStatus = 'todo' | 'in-progress' | 'done' | 'blocked' | 'skipped';

/**
 * What the portal (or the profile) can show. Values are normalized words: a program status (`active`,
 * `authorized`, `pending`, `qualified`, `rejected`, `declined`), an agreement's (`accepted`, `pending`), or
 * `seen` for evidence that only exists or not.
 */
export type EvidenceKind =
  | 'pla-known'
  | 'pla-associated'
  | 'welcome-seen'
  | 'enrollment-form-seen'
  | 'account-seen'
  | 'legal-profile-submitted'
  | 'address-verified'
  | 'email-verification'
  | 'csp-status'
  | 'mpa'
  | 'admin-agent'
  | 'distributor-set'
  | 'distributor-listed'
  | 'distributor-authorized';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'pla-known',
  'pla-associated',
  'welcome-seen',
  'enrollment-form-seen',
  'account-seen',
  'legal-profile-submitted',
  'address-verified',
  'email-verification',
  'csp-status',
  'mpa',
  'admin-agent',
  'distributor-set',
  'distributor-listed',
  'distributor-authorized',
];

/** Evidence of one kind completes, advances or blocks a step, depending on its value (`*`: any value). */
export interface EvidenceRule {
  kind: EvidenceKind;
  status: Partial<Record<string, Exclude<StepStatus, 'todo' | 'skipped'>>>;
}

export interface Step {
  /** Stable id: progress is stored under it. Never renamed. */
  id: string;
  /** Its number in Microsoft's flow (0–16). */
  n: number;
  phase: Phase;
  title: Record<Locale, string>;
  /** What to do, in a line or two, in our own words. */
  todo: Record<Locale, string>;
  /** Where to do it: a portal path (the locale prefix is added per tab) or an outside address. */
  link?: { path: string } | { url: string };
  /** Portal paths (after the locale prefix; `*` matches the rest) that belong to this step. */
  pages: readonly string[];
  /** Page headings (h1/h2) that say a portal page belongs to this step when its path does not. */
  headings?: Place['headings'];
  /** Evidence that completes it. Empty: only the user can say it is done. */
  evidence: readonly EvidenceRule[];
}

const ANY = '*';
const STATUS_DONE = { active: 'done', authorized: 'done' } as const;

export const STEPS: readonly Step[] = [
  {
    id: 'partner-program-membership',
    n: 0,
    phase: 'before',
    title: { en: 'Partner program membership with a PLA', ja: 'パートナー プログラムへの参加と PLA' },
    todo: {
      en: 'Join the Microsoft AI Cloud Partner Program and have a location (PLA) in the country of your business address.',
      ja: 'Microsoft AI Cloud パートナー プログラムに参加し、事業所の住所がある国の拠点 (PLA) を用意します。',
    },
    link: { path: '/dashboard/account/v3/enrollment/introduction/partnership' },
    ...PLACES['partner-program-membership'],
    evidence: [{ kind: 'pla-known', status: { [ANY]: 'done' } }],
  },
  {
    id: 'open-welcome',
    n: 1,
    phase: 'enroll',
    title: { en: 'Open the indirect reseller welcome page', ja: '間接リセラーのようこそページを開く' },
    todo: { en: 'Start the indirect reseller enrollment from its welcome page.', ja: '間接リセラーの登録をようこそページから始めます。' },
    link: { url: 'https://aka.ms/accounts/varEnrollment' },
    ...PLACES['open-welcome'],
    evidence: [{ kind: 'welcome-seen', status: { [ANY]: 'done' } }],
  },
  {
    id: 'review-welcome',
    n: 2,
    phase: 'enroll',
    title: { en: 'Review the welcome page and continue', ja: 'ようこそページを確認して次へ進む' },
    todo: { en: 'Read what the enrollment needs, then select Next.', ja: '登録に必要なものを確認し、[次へ] を選択します。' },
    link: { url: 'https://aka.ms/accounts/varEnrollment' },
    ...PLACES['review-welcome'],
    evidence: [{ kind: 'enrollment-form-seen', status: { [ANY]: 'done' } }],
  },
  {
    id: 'sign-in-global-admin',
    n: 3,
    phase: 'enroll',
    title: { en: 'Sign in as the global admin', ja: 'グローバル管理者でサインインする' },
    todo: {
      en: "Sign in with your company's global admin work account (not a personal Microsoft account).",
      ja: '会社のグローバル管理者の職場アカウントでサインインします (個人の Microsoft アカウントは使えません)。',
    },
    ...PLACES['sign-in-global-admin'],
    evidence: [{ kind: 'account-seen', status: { [ANY]: 'done' } }],
  },
  {
    id: 'associate-pla',
    n: 4,
    phase: 'enroll',
    title: { en: 'Associate your PLA ID', ja: 'PLA ID を関連付ける' },
    todo: {
      en: 'On Identifiers, associate the PartnerID of type Location (PLA) in the same country as the CSP account, never the global (PGA) one.',
      ja: '識別子ページで、CSP アカウントと同じ国の種類「ロケーション」(PLA) の PartnerID を関連付けます。グローバル (PGA) の ID は使えません。',
    },
    link: { path: '/dashboard/account/v3/organization/identity' },
    ...PLACES['associate-pla'],
    evidence: [
      { kind: 'pla-associated', status: { [ANY]: 'done' } },
      { kind: 'pla-known', status: { [ANY]: 'in-progress' } },
    ],
  },
  {
    id: 'legal-business-profile',
    n: 5,
    phase: 'enroll',
    title: { en: 'Legal business profile and verified address', ja: '法的ビジネス プロファイルと確認済みの住所' },
    todo: {
      en: 'Enter the legal name and address exactly as registered; when the portal suggests a standardized address, use it.',
      ja: '登記どおりの法人名と住所を入力します。ポータルが標準化した住所を提案したら、それを使用します。',
    },
    link: { path: '/dashboard/account/v3/enrollment/legal-business-profile' },
    ...PLACES['legal-business-profile'],
    evidence: [
      { kind: 'address-verified', status: { [ANY]: 'done' } },
      { kind: 'legal-profile-submitted', status: { [ANY]: 'in-progress' } },
    ],
  },
  {
    id: 'primary-contact',
    n: 6,
    phase: 'enroll',
    title: { en: 'Primary contact and support details, then Enroll', ja: '主要連絡先とサポート情報を入力して登録する' },
    todo: {
      en: "Give one person's work email on your company's domain (no web-mail, no shared mailbox), then select Enroll.",
      ja: '自社ドメインの個人の業務用メール (フリーメールや共有メールボックスは不可) を入力し、[登録] を選択します。',
    },
    link: { path: '/dashboard/account/v3/enrollment/primary-contact' },
    ...PLACES['primary-contact'],
    evidence: [
      { kind: 'email-verification', status: { [ANY]: 'done' } },
      { kind: 'csp-status', status: { [ANY]: 'done' } },
    ],
  },
  {
    id: 'verify-email',
    n: 7,
    phase: 'verification',
    title: { en: 'Primary contact verifies the email', ja: '主要連絡先がメールを確認する' },
    todo: {
      en: 'The primary contact opens the verification email and selects its link. If it never arrived, resend it from Legal info.',
      ja: '主要連絡先が確認メールを開いてリンクを選択します。届かない場合は法的情報ページから再送信します。',
    },
    link: { path: '/dashboard/v2/account-settings/organization/required-verification' },
    ...PLACES['verify-email'],
    evidence: [
      { kind: 'email-verification', status: { pending: 'in-progress', verified: 'done' } },
      { kind: 'csp-status', status: { active: 'done', authorized: 'done', qualified: 'done' } },
    ],
  },
  {
    id: 'business-verification',
    n: 8,
    phase: 'verification',
    title: { en: 'Business and employment verification', ja: '企業と在籍の確認' },
    todo: {
      en: 'Microsoft checks the company and the contact (3–5 business days). Upload documents if Legal info asks for them ("Fix now").',
      ja: 'Microsoft が会社と担当者を確認します (3～5 営業日)。法的情報ページで書類を求められたらアップロードします ([今すぐ修正])。',
    },
    link: { path: '/dashboard/v2/account-settings/organization/legalinfo#csp' },
    ...PLACES['business-verification'],
    evidence: [
      {
        kind: 'csp-status',
        status: { active: 'done', authorized: 'done', qualified: 'done', pending: 'in-progress', rejected: 'blocked', declined: 'blocked' },
      },
    ],
  },
  {
    id: 'accept-mpa',
    n: 9,
    phase: 'agreement',
    title: { en: 'Accept the Microsoft Partner Agreement (MPA)', ja: 'マイクロソフト パートナー契約 (MPA) に同意する' },
    todo: {
      en: 'As global admin, accept the MPA under Account settings → Agreements (it is per CSP region).',
      ja: 'グローバル管理者として、アカウント設定 → 契約で MPA に同意します (CSP リージョンごと)。',
    },
    link: { path: '/dashboard/account/v3/settings/agreements' },
    ...PLACES['accept-mpa'],
    evidence: [
      { kind: 'mpa', status: { accepted: 'done', pending: 'in-progress' } },
      { kind: 'csp-status', status: { active: 'done', authorized: 'done', qualified: 'in-progress' } },
    ],
  },
  {
    id: 'status-active',
    n: 10,
    phase: 'agreement',
    title: { en: 'Indirect reseller status is Active', ja: '間接リセラーの状態が「アクティブ」' },
    todo: {
      en: 'On Legal info → Program information, the indirect reseller program must show Active (or Authorized).',
      ja: '法的情報 → プログラム情報で、間接リセラー プログラムが「アクティブ」(または「承認済み」) になっていることを確認します。',
    },
    link: { path: '/dashboard/v2/account-settings/organization/legalinfo#csp' },
    ...PLACES['status-active'],
    evidence: [
      {
        kind: 'csp-status',
        status: { ...STATUS_DONE, pending: 'in-progress', qualified: 'in-progress', rejected: 'blocked', declined: 'blocked' },
      },
    ],
  },
  {
    id: 'admin-agent-role',
    n: 11,
    phase: 'agreement',
    title: { en: 'You have the Admin agent role', ja: '自分に管理エージェントの役割がある' },
    todo: {
      en: 'In User management, open your name and give yourself the Admin agent role: it is needed to accept the distributor.',
      ja: 'ユーザー管理で自分の名前を開き、管理エージェントの役割を付与します。ディストリビューターの承認に必要です。',
    },
    link: { path: '/dashboard/account/v3/usermanagement#users' },
    ...PLACES['admin-agent-role'],
    evidence: [{ kind: 'admin-agent', status: { [ANY]: 'done' } }],
  },
  {
    id: 'choose-distributor',
    n: 12,
    phase: 'distributor',
    title: { en: 'Choose a distributor in your CSP region', ja: '同じ CSP リージョンのディストリビューターを選ぶ' },
    todo: {
      en: "Agree terms with a distributor of your CSP region, and set its name and region in this extension's settings.",
      ja: '同じ CSP リージョンのディストリビューターと契約し、その名前とリージョンをこの拡張機能の設定に入力します。',
    },
    link: { url: 'https://partner.microsoft.com/membership/cloud-solution-provider/find-a-provider' },
    ...PLACES['choose-distributor'],
    evidence: [{ kind: 'distributor-set', status: { [ANY]: 'done' } }],
  },
  {
    id: 'authorize-distributor',
    n: 13,
    phase: 'distributor',
    title: { en: "Accept the distributor's invitation", ja: 'ディストリビューターの招待を承認する' },
    todo: {
      en: 'Open the invitation link, tick the distributor and select Authorize indirect provider.',
      ja: '招待のリンクを開き、ディストリビューターを選択して [間接プロバイダーを承認する] を選択します。',
    },
    ...PLACES['authorize-distributor'],
    evidence: [
      { kind: 'distributor-authorized', status: { [ANY]: 'done' } },
      { kind: 'distributor-listed', status: { active: 'done', authorized: 'done', pending: 'in-progress' } },
    ],
  },
  {
    id: 'distributor-listed',
    n: 14,
    phase: 'distributor',
    title: { en: 'The distributor is listed under Indirect providers', ja: '間接プロバイダーにディストリビューターが表示される' },
    todo: {
      en: 'Customers → Indirect providers lists your distributor; invite customers with a request that includes it.',
      ja: '顧客 → 間接プロバイダーにディストリビューターが表示されます。顧客にはそのディストリビューターを含む招待を送ります。',
    },
    link: { path: '/dashboard/v2/customers/indirectproviders' },
    ...PLACES['distributor-listed'],
    evidence: [{ kind: 'distributor-listed', status: { active: 'done', authorized: 'done', pending: 'in-progress' } }],
  },
  {
    id: 'share-associated-partner-id',
    n: 15,
    phase: 'distributor',
    title: { en: 'Give the distributor your Associated PartnerID', ja: 'ディストリビューターに関連付けた PartnerID を伝える' },
    todo: {
      en: 'Send the distributor the PLA ID shown as Associated PartnerID in the CSP section of Identifiers: it is used for partner of record.',
      ja: '識別子ページの CSP セクションにある関連付け済み PartnerID (PLA ID) をディストリビューターに伝えます。パートナー オブ レコードに使われます。',
    },
    link: { path: '/dashboard/account/v3/organization/identity' },
    ...PLACES['share-associated-partner-id'],
    evidence: [],
  },
  {
    id: 'stay-authorized',
    n: 16,
    phase: 'stay',
    title: { en: 'Stay authorized every year', ja: '毎年の認定を維持する' },
    todo: {
      en: 'Each year: at least USD 1,000 of CSP revenue over 12 months, MFA for every admin user, and a security contact.',
      ja: '毎年、過去 12 か月の CSP 売上 1,000 米ドル以上、全管理者ユーザーの MFA、セキュリティ連絡先が必要です。',
    },
    ...PLACES['stay-authorized'],
    evidence: [],
  },
];

/** The step's link for a portal page in `locale` (`en-us`, `ja-jp` or '' for none). */
export function deepLink(step: Step, locale: string): string | undefined {
  if (!step.link) return undefined;
  if ('url' in step.link) return step.link.url;
  return `https://partner.microsoft.com${locale ? `/${locale}` : ''}${step.link.path}`;
}

/** The step a portal page belongs to (by path, else by heading); null for other pages. */
export function stepOfPage(url: string, headings: readonly string[] = []): Step | null {
  const id = placeOfPage(url, headings);
  return id ? (STEPS.find((step) => step.id === id) ?? null) : null;
}
