import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type {
  CoverValues,
  FactsChanged,
  FocusField,
  LearnNotice,
  PrefsChanged,
  Ping,
  ReportSnapshotRequest,
  TabIssue,
} from '../components/contract/page';
import { timed } from '../components/page/bench';
import { pageStrings } from '../components/i18n';
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
    // One instance per frame. The background injects the script into a portal tab that does not answer
    // its ping (install, update); a page still loading then gets the declared script too, in the same
    // world. An instance left by an earlier install of the extension is no longer alive: replaced.
    const world = globalThis as { cspAlive?: () => boolean };
    if (world.cspAlive?.()) return;
    world.cspAlive = () => life.isValid;
    ctx.onInvalidated(() => void life.onClaimedInvalid(() => send({ type: 'get-facts' }).then(() => true)));
    const report = (issues: TabIssue[], omitted: number) =>
      send({ type: 'report-issues', ...clipPage(location.href, document.title), issues, ...(omitted ? { omitted } : {}) }).catch(() => {});
    // Every surface speaks the browser's UI language (or the one chosen in options), whatever the page's.
    const browserLocale = localeFrom(browser.i18n.getUILanguage());
    let locale = browserLocale;
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale,
      lookupDomains: async (hosts) => (await send({ type: 'lookup-domains', hosts })).domains,
      recognisePortalErrors: async (texts) => (await send({ type: 'recognise-portal-errors', texts })).errors,
      report: (issues, omitted) => {
        if (life.isValid) void report(issues, omitted);
      },
      learn: (learned) => {
        if (life.isValid) {
          void send({ type: 'learn', learned })
            .then(({ notice }) => notice && tell(notice))
            .catch((e: unknown) => console.warn('[CSP Reseller Assistant] learn failed', e));
        }
      },
      parseAddressLines,
      pageEvidence: async (page) => (life.isValid ? send({ type: 'page-evidence', page }).catch(() => undefined) : undefined),
      authorizedProvider: (seen) => {
        if (life.isValid) void send({ type: 'authorized-provider', seen }).catch(() => {});
      },
      onCheckError: (code, error) => console.warn(`[CSP Reseller Assistant] check ${code} failed`, error),
      // DOM changes are batched into one scan when the page is idle (at most 150 ms later, even while
      // the page stays busy), so a mutation storm costs a few scans, never one per mutation.
      schedule: (fn) =>
        requestIdleCallback(
          timed(() => life.isValid && fn()),
          { timeout: 150 },
        ),
    });
    const marks = pipeline.marks;
    /** What was learned (with Undo), or a question before a learned fact replaces one the user gave. */
    const tell = (notice: LearnNotice) => {
      if (!life.isValid) return;
      const t = pageStrings(locale);
      const undo = {
        label: t.undo,
        run: () =>
          void send({ type: 'undo-learn', token: notice.token }).then(({ ok }) =>
            marks.notify({ text: ok ? t.undone : t.undoFailed, buttons: [] }),
          ),
      };
      if (notice.kind === 'ask-verified-address' || notice.kind === 'ask-company-address') {
        marks.notify({
          text: (notice.kind === 'ask-verified-address' ? t.askAddress : t.askCompanyAddress)(notice.address),
          buttons: [
            {
              label: t.useIt,
              run: () => void send({ type: 'accept-learned', token: notice.token }).then((r) => r.notice && tell(r.notice)),
            },
            { label: t.keepMine, run: () => {} },
          ],
        });
        return;
      }
      const text =
        notice.kind === 'identifiers'
          ? t.learnedIds(notice.count)
          : notice.kind === 'verified-address'
            ? t.learnedAddress
            : notice.kind === 'company-domain'
              ? t.learnedDomain(notice.domain)
              : t.learnedProfile;
      marks.notify({ text, buttons: [undo] });
    };
    marks.actions = {
      ignore: ({ code, label }) => void send({ type: 'ignore-issue', code, label, path: location.pathname }).catch(() => {}),
      openStep: (step) => void send({ type: 'open-step', step }).catch(() => {}),
      openOptions: () => void send({ type: 'open-options' }).catch(() => {}),
    };
    const applyPrefs = (prefs: PrefsChanged['prefs']) => {
      locale = prefs.language ?? browserLocale;
      marks.setLanguage(locale);
      marks.setIgnored(prefs.ignored);
    };
    pipeline.start();
    void send({ type: 'get-facts' })
      .then(({ facts, prefs }) => {
        marks.setVerified(facts.verifiedAddress);
        applyPrefs(prefs);
        pipeline.setProfileFacts(facts);
      })
      .catch(() => {});
    const onMessage = timed((message: unknown) => {
      if (!life.isValid) return undefined;
      const m = message as FactsChanged | FocusField | Ping | PrefsChanged | ReportSnapshotRequest | CoverValues | null;
      if (m?.type === 'facts-changed') {
        marks.setVerified(m.facts.verifiedAddress);
        pipeline.setProfileFacts(m.facts);
      }
      if (m?.type === 'prefs-changed') applyPrefs(m.prefs);
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
