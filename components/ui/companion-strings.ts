import type { Phase, StepStatus } from '../../rules/companion/steps';
import { POR_CONDITION_NAMES, type Readiness } from '../../rules/companion/progress';
import type { Locale } from '../../rules/types';

/** The companion's words (popup, sidebar), in English and Japanese. */
const STRINGS = {
  en: {
    progressTitle: 'Enrollment progress',
    doneOf: (n: number, m: number) => `${n} of ${m} steps done`,
    next: 'Next step',
    allDone: 'Every step is done or skipped.',
    openStep: 'Open in Partner Center',
    openSettings: 'Settings',
    checklist: 'Enrollment checklist',
    phases: {
      before: 'Before you start',
      enroll: 'Enroll',
      verification: 'Verification',
      agreement: 'Agreement and roles',
      distributor: 'Distributor',
      stay: 'Stay authorized',
    } as Record<Phase, string>,
    status: { todo: 'To do', 'in-progress': 'In progress', done: 'Done', blocked: 'Blocked', skipped: 'Skipped' } as Record<
      StepStatus,
      string
    >,
    markDone: 'Mark done',
    markSkipped: 'Skip',
    resetAuto: 'Reset to automatic',
    setByHand: (status: string) => `Set by hand: ${status}.`,
    evidence: (seen: string, where: string, when: string) => `Seen “${seen}”${where ? ` on ${where}` : ''}, ${when}.`,
    fromProfile: 'your profile',
    noEvidence: 'Nothing seen yet.',
    onlyByHand: 'The portal shows nothing the assistant can read for this step: mark it yourself.',
    thisPage: 'This tab',
    por: 'Partner of record (POR) readiness',
    porHelp: 'What Partner Center checks when an order is placed.',
    readiness: { met: 'Met', 'not-met': 'Not met', unknown: 'Unknown' } as Record<Readiness, string>,
    porConditions: POR_CONDITION_NAMES.en,
    porSummary: (met: number, all: number) => `${met} of ${all} POR conditions met`,
    fix: 'Fix it',
    issuesBySeverity: 'Issues on this tab',
    focusField: (label: string) => `Go to ${label}`,
    noLabel: '(unnamed field)',
  },
  ja: {
    progressTitle: '登録の進み具合',
    doneOf: (n: number, m: number) => `${m} ステップ中 ${n} 完了`,
    next: '次のステップ',
    allDone: 'すべてのステップが完了またはスキップ済みです。',
    openStep: 'Partner Center で開く',
    openSettings: '設定',
    checklist: '登録のチェックリスト',
    phases: {
      before: '開始前',
      enroll: '登録',
      verification: '確認',
      agreement: '契約と役割',
      distributor: 'ディストリビューター',
      stay: '認定の維持',
    } as Record<Phase, string>,
    status: { todo: '未着手', 'in-progress': '進行中', done: '完了', blocked: '要対応', skipped: 'スキップ' } as Record<StepStatus, string>,
    markDone: '完了にする',
    markSkipped: 'スキップ',
    resetAuto: '自動に戻す',
    setByHand: (status: string) => `手動で設定: ${status}。`,
    evidence: (seen: string, where: string, when: string) => `${when}に${where ? `${where}で` : ''}「${seen}」を確認。`,
    fromProfile: 'プロファイル',
    noEvidence: 'まだ何も確認していません。',
    onlyByHand: 'このステップはポータルから読み取れる情報がありません。自分で設定してください。',
    thisPage: 'このタブ',
    por: 'パートナー オブ レコード (POR) の準備状況',
    porHelp: '注文時に Partner Center が確認する条件です。',
    readiness: { met: '満たしている', 'not-met': '満たしていない', unknown: '不明' } as Record<Readiness, string>,
    porConditions: POR_CONDITION_NAMES.ja,
    porSummary: (met: number, all: number) => `POR の条件 ${all} 件中 ${met} 件を満たしています`,
    fix: '対応する',
    issuesBySeverity: 'このタブの問題',
    focusField: (label: string) => `${label} へ移動`,
    noLabel: '(名前のないフィールド)',
  },
} satisfies Record<Locale, unknown>;

export type CompanionStrings = (typeof STRINGS)['en'];
export const companionStrings = (locale: Locale): CompanionStrings => STRINGS[locale];

/** Where a piece of evidence was seen, in words: a known page's name, else its path. */
export function placeName(path: string, locale: Locale): string {
  const names: [RegExp, Record<Locale, string>][] = [
    [/legalinfo/, { en: 'Legal info', ja: '法的情報' }],
    [/agreements/, { en: 'Agreements', ja: '契約' }],
    [/usermanagement/, { en: 'User management', ja: 'ユーザー管理' }],
    [/indirectproviders/, { en: 'Indirect providers', ja: '間接プロバイダー' }],
    [/relationshiprequest/, { en: 'the relationship request', ja: '関係の要求' }],
    [/identity/, { en: 'Identifiers', ja: '識別子' }],
    [/enrollment/, { en: 'the enrollment', ja: '登録' }],
    [/required-verification/, { en: 'Verification', ja: '確認' }],
  ];
  if (path === '') return STRINGS[locale].fromProfile;
  return names.find(([re]) => re.test(path))?.[1][locale] ?? path;
}
