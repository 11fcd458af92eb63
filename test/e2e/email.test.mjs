// The personal-email checks, end to end, in real Chromium and real Firefox against the sandbox portal.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, openExtensionPage, ROOT } from './browsers.mjs';
import { expectedKeys, keys, listFromEnv, openPortal, pageResults, readMarks, settle, sleep, waitForMarks } from './helpers.mjs';
import { isAllowedRequest, urlOf } from './portal.mjs';

const expectations = JSON.parse(readFileSync(path.join(ROOT, 'test/sandbox/expectations.json'), 'utf8'));
const BROWSERS = listFromEnv('E2E_BROWSERS', 'chromium,firefox');

for (const kind of BROWSERS) {
  describe(`${kind}`, () => {
    let ext;
    const log = [];
    const results = pageResults('pages', kind);
    before(async () => {
      results.open();
      ext = await launch(kind);
      // Chromium: the service worker's own requests are logged too (CDP on the worker target).
      if (ext.worker) {
        const session = await ext.worker.createCDPSession();
        await session.send('Network.enable');
        session.on('Network.requestWillBeSent', (e) => log.push({ url: e.request.url, navigation: false }));
      }
    });
    after(async () => {
      await ext?.close();
    });

    for (const page of expectations.filter((e) => !e.phases)) {
      it(`${page.file}: ${page.clean ? 'shows no error or warning' : expectedKeys(page.expect).join(', ')}`, async () => {
        const tab = await openPortal(ext, urlOf(page.file), log);
        try {
          if (page.clean) {
            await settle(tab);
            const marks = await readMarks(tab);
            results.record({ file: page.file, expected: [], seen: keys(marks) });
            assert.deepEqual(
              marks.filter((m) => m.severity !== 'info'),
              [],
              'a clean page has no error or warning mark',
            );
          } else {
            const want = expectedKeys(page.expect);
            const marks = await waitForMarks(tab, (m) => keys(m).join() === want.join());
            results.record({ file: page.file, expected: want, seen: keys(marks) });
            assert.deepEqual(keys(marks), want);
            for (const m of marks) {
              // A mark on a message the portal shows (portal-error) sits beside no field: checked below.
              if (m.value !== null) assert.ok(m.distance < 40, `mark ${m.code} sits beside its field (${m.distance}px)`);
              assert.ok(m.label.length > 20, 'the mark carries its message for screen readers');
            }
            for (const e of page.expect.filter((x) => x.value === null)) {
              assert.ok(await besideElement(tab, e), `a ${e.code} mark sits beside ${e.selector}${e.says ? ` and says “${e.says}”` : ''}`);
            }
          }
        } finally {
          await tab.close();
        }
      });
    }

    // Pages that change as they are watched: en/late-render.html (late rendering, an in-app route change),
    // en/live-updates.html (a header that never stops changing, a panel mounted later, a field added to it).
    for (const spa of expectations.filter((e) => e.phases)) {
      // (The first phase, before anything is rendered, is too short to wait out reliably: the later phases'
      // exact lists show that nothing else was flagged.)
      it(`${spa.file}: each later phase shows exactly its marks`, async () => {
        const tab = await openPortal(ext, urlOf(spa.file), log);
        try {
          for (const phase of spa.phases.slice(1)) {
            await tab.waitForSelector(phase.ready, { timeout: 10000 });
            const want = expectedKeys(phase.expect);
            const marks = await waitForMarks(tab, (m) => keys(m).join() === want.join());
            assert.deepEqual(keys(marks), want, `after ${phase.atMs} ms`);
          }
          if (spa.finalUrl) assert.equal(tab.url(), spa.finalUrl);
        } finally {
          await tab.close();
        }
      });
    }

    it('the mark disappears once the email is corrected, and comes back when it is personal again', async () => {
      const page = expectations.find((e) => e.file === 'en/legal-business-profile.html');
      const tab = await openPortal(ext, urlOf(page.file), log);
      try {
        const selector = page.expect[0].selector;
        assert.equal((await waitForMarks(tab, (m) => m.length === 1)).length, 1);
        await tab.click(selector, { count: 3 });
        await tab.keyboard.press('End');
        await tab.$eval(selector, (el) => el.select());
        // A work address on the company's domain (the sandbox's headers show contoso.co.jp accounts, which
        // this suite's earlier pages may have taught): nothing left to flag.
        await tab.keyboard.type('jane.doe@contoso.co.jp');
        const cleared = await waitForMarks(tab, (m) => m.length === 0, 4000);
        assert.deepEqual(cleared, [], 'no mark after typing a work address');
        assert.equal(await tab.$eval(selector, (el) => el.value), 'jane.doe@contoso.co.jp', 'the extension never writes into the field');
        await tab.$eval(selector, (el) => el.select());
        await tab.keyboard.type('Jane.Doe@Mail.Yahoo.co.jp.');
        const back = await waitForMarks(tab, (m) => m.length === 1);
        assert.deepEqual(keys(back), ['personal-email-domain|error|Jane.Doe@Mail.Yahoo.co.jp.']);
      } finally {
        await tab.close();
      }
    });

    it('a mark shows its message on hover and on keyboard focus, and follows its field on scroll', async () => {
      const page = expectations.find((e) => e.file === 'en/legal-business-profile.html');
      const tab = await openPortal(ext, urlOf(page.file), log);
      try {
        await waitForMarks(tab, (m) => m.length === 1);
        // The mark's card: shown with the message in full (and what can be done about it).
        const tipShown = () =>
          tab.evaluate((code) => {
            const card = document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('.card');
            return (
              !card.hidden &&
              getComputedStyle(card).display !== 'none' &&
              card.dataset.cardCode === code &&
              card.textContent.includes('gmail.com')
            );
          }, page.expect[0].code);
        assert.equal(await tipShown(), false, 'hidden until asked for');
        // The field is below the fold: bring it into view; its mark must follow.
        await tab.evaluate(() => {
          document.body.style.paddingBottom = '2000px';
        });
        await tab.$eval(page.expect[0].selector, (el) => el.scrollIntoView({ block: 'center' }));
        await sleep(300);
        const inView = await readMarks(tab);
        assert.ok(inView[0].distance < 40, `beside its field after scrolling it into view (${inView[0].distance}px)`);
        const mark = await tab.$('csp-reseller-assistant >>> [data-issue-code]');
        await mark.hover();
        assert.equal(await tipShown(), true, 'shown on hover');
        await tab.mouse.move(0, 0);
        await sleep(600);
        assert.equal(await tipShown(), false, 'hidden again once the pointer has left');
        await tab.evaluate(() => document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('[data-issue-code]').focus());
        assert.equal(await tipShown(), true, 'shown on keyboard focus');
        // Scroll again, and check the mark is still beside its field.
        await tab.evaluate(() => window.scrollBy(0, 150));
        await sleep(300);
        const after = await readMarks(tab);
        assert.equal(after.length, 1);
        assert.ok(after[0].distance < 40, `still beside its field after scrolling (${after[0].distance}px)`);
        assert.equal(after[0].value, page.expect[0].value);
      } finally {
        await tab.close();
      }
    });

    it('a form in a portal frame is read: the mark is in the frame, and the popup counts it', async () => {
      const tab = await openPortal(ext, 'https://partner.microsoft.com/en-us/dashboard/legacy/frame-host', log);
      try {
        let frame;
        for (let i = 0; i < 50 && !frame; i++) {
          frame = tab.frames().find((f) => f.url().endsWith('/legacy/frame-contact'));
          if (!frame) await sleep(100);
        }
        assert.ok(frame, 'the frame loaded');
        let marks = null;
        for (let i = 0; i < 60; i++) {
          marks = await readMarks(frame).catch(() => null);
          if (marks?.length) break;
          await sleep(100);
        }
        assert.deepEqual(keys(marks), ['personal-email-domain|error|yuki.sato@au.com']);
        assert.deepEqual((await readMarks(tab)) ?? [], [], 'the page itself is clean');
        const ui = await ext.browser.newPage();
        await interceptUi(ui);
        await openExtensionPage(ext, ui, 'sidepanel.html');
        await ui.waitForSelector('[data-testid="issue-count"]', { timeout: 10000 });
        let count;
        for (let i = 0; i < 30 && count !== '1'; i++) {
          count = await ui.$eval('[data-testid="issue-count"]', (el) => el.dataset.count);
          if (count !== '1') await sleep(100);
        }
        assert.equal(count, '1');
        await ui.close();
      } finally {
        await tab.close();
      }
    });

    it('the popup and the sidebar show the number of issues of the portal tab', async () => {
      const page = expectations.find((e) => e.file === 'en/tenant-only.html');
      const tab = await openPortal(ext, urlOf(page.file), log);
      try {
        await waitForMarks(tab, (m) => m.length === page.expect.length);
        for (const file of ['popup.html', 'sidepanel.html']) {
          const ui = await ext.browser.newPage();
          await interceptUi(ui);
          await openExtensionPage(ext, ui, file);
          await ui.waitForSelector('[data-testid="issue-count"]', { timeout: 10000 });
          const count = await ui.$eval('[data-testid="issue-count"]', (el) => [el.dataset.count, el.textContent]);
          assert.deepEqual(count, [String(page.expect.length), `${page.expect.length} issues on this tab`], file);
          if (file === 'sidepanel.html') {
            const codes = await ui.$$eval('[data-testid="issue-list"] [data-issue-code]', (els) =>
              els.map((e) => e.dataset.issueCode).sort(),
            );
            assert.deepEqual(codes, page.expect.map((e) => e.code).sort());
          }
          await ui.close();
        }
      } finally {
        await tab.close();
      }
    });

    it("the popup's button opens the real sidebar (Chrome side panel, Firefox sidebar)", async () => {
      const popup = await ext.browser.newPage();
      await interceptUi(popup);
      await openExtensionPage(ext, popup, 'popup.html');
      await popup.waitForSelector('#open-sidebar');
      await popup.click('#open-sidebar'); // a real click: both browsers need a user gesture
      if (kind === 'chromium') {
        const target = await ext.browser.waitForTarget((t) => t.url() === `${ext.base}/sidepanel.html`, { timeout: 10000 });
        const panel = await target.asPage();
        await panel.waitForSelector('[data-testid="issue-count"]', { timeout: 10000 });
        assert.match(await panel.$eval('h1', (el) => el.textContent), /CSP Reseller Assistant/);
      } else {
        // Firefox exposes no target for the sidebar: ask the extension whether it is open.
        const probe = await ext.browser.newPage();
        await openExtensionPage(ext, probe, 'options.html');
        let open = false;
        for (let i = 0; i < 30 && !open; i++) {
          open = await probe.evaluate(() => browser.sidebarAction.isOpen({}));
          if (!open) await sleep(100);
        }
        assert.equal(open, true);
        await probe.close();
      }
      if (!popup.isClosed()) await popup.close().catch(() => {});
    });

    it('makes no network request: only the served portal pages and its own resources', async () => {
      // Give late lookups and reports a moment, then read everything every tab asked for.
      await sleep(300);
      assert.ok(log.length > expectations.length, 'the request log saw the test traffic');
      const leaks = log.filter((r) => !isAllowedRequest(r));
      assert.deepEqual(leaks, []);
    });

    /**
     * A mark of the expectation's code whose centre is level with its element and near its right edge, and
     * whose message (its accessible name) says `says` when the expectation has it (a portal error explained).
     */
    function besideElement(tab, { code, selector, says = '' }) {
      return tab.evaluate(
        (code, selector, says) => {
          const target = document.querySelector(selector);
          if (!target) return false;
          const t = target.getBoundingClientRect();
          const marks = document.querySelector('csp-reseller-assistant').shadowRoot.querySelectorAll(`[data-issue-code="${code}"]`);
          return [...marks].some((m) => {
            const r = m.getBoundingClientRect();
            const cy = r.top + r.height / 2;
            return cy >= t.top - 1 && cy <= t.bottom + 1 && Math.abs(r.left - t.right) < 40 && m.getAttribute('aria-label').includes(says);
          });
        },
        code,
        selector,
        says,
      );
    }

    async function interceptUi(ui) {
      await ui.setRequestInterception(true);
      ui.on('request', (req) => {
        log.push({ url: req.url(), navigation: req.isNavigationRequest() });
        void req.continue();
      });
    }
  });
}

// Firefox only switches its UI language with a language pack installed, so the Japanese UI is shown in Chromium.
if (BROWSERS.includes('chromium')) {
  describe('chromium, Japanese UI', () => {
    let ext;
    before(async () => {
      ext = await launch('chromium', { lang: 'ja' });
    });
    after(async () => {
      await ext?.close();
    });

    it('the marks on a Japanese page and the popup speak Japanese', async () => {
      const ui0 = await ext.browser.newPage();
      await openExtensionPage(ext, ui0, 'popup.html');
      const uiLanguage = await ui0.evaluate(() => chrome.i18n.getUILanguage());
      await ui0.close();
      assert.equal(uiLanguage, 'ja', 'Chromium runs in Japanese (Debian: apt-get install chromium-l10n)');
      const page = expectations.find((e) => e.file === 'ja/legal-business-profile.html');
      const tab = await openPortal(ext, urlOf(page.file));
      const marks = await waitForMarks(tab, (m) => m.length === 1);
      // The mark's name starts with the field's label, then says what is wrong, in the browser's language.
      assert.match(marks[0].label, /^メール アドレス: エラー: docomo\.ne\.jp は個人向けのメール サービスです。/);
      const ui = await ext.browser.newPage();
      await openExtensionPage(ext, ui, 'popup.html');
      await ui.waitForSelector('[data-testid="issue-count"]');
      assert.equal(await ui.$eval('[data-testid="issue-count"]', (el) => el.textContent), 'このタブの問題: 1 件');
      await ui.close();
      await tab.close();
    });
  });
}
