import type { Locale } from '../../rules/types';
import { issueTotal } from '../contract/extension';
import { strings } from './strings';
import { IssueCount, IssueList } from './IssueList';
import type { ExtensionResponses } from '../contract/extension';

/** The issues of the current tab (as `useTabState` keeps them): the count always, the list when `full`. */
export function TabSummary({
  locale,
  full,
  response,
}: {
  locale: Locale;
  full: boolean;
  response: ExtensionResponses['get-tab-state'] | null;
}) {
  const t = strings(locale);
  if (response === null) return <p class="loading">…</p>;
  const { state, fromOtherTab } = response;
  if (!state) {
    return (
      <>
        <IssueCount count={0} locale={locale} />
        <p class="hint">{t.noPortalTab}</p>
      </>
    );
  }
  return (
    <>
      {fromOtherTab ? (
        <p class="hint" data-testid="other-tab">
          {t.fromOtherTab(state.title || state.url)}
        </p>
      ) : null}
      <IssueCount count={issueTotal(state)} locale={locale} />
      {full ? <IssueList issues={state.issues} locale={locale} /> : null}
      {full && issueTotal(state) > state.issues.length ? (
        <p class="hint" data-testid="more">
          {t.andMore(issueTotal(state) - state.issues.length)}
        </p>
      ) : null}
    </>
  );
}
