import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Pipeline } from '../components/page/pipeline';
import type { Request, Responses } from '../components/protocol';
import { CHECKS } from '../rules/checks';
import { localeFrom } from '../rules/locale';

function send<T extends Request['type']>(message: Extract<Request, { type: T }>): Promise<Responses[T]> {
  return browser.runtime.sendMessage(message) as Promise<Responses[T]>;
}

export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale: localeFrom(document.documentElement.lang || navigator.language),
      lookupDomains: async (hosts) => (await send({ type: 'lookup-domains', hosts })).domains,
      report: (issues) => {
        if (ctx.isValid) void send({ type: 'report-issues', url: location.href, title: document.title, issues }).catch(() => {});
      },
      onCheckError: (code, error) => console.warn(`[CSP Reseller Assistant] check ${code} failed`, error),
      // Next frame, or soon if the tab is hidden and frames are paused.
      schedule: (fn) => {
        let done = false;
        const run = () => {
          if (done || !ctx.isValid) return;
          done = true;
          fn();
        };
        ctx.requestAnimationFrame(run);
        ctx.setTimeout(run, 250);
      },
    });
    pipeline.start();

    // A user edit re-checks at once; the frame-batched scan handles DOM changes.
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
    ctx.setInterval(() => pipeline.onUserEdit(), 1000);
    ctx.addEventListener(window, 'wxt:locationchange', () => pipeline.rescanSoon());
    ctx.onInvalidated(() => pipeline.stop());
  },
});
