import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { CoverValues, FactsChanged, FocusField, ReportSnapshotRequest, TabIssue } from '../components/contract/page';
import { Pipeline } from '../components/page/pipeline';
import { wirePage } from '../components/page/wiring';
import { sendFromPage as send } from '../components/send';
import { parseAddressLines } from '../rules/address/compare';
import { CHECKS } from '../rules/checks';
import { localeFrom } from '../rules/locale';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // Forms the portal shows in frames of its own are read too; each frame reports its own issues.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const report = (issues: TabIssue[]) =>
      send({ type: 'report-issues', url: location.href, title: document.title, issues }).catch(() => {});
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale: localeFrom(document.documentElement.lang || navigator.language),
      lookupDomains: async (hosts) => (await send({ type: 'lookup-domains', hosts })).domains,
      recognisePortalErrors: async (texts) => (await send({ type: 'recognise-portal-errors', texts })).codes,
      report: (issues) => {
        if (ctx.isValid) void report(issues);
      },
      learn: (learned) => {
        if (ctx.isValid) void send({ type: 'learn', learned }).catch((e: unknown) => console.warn('[CSP Reseller Assistant] learn failed', e));
      },
      parseAddressLines,
      record: (evidence) => {
        if (ctx.isValid) void send({ type: 'record-evidence', evidence }).catch(() => {});
      },
      onCheckError: (code, error) => console.warn(`[CSP Reseller Assistant] check ${code} failed`, error),
      // DOM changes are batched into one scan when the page is idle (at most 150 ms later, even while
      // the page stays busy), so a mutation storm costs a few scans, never one per mutation.
      schedule: (fn) => {
        let done = false;
        const run = () => {
          if (done || !ctx.isValid) return;
          done = true;
          fn();
        };
        if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(run, { timeout: 150 });
        ctx.setTimeout(run, 300);
      },
    });
    pipeline.start();
    void send({ type: 'get-facts' }).then(({ facts }) => pipeline.setProfileFacts(facts)).catch(() => {});
    const onMessage = (message: unknown) => {
      const m = message as FactsChanged | FocusField | ReportSnapshotRequest | CoverValues | null;
      if (m?.type === 'facts-changed') pipeline.setProfileFacts(m.facts);
      // The popup asks the frame that owns the field (by frame id): focus it.
      if (m?.type === 'focus-field' && typeof m.fieldId === 'string') pipeline.focusField(m.fieldId);
      // The report page (the extension's own page: only it can message a tab) asks what the page shows.
      if (m?.type === 'report-snapshot') return Promise.resolve(pipeline.snapshot());
      if (m?.type === 'cover-values') return Promise.resolve(pipeline.cover(m.on));
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    wirePage(ctx, pipeline, window, { onFrameGone: () => void report([]) });
  },
});
