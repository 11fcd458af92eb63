import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Pipeline } from '../components/page/pipeline';
import type { FactsChanged } from '../components/contract/page';
import { sendFromPage as send } from '../components/send';
import { parseAddressLines } from '../rules/address/compare';
import { CHECKS } from '../rules/checks';
import { isSubmitText } from '../rules/learn/terms';
import { localeFrom } from '../rules/locale';

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  // Forms the portal shows in frames of its own are read too; each frame reports its own issues.
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale: localeFrom(document.documentElement.lang || navigator.language),
      lookupDomains: async (hosts) => (await send({ type: 'lookup-domains', hosts })).domains,
      report: (issues) => {
        if (ctx.isValid) void send({ type: 'report-issues', url: location.href, title: document.title, issues }).catch(() => {});
      },
      learn: (learned) => {
        if (ctx.isValid) void send({ type: 'learn', learned }).catch((e: unknown) => console.warn('[CSP Reseller Assistant] learn failed', e));
      },
      parseAddressLines,
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
      if ((message as FactsChanged | null)?.type === 'facts-changed') pipeline.setProfileFacts((message as FactsChanged).facts);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Submitting (or pressing a Save / Next button) is when a legal business profile is taken as given.
    ctx.addEventListener(document, 'submit', () => pipeline.onSubmitIntent(), { capture: true });
    ctx.addEventListener(document, 'click', (e) => {
      // (A node-type test, not `instanceof`: page nodes seen from a Firefox content script may fail it.)
      const target = e.composedPath()[0] as Node | undefined;
      const button = target?.nodeType === Node.ELEMENT_NODE ? (target as Element).closest('button, [role="button"], input[type="submit"]') : null;
      const text = button ? (button as HTMLInputElement).value || button.textContent || '' : '';
      if (button && isSubmitText(text)) pipeline.onSubmitIntent();
    }, { capture: true });

    // A user edit re-checks at once; the idle-batched scan handles DOM changes.
    const onEdit = () => pipeline.onUserEdit();
    for (const type of ['input', 'change', 'focusout'] as const) ctx.addEventListener(document, type, onEdit, { capture: true });

    let repositionQueued = false;
    const reposition = () => {
      if (repositionQueued) return;
      repositionQueued = true;
      ctx.requestAnimationFrame(() => {
        repositionQueued = false;
        pipeline.marks.reposition();
      });
    };
    ctx.addEventListener(window, 'scroll', reposition, { capture: true, passive: true });
    ctx.addEventListener(window, 'resize', reposition, { passive: true });
    // Values set by the page's own script fire no event, and layout can move without a mutation: a slow
    // safety net, cheap because nothing is re-described.
    ctx.setInterval(() => {
      pipeline.checkPendingHosts();
      pipeline.onUserEdit();
    }, 1000);
    ctx.addEventListener(window, 'wxt:locationchange', () => pipeline.rescanSoon());
    // A frame that goes away takes its issues with it.
    if (window !== window.top) {
      ctx.addEventListener(window, 'pagehide', () => {
        void send({ type: 'report-issues', url: location.href, title: document.title, issues: [] }).catch(() => {});
      });
    }
    ctx.onInvalidated(() => pipeline.stop());
  },
});
