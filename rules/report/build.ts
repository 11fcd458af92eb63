import { doneCount, nextStep, POR_CONDITION_NAMES, porReadiness, stepViews, type Progress, type Readiness } from '../companion/progress';
import { deepLink, portalLocale, STEPS, type StepStatus } from '../companion/steps';
import { CHECKS } from '../checks';
import { renderMessage } from '../run-checks';
import type { Locale, PartnerIdFact, Severity } from '../types';
import { explainPortalError } from './portal';
import { CATEGORIES, Redactor, type Category, type Shown } from './redact';
import { collectSensitive, type FieldSeen, type ProfileValues } from './sensitive';

/**
 * The issue report for one portal tab, built from what the extension knows (text in, text out): the
 * tab's issues, the portal's errors, the enrollment progress and POR readiness, the environment, every
 * value redacted per category unless shown. `toMarkdown` / `toPlainText` write it; its JSON form is
 * validated by `components/contract/report.ts` (versioned).
 */

export const REPORT_FORMAT = 'csp-reseller-assistant/issue-report';
export const REPORT_VERSION = 1;

export interface ReportIssueInput {
  code: string;
  severity: Severity;
  fieldId: string;
  message: string;
  params?: unknown;
  fieldLabel: string;
}

export interface Environment {
  extensionVersion: string;
  browser: string;
  os: string;
  uiLanguage: string;
  /** `<html lang>` of the portal page, when it said. */
  pageLanguage: string;
  timeUtc: string;
  timeLocal: string;
}

export interface ReportInput {
  locale: Locale;
  shown: Shown;
  url: string;
  title: string;
  issues: readonly ReportIssueInput[];
  fields: readonly FieldSeen[];
  portalErrors: readonly { code: string; text: string }[];
  progress: Progress;
  facts: { partnerIds?: PartnerIdFact[]; associatedPartnerId?: string; companyCountry?: string; distributorRegion?: string };
  profile?: ProfileValues;
  environment: Environment;
}

export interface Report {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  language: Locale;
  /** The categories hidden in this report. */
  hidden: Category[];
  title: string;
  summary: string;
  issues: { code: string; severity: Severity; field: string; value: string; message: string }[];
  portalErrors: {
    code: string;
    severity: Severity;
    means: string;
    todo: string;
    step: { id: string; title: string; link?: string };
    shown: string;
  }[];
  progress: {
    done: number;
    total: number;
    next?: { id: string; title: string };
    steps: { id: string; n: number; title: string; status: StepStatus }[];
  };
  por: { id: string; name: string; state: Readiness; why: string }[];
  environment: Environment & { page: string; portalLocale: string };
}

const W = {
  en: {
    severity: { error: 'error', warning: 'warning', info: 'note' } as Record<Severity, string>,
    count: (n: number, s: Severity) => `${n} ${W.en.severity[s]}${n === 1 ? '' : 's'}`,
    status: { todo: 'to do', 'in-progress': 'in progress', done: 'done', blocked: 'blocked', skipped: 'skipped' } as Record<
      StepStatus,
      string
    >,
    readiness: { met: 'met', 'not-met': 'not met', unknown: 'unknown' } as Record<Readiness, string>,
    por: POR_CONDITION_NAMES.en,
    none: 'The assistant found no issue on this page.',
    summary: (page: string, counts: string) => `On the Partner Center page ${page}, the assistant found ${counts}.`,
    blocking: (list: string) => ` Most serious first: ${list}.`,
    portal: (codes: string) => ` The portal itself shows ${codes}.`,
    progress: (done: number, total: number, next?: string) =>
      ` Enrollment: ${done} of ${total} steps done${next ? `; next: ${next}` : ''}.`,
    porLine: (met: number, all: number, missing: string) =>
      ` Partner-of-record readiness: ${met} of ${all} conditions met${missing ? ` (not met: ${missing})` : ''}.`,
    on: (code: string, field: string) => `${code} on “${field}”`,
    noField: '(page)',
    and: ', ',
  },
  ja: {
    severity: { error: 'エラー', warning: '警告', info: '情報' } as Record<Severity, string>,
    count: (n: number, s: Severity) => `${W.ja.severity[s]} ${n} 件`,
    status: { todo: '未着手', 'in-progress': '進行中', done: '完了', blocked: 'ブロック', skipped: 'スキップ' } as Record<
      StepStatus,
      string
    >,
    readiness: { met: '満たしている', 'not-met': '満たしていない', unknown: '不明' } as Record<Readiness, string>,
    por: POR_CONDITION_NAMES.ja,
    none: 'このページに問題は見つかりませんでした。',
    summary: (page: string, counts: string) => `パートナー センターのページ ${page} で、${counts}が見つかりました。`,
    blocking: (list: string) => `重大な順に: ${list}。`,
    portal: (codes: string) => `ポータル自体が ${codes} を表示しています。`,
    progress: (done: number, total: number, next?: string) => `登録: ${total} ステップ中 ${done} 完了${next ? `、次は「${next}」` : ''}。`,
    porLine: (met: number, all: number, missing: string) =>
      `パートナー オブ レコードの準備: ${all} 条件中 ${met} 件を満たしています${missing ? ` (未達: ${missing})` : ''}。`,
    on: (code: string, field: string) => `「${field}」の ${code}`,
    noField: '(ページ)',
    and: '、',
  },
};
export const reportWords = (locale: Locale) => W[locale];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The page's address with what could identify anyone replaced, whatever the toggles: GUID and numeric
 * path segments, every query value, a fragment that is not a plain word.
 */
export function redactPath(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return '(unknown page)';
  }
  const path = u.pathname
    .split('/')
    .map((s) => {
      const d = decodeURIComponent(s);
      return GUID.test(d) ? '{guid}' : /\d{4,}/.test(d) ? '{id}' : d.includes('@') ? '{email}' : s;
    })
    .join('/');
  const query = [...u.searchParams.keys()].map((k) => `${encodeURIComponent(k)}=…`).join('&');
  const hash = /^#[a-z][a-z-]{0,30}$/i.test(u.hash) ? u.hash : u.hash ? '#…' : '';
  return `${u.origin}${path}${query ? `?${query}` : ''}${hash}`;
}

/** Builds the report: every string that can hold a value goes through the redactor. */
export function buildReport(input: ReportInput): Report {
  const { locale, shown } = input;
  const w = W[locale];
  const sensitive = collectSensitive(
    input.fields,
    input.profile,
    input.issues.map((i) => i.params),
  );
  const r = new Redactor(sensitive, shown, locale);
  const fields = new Map(input.fields.map((f) => [f.id, f]));

  const issues = [...input.issues]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity])
    .map((i) => {
      const f = fields.get(i.fieldId);
      return {
        code: i.code,
        severity: i.severity,
        field: r.text(i.fieldLabel || f?.label || w.noField),
        value: f ? r.value(f.kind, f.value) : '',
        message: r.text(renderMessage(CHECKS, i, locale)),
      };
    });

  const pageLocale = portalLocale(input.url);
  const portalErrors = input.portalErrors.map((e) => {
    const x = explainPortalError(e.code, locale);
    const step = STEPS.find((s) => s.id === x.step);
    const link = step ? deepLink(step, pageLocale) : undefined;
    return {
      code: e.code,
      severity: x.severity,
      means: x.means,
      todo: x.todo,
      step: { id: x.step, title: step ? `${step.n}. ${step.title[locale]}` : x.step, ...(link ? { link } : {}) },
      shown: r.text(e.text),
    };
  });

  const views = stepViews(input.progress);
  const next = nextStep(views);
  const por = porReadiness(
    {
      evidence: input.progress.evidence,
      partnerIds: input.facts.partnerIds ?? [],
      associatedPartnerId: input.facts.associatedPartnerId,
      companyCountry: input.facts.companyCountry,
      distributorRegion: input.facts.distributorRegion,
    },
    locale,
  ).map((c) => ({ id: c.id, name: w.por[c.id], state: c.state, why: r.text(c.why) }));

  const page = redactPath(input.url);
  const title = r.text(input.title || page);
  const counts = (['error', 'warning', 'info'] as const)
    .map((s) => [s, issues.filter((i) => i.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => w.count(n, s))
    .join(w.and);
  const blocking = issues
    .filter((i) => i.severity !== 'info' && i.code !== 'portal-error')
    .slice(0, 6)
    .map((i) => w.on(i.code, i.field))
    .join(w.and);
  const portalCodes = [...new Set(portalErrors.map((e) => e.code))].join(w.and);
  const missing = por
    .filter((c) => c.state === 'not-met')
    .map((c) => c.name)
    .join(w.and);
  const summary =
    (issues.length ? w.summary(`“${title}”`, counts) : w.none) +
    (blocking ? w.blocking(blocking) : '') +
    (portalCodes ? w.portal(portalCodes) : '') +
    w.progress(doneCount(views), views.length, next ? next.step.title[locale] : undefined) +
    w.porLine(por.filter((c) => c.state === 'met').length, por.length, missing);

  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    language: locale,
    hidden: CATEGORIES.filter((c) => !shown[c]),
    title,
    summary,
    issues,
    portalErrors,
    progress: {
      done: doneCount(views),
      total: views.length,
      ...(next ? { next: { id: next.step.id, title: next.step.title[locale] } } : {}),
      steps: views.map((v) => ({ id: v.step.id, n: v.step.n, title: v.step.title[locale], status: v.status })),
    },
    por,
    environment: { ...input.environment, page, portalLocale: pageLocale || '(none)' },
  };
}
