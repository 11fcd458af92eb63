import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { doneCount, nextStep, porReadiness, stepViews, type PorCondition, type StepView } from '../../rules/companion/progress';
import { deepLink, PHASES, portalLocale, stepOfPage, type StepStatus } from '../../rules/companion/steps';
import { CHECKS } from '../../rules/checks';
import { renderMessage } from '../../rules/run-checks';
import type { Locale, Severity } from '../../rules/types';
import type { ExtensionResponses, TabState } from '../contract/extension';
import type { FocusField, TabIssue } from '../contract/page';
import { sendFromExtension as send } from '../send';
import { companionStrings, placeName } from './companion-strings';
import { strings } from './strings';

type ProgressResponse = ExtensionResponses['get-progress'];

/** The stored progress and the facts POR readiness reads, kept live. */
export function useProgress(): ProgressResponse | null {
  const [state, setState] = useState<ProgressResponse | null>(null);
  useEffect(() => {
    let alive = true;
    const refresh = async () => {
      const response = await send({ type: 'get-progress' });
      if (alive) setState(response);
    };
    const onMessage = (message: unknown) => {
      const type = (message as { type?: string } | null)?.type;
      if (type === 'progress-changed' || type === 'facts-changed') void refresh();
    };
    void refresh();
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);
  return state;
}

export const viewsOf = (response: ProgressResponse) => stepViews(response.progress);

/** The locale prefix for deep links: the portal tab's, else the UI language's. */
export const linkLocale = (tab: TabState | null, locale: Locale) => (tab ? portalLocale(tab.url) : locale === 'ja' ? 'ja-jp' : 'en-us');

/** Opens a portal page: in the current tab when it is a portal tab, else in a new tab. */
export async function openInPortal(url: string, tab: TabState | null, isCurrent: boolean): Promise<void> {
  if (tab && isCurrent) await browser.tabs.update(tab.tabId, { url });
  else await browser.tabs.create({ url });
}

const GLYPH: Record<StepStatus, string> = { done: '✓', 'in-progress': '◐', todo: '○', blocked: '✕', skipped: '⤼' };

/** A step's status by shape and word (never by colour alone). */
export function StatusBadge({ status, locale }: { status: StepStatus; locale: Locale }) {
  return (
    <span class={`status-badge ${status}`} data-status={status}>
      <span aria-hidden="true">{GLYPH[status]}</span> {companionStrings(locale).status[status]}
    </span>
  );
}

export function ProgressBar({ views, locale }: { views: StepView[]; locale: Locale }) {
  const c = companionStrings(locale);
  const done = doneCount(views);
  return (
    <div class="progress" data-testid="progress" data-done={done} data-total={views.length}>
      <div
        class="bar"
        role="progressbar"
        aria-label={c.progressTitle}
        aria-valuemin={0}
        aria-valuemax={views.length}
        aria-valuenow={done}
        aria-valuetext={c.doneOf(done, views.length)}
      >
        <div class="fill" style={{ width: `${(100 * done) / views.length}%` }} />
      </div>
      <p class="done-of">{c.doneOf(done, views.length)}</p>
    </div>
  );
}

export function NextStep({
  views,
  locale,
  tab,
  isCurrent,
}: {
  views: StepView[];
  locale: Locale;
  tab: TabState | null;
  isCurrent: boolean;
}) {
  const c = companionStrings(locale);
  const next = nextStep(views);
  if (!next) return <p class="all-done">{c.allDone}</p>;
  const link = deepLink(next.step, linkLocale(tab, locale));
  return (
    <section class="next-step" data-testid="next-step" data-step={next.step.id} aria-labelledby="next-title">
      <h2 id="next-title">{c.next}</h2>
      <p class="step-title">
        <StatusBadge status={next.status} locale={locale} /> {next.step.title[locale]}
      </p>
      <p class="what-to-do">{next.step.todo[locale]}</p>
      {link ? (
        <button type="button" id="open-next" onClick={() => void openInPortal(link, tab, isCurrent).then(() => window.close())}>
          {c.openStep}
        </button>
      ) : null}
    </section>
  );
}

export function PorPanel({ response, locale, detailed }: { response: ProgressResponse; locale: Locale; detailed: boolean }) {
  const c = companionStrings(locale);
  const conditions: PorCondition[] = porReadiness(
    {
      evidence: response.progress.evidence,
      partnerIds: response.facts.partnerIds ?? [],
      associatedPartnerId: response.facts.associatedPartnerId,
      companyCountry: response.facts.companyCountry,
      distributorRegion: response.facts.distributorRegion,
    },
    locale,
  );
  const met = conditions.filter((x) => x.state === 'met').length;
  return (
    <section class="por" data-testid="por" data-met={met} aria-labelledby="por-title">
      <h2 id="por-title">{c.por}</h2>
      <p class="hint">
        {c.porHelp} {c.porSummary(met, conditions.length)}
      </p>
      <ul class="por-list">
        {conditions.map((x) => (
          <li key={x.id} class={`por-item ${x.state}`} data-condition={x.id} data-state={x.state}>
            <span class="por-state">
              <span aria-hidden="true">{x.state === 'met' ? '✓' : x.state === 'not-met' ? '✕' : '?'}</span> {c.readiness[x.state]}
            </span>{' '}
            <span class="por-name">{c.porConditions[x.id]}</span>
            {detailed ? <span class="por-why">{x.why}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Sends the portal tab's frame that owns a field the request to focus it (`frameId:` prefixed ids). */
function focusField(tabId: number, fieldId: string): void {
  const m = /^(\d+):(.+)$/.exec(fieldId);
  const message: FocusField = { type: 'focus-field', fieldId: m ? m[2]! : fieldId };
  void browser.tabs.sendMessage(tabId, message, { frameId: m ? Number(m[1]) : 0 }).catch(() => {});
}

/** The tab's issues grouped by severity, each naming its field; choosing one focuses the field in the page. */
export function GroupedIssues({
  tab,
  locale,
  closeAfter,
  testId = 'issue-list',
}: {
  tab: TabState;
  locale: Locale;
  closeAfter: boolean;
  testId?: string;
}) {
  const t = strings(locale);
  const c = companionStrings(locale);
  if (tab.issues.length === 0) return <p class="empty">{t.noIssues}</p>;
  return (
    <div class="grouped" data-testid={testId}>
      {SEVERITIES.map((severity) => {
        const issues = tab.issues.filter((i) => i.severity === severity);
        if (issues.length === 0) return null;
        return (
          <section key={severity} class={`group ${severity}`} aria-labelledby={`${testId}-${severity}`}>
            <h3 id={`${testId}-${severity}`}>
              {t.severity[severity]} ({issues.filter((i) => !i.ignored).length})
            </h3>
            <ul class="issues">
              {issues.map((issue: TabIssue) => (
                <li
                  key={`${issue.fieldId}|${issue.code}`}
                  class={`issue ${issue.severity}${issue.ignored ? ' ignored' : ''}`}
                  data-issue-code={issue.code}
                  data-severity={issue.severity}
                  data-ignored={issue.ignored ? 'true' : undefined}
                >
                  <button
                    type="button"
                    class="link focus-field"
                    data-field-id={issue.fieldId}
                    onClick={() => {
                      focusField(tab.tabId, issue.fieldId);
                      if (closeAfter) window.close();
                    }}
                  >
                    {c.focusField(issue.fieldLabel || c.noLabel)}
                  </button>
                  <span class="msg">
                    {issue.ignored ? `${t.ignoredIssue}: ` : ''}
                    {renderMessage(CHECKS, issue, locale)}
                  </span>
                  <span class="code">{t.details(issue.code)}</span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function evidenceLine(view: StepView, locale: Locale): string {
  const c = companionStrings(locale);
  if (view.manual) return c.setByHand(c.status[view.manual.state]);
  const e = view.evidence;
  if (!e) return view.step.evidence.length === 0 ? c.onlyByHand : c.noEvidence;
  const when = e.at ? new Date(e.at).toLocaleDateString(locale === 'ja' ? 'ja-JP' : 'en-GB', { day: 'numeric', month: 'short' }) : '';
  return c.evidence(e.seen, placeName(e.path, locale), when);
}

/**
 * Every step grouped by phase: status by shape and word, guidance, deep link, evidence, hand-set buttons.
 * The step the active tab belongs to is marked and shows the tab's live issues.
 */
export function Checklist({
  views,
  locale,
  tab,
  isCurrent,
  openStep,
}: {
  views: StepView[];
  locale: Locale;
  tab: TabState | null;
  isCurrent: boolean;
  openStep?: string;
}) {
  const c = companionStrings(locale);
  const current = tab && isCurrent ? stepOfPage(tab.url)?.id : undefined;
  const set = (stepId: string, state: StepStatus | 'auto') => void send({ type: 'set-step-state', stepId, state });
  return (
    <section class="checklist" aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">{c.checklist}</h2>
      {PHASES.map((phase) => (
        <section key={phase} class="phase" aria-labelledby={`phase-${phase}`}>
          <h3 id={`phase-${phase}`}>{c.phases[phase]}</h3>
          <ol class="steps">
            {views
              .filter((v) => v.step.phase === phase)
              .map((v) => {
                const link = deepLink(v.step, linkLocale(tab, locale));
                const here = v.step.id === current;
                return (
                  <li
                    key={v.step.id}
                    class={`step ${v.status}${here ? ' current' : ''}`}
                    data-step={v.step.id}
                    data-status={v.status}
                    aria-current={here ? 'step' : undefined}
                  >
                    <details open={here || v.status === 'blocked' || v.step.id === openStep} id={`step-${v.step.id}`}>
                      <summary>
                        <StatusBadge status={v.status} locale={locale} /> <span class="step-title">{v.step.title[locale]}</span>
                        {here ? <span class="here"> · {c.thisPage}</span> : null}
                      </summary>
                      <p class="what-to-do">{v.step.todo[locale]}</p>
                      <p class="evidence" data-testid="evidence">
                        {evidenceLine(v, locale)}
                      </p>
                      <div class="actions">
                        {link ? (
                          <button type="button" class="secondary" onClick={() => void openInPortal(link, tab, isCurrent)}>
                            {c.openStep}
                          </button>
                        ) : null}
                        <button type="button" class="secondary" data-action="done" onClick={() => set(v.step.id, 'done')}>
                          {c.markDone}
                        </button>
                        <button type="button" class="secondary" data-action="skipped" onClick={() => set(v.step.id, 'skipped')}>
                          {c.markSkipped}
                        </button>
                        {v.manual ? (
                          <button type="button" class="secondary" data-action="auto" onClick={() => set(v.step.id, 'auto')}>
                            {c.resetAuto}
                          </button>
                        ) : null}
                      </div>
                      {here && tab ? <GroupedIssues tab={tab} locale={locale} closeAfter={false} testId="step-issues" /> : null}
                    </details>
                  </li>
                );
              })}
          </ol>
        </section>
      ))}
    </section>
  );
}
