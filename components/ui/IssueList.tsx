import { CHECKS } from '../../rules/checks';
import { renderMessage } from '../../rules/run-checks';
import type { Locale } from '../../rules/types';
import { strings } from './strings';
import type { TabIssue } from '../contract/page';

export function IssueCount({ count, locale }: { count: number; locale: Locale }) {
  return (
    <p class="count" data-testid="issue-count" data-count={count}>
      {strings(locale).issuesOnTab(count)}
    </p>
  );
}

export function IssueList({ issues, locale }: { issues: TabIssue[]; locale: Locale }) {
  const t = strings(locale);
  if (issues.length === 0) return <p class="empty">{t.noIssues}</p>;
  return (
    <ul class="issues" data-testid="issue-list">
      {issues.map((issue) => (
        <li
          key={`${issue.fieldId}|${issue.code}`}
          class={`issue ${issue.severity}${issue.ignored ? ' ignored' : ''}`}
          data-issue-code={issue.code}
          data-severity={issue.severity}
          data-ignored={issue.ignored ? 'true' : undefined}
        >
          <span class="sev">
            {t.severity[issue.severity]}
            {issue.ignored ? ` · ${t.ignoredIssue}` : ''}
          </span>
          {issue.fieldLabel ? <span class="field">{issue.fieldLabel}</span> : null}
          <span class="msg">{renderMessage(CHECKS, issue, locale)}</span>
          <span class="code">{t.details(issue.code)}</span>
        </li>
      ))}
    </ul>
  );
}
