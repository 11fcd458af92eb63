import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { CoverValues, FactsChanged, FocusField, Ping, ReportSnapshotRequest, TabIssue } from '../components/contract/page';
import { timed } from '../components/page/bench';
import { Lifetime } from '../components/page/lifetime';
import { clipPage, Pipeline } from '../components/page/pipeline';
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
  // WXT's start-up broadcast by window.postMessage tells the page the event name that invalidates us.
  noScriptStartedPostMessage: true,
  main(ctx) {
    // Our own lifetime: it ends when the extension is gone, never because the page says a newer
    // instance started (WXT's context believes any such event; see components/page/lifetime.ts).
    const life = new Lifetime(() => browser.runtime?.id != null);
    ctx.onInvalidated(() => void life.onClaimedInvalid(() => send({ type: 'get-facts' }).then(() => true)));
    const report = (issues: TabIssue[], omitted: number) =>
      send({ type: 'report-issues', ...clipPage(location.href, document.title), issues, ...(omitted ? { omitted } : {}) }).catch(() => {});
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale: localeFrom(document.documentElement.lang || navigator.language),
      lookupDomains: async (hosts) => (await send({ type: 'lookup-domains', hosts })).domains,
      recognisePortalErrors: async (texts) => (await send({ type: 'recognise-portal-errors', texts })).codes,
      report: (issues, omitted) => {
        if (life.isValid) void report(issues, omitted);
      },
      learn: (learned) => {
        if (life.isValid)
          void send({ type: 'learn', learned }).catch((e: unknown) => console.warn('[CSP Reseller Assistant] learn failed', e));
      },
      parseAddressLines,
      record: (evidence) => {
        if (life.isValid) void send({ type: 'record-evidence', evidence }).catch(() => {});
      },
      onCheckError: (code, error) => console.warn(`[CSP Reseller Assistant] check ${code} failed`, error),
      // DOM changes are batched into one scan when the page is idle (at most 150 ms later, even while
      // the page stays busy), so a mutation storm costs a few scans, never one per mutation.
      schedule: (fn) => {
        let done = false;
        const run = () => {
          if (done || !life.isValid) return;
          done = true;
          fn();
        };
        if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(timed(run), { timeout: 150 });
        life.setTimeout(run, 300);
      },
    });
    pipeline.start();
    void send({ type: 'get-facts' })
      .then(({ facts }) => pipeline.setProfileFacts(facts))
      .catch(() => {});
    const onMessage = timed((message: unknown) => {
      if (!life.isValid) return undefined;
      const m = message as FactsChanged | FocusField | Ping | ReportSnapshotRequest | CoverValues | null;
      if (m?.type === 'facts-changed') pipeline.setProfileFacts(m.facts);
      // The popup asks the frame that owns the field (by frame id): focus it.
      if (m?.type === 'focus-field' && typeof m.fieldId === 'string') pipeline.focusField(m.fieldId);
      // The background asks whether this page is still here (popup state, injection after an update).
      if (m?.type === 'csp-ping' && window === window.top) return Promise.resolve({ href: location.href });
      // The report page (the extension's own page: only it can message a tab) asks what the page shows.
      if (m?.type === 'report-snapshot') return Promise.resolve(pipeline.snapshot());
      if (m?.type === 'cover-values') return Promise.resolve(pipeline.cover(m.on));
      return undefined;
    });
    browser.runtime.onMessage.addListener(onMessage);
    life.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    wirePage(life, pipeline, window, { onFrameGone: () => void report([], 0) });
  },
});
