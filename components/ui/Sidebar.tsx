import { strings } from './strings';
import { uiLocale } from './locale';
import { TabSummary } from './TabSummary';

export function Sidebar() {
  const locale = uiLocale();
  const t = strings(locale);
  return (
    <main class="sidebar" lang={locale}>
      <h1>{t.sidebarTitle}</h1>
      <section aria-labelledby="live-issues">
        <h2 id="live-issues">{t.liveIssues}</h2>
        <TabSummary locale={locale} full />
      </section>
      <p class="privacy">{t.privacy}</p>
    </main>
  );
}
