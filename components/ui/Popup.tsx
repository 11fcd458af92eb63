import { browser } from 'wxt/browser';
import { issueTotal } from '../contract/extension';
import { GroupedIssues, NextStep, PorPanel, ProgressBar, useProgress, viewsOf } from './Companion';
import { companionStrings } from './companion-strings';
import { IssueCount } from './IssueList';
import { openReport } from './open-report';
import { uiLocale } from './locale';
import { strings } from './strings';
import { useTabState } from './use-tab-state';

/** Opens the checklist: Chrome's side panel or Firefox's sidebar. Must run inside a click handler. */
async function openSidebar(): Promise<void> {
  const chromeSidePanel = (globalThis as { chrome?: { sidePanel?: { open(o: { windowId: number }): Promise<void> } } }).chrome?.sidePanel;
  if (chromeSidePanel) {
    const win = await browser.windows.getCurrent();
    await chromeSidePanel.open({ windowId: win.id! });
  } else {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  }
  window.close();
}

/** The toolbar popup: where the enrollment stands, the next step, this tab's issues, POR readiness. */
export function Popup() {
  const locale = uiLocale();
  const t = strings(locale);
  const c = companionStrings(locale);
  const tabResponse = useTabState();
  const progress = useProgress();
  const tab = tabResponse?.state ?? null;
  const isCurrent = tab !== null && tabResponse?.fromOtherTab === false;
  const views = progress ? viewsOf(progress) : null;
  return (
    <main class="popup" lang={locale}>
      <h1>{t.sidebarTitle}</h1>
      {views ? (
        <>
          <ProgressBar views={views} locale={locale} />
          <NextStep views={views} locale={locale} tab={tab} isCurrent={isCurrent} />
        </>
      ) : (
        <p class="loading">…</p>
      )}
      <section aria-labelledby="tab-issues">
        <h2 id="tab-issues">{c.issuesBySeverity}</h2>
        {tabResponse === null ? (
          <p class="loading">…</p>
        ) : tab === null ? (
          <>
            <IssueCount count={0} locale={locale} />
            <p class="hint">{t.noPortalTab}</p>
          </>
        ) : (
          <>
            {tabResponse.fromOtherTab ? (
              <p class="hint" data-testid="other-tab">
                {t.fromOtherTab(tab.title || tab.url)}
              </p>
            ) : null}
            <IssueCount count={issueTotal(tab)} locale={locale} />
            <GroupedIssues tab={tab} locale={locale} closeAfter />
            {issueTotal(tab) > tab.issues.length ? (
              <p class="hint" data-testid="more">
                {t.andMore(issueTotal(tab) - tab.issues.length)}
              </p>
            ) : null}
          </>
        )}
      </section>
      {progress ? <PorPanel response={progress} locale={locale} detailed={false} /> : null}
      <div class="buttons">
        <button type="button" id="open-sidebar" onClick={() => void openSidebar()}>
          {t.openSidebar}
        </button>
        <button
          type="button"
          id="open-report"
          class="secondary"
          disabled={tab === null}
          onClick={() => void openReport(tab?.tabId).then(() => window.close())}
        >
          {t.report}
        </button>
        <button
          type="button"
          id="open-settings"
          class="secondary"
          onClick={() => void browser.runtime.openOptionsPage().then(() => window.close())}
        >
          {c.openSettings}
        </button>
      </div>
    </main>
  );
}
