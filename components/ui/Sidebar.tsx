import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Checklist, PorPanel, ProgressBar, useProgress, viewsOf } from './Companion';
import { uiLocale } from './locale';
import { openReport } from './open-report';
import { strings } from './strings';
import { TabSummary } from './TabSummary';
import { useTabState } from './use-tab-state';

/** The sidebar: the whole checklist (following the active tab), POR readiness in detail, the tab's issues. */
export function Sidebar() {
  const locale = uiLocale();
  const t = strings(locale);
  const tabResponse = useTabState();
  const progress = useProgress();
  const tab = tabResponse?.state ?? null;
  const isCurrent = tab !== null && tabResponse?.fromOtherTab === false;
  const views = progress ? viewsOf(progress) : null;
  /** The step a mark's card asked for ("open this step"): opened and scrolled to. */
  const [openStep, setOpenStep] = useState<string | undefined>(/^#step-/.test(location.hash) ? location.hash.slice(6) : undefined);
  useEffect(() => {
    const read = () =>
      void browser.storage.session
        .get('openStep')
        .then((r) => {
          if (typeof r.openStep === 'string') setOpenStep(r.openStep);
        })
        .catch(() => {});
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && 'openStep' in changes) read();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  useEffect(() => {
    if (openStep && views) document.getElementById(`step-${openStep}`)?.scrollIntoView({ block: 'start' });
  }, [openStep, views !== null]);
  return (
    <main class="sidebar" lang={locale}>
      <h1>{t.sidebarTitle}</h1>
      {views ? <ProgressBar views={views} locale={locale} /> : null}
      <section aria-labelledby="live-issues">
        <h2 id="live-issues">{t.liveIssues}</h2>
        <TabSummary locale={locale} full response={tabResponse} />
        <div class="buttons">
          <button type="button" id="open-report" class="secondary" disabled={tab === null} onClick={() => void openReport(tab?.tabId)}>
            {t.report}
          </button>
        </div>
      </section>
      {progress && views ? (
        <>
          <PorPanel response={progress} locale={locale} detailed />
          <Checklist views={views} locale={locale} tab={tab} isCurrent={isCurrent} openStep={openStep} />
        </>
      ) : (
        <p class="loading">…</p>
      )}
      <p class="privacy">{t.privacy}</p>
    </main>
  );
}
