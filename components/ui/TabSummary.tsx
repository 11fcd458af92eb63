import type { Locale } from '../../rules/types';
import { issueTotal } from '../contract/extension';
import { strings } from './strings';
import { IssueCount, IssueList } from './IssueList';
import { useTabState } from './use-tab-state';

/** The issues of the current tab: the count always, the list when `full`. */
export function TabSummary({ locale, full }: { locale: Locale; full: boolean }) {
  const t = strings(locale);
  const response = useTabState();
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
      {fromOtherTab ? <p class="hint" data-testid="other-tab">{t.fromOtherTab(state.title || state.url)}</p> : null}
      <IssueCount count={issueTotal(state)} locale={locale} />
      {full ? <IssueList issues={state.issues} locale={locale} /> : null}
      {full && issueTotal(state) > state.issues.length ? <p class="hint" data-testid="more">{t.andMore(issueTotal(state) - state.issues.length)}</p> : null}
    </>
  );
}
