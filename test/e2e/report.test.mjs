// The issue report, end to end in real Chromium and real Firefox: a sandbox page with planted issues and a
// planted portal error; the report opened from the popup's button; the copied Markdown and the downloaded
// JSON hold every issue code, the portal error's code and explanation and the progress, and none of the
// raw planted values; "show email addresses" reveals them; no network request; axe-core in en and ja; the
// screenshot covers every planted value; the portal error's mark explains it (en, and ja on the Japanese
// page) and its card offers the step that fixes it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { evaluateInFirefoxChrome, GECKO_ID, launch, openExtensionPage } from './browsers.mjs';
import { listFromEnv, openOptions, openPortal, readMarks, sleep, waitForMarks } from './helpers.mjs';
import { isAllowedRequest, urlOf } from './portal.mjs';

const BROWSERS = listFromEnv('E2E_BROWSERS', 'chromium,firefox');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGE = 'en/order-blocked.html';
const TEAM = {
  format: 'csp-reseller-assistant/team-profile',
  version: 2,
  company: {
    name: 'Fabrikam Japan GK',
    country: 'JP',
    domains: ['fabrikam.co.jp'],
    address: { line1: '2-7-1 Marunouchi', postalCode: '100-7012', city: 'Chiyoda-ku' },
  },
  partnerIds: [
    { id: '4455667', type: 'global', country: 'JP' },
    { id: '9988721', type: 'location', country: 'JP' },
  ],
  associatedPartnerId: '9988721',
  distributor: { name: 'Example Distribution KK', region: 'japan', email: 'partners@distributor.example' },
};
/** Every raw value the page and the profile hold that the report must hide. */
const RAW = [
  'haruto.kobayashi@gmail.com',
  'Haruto',
  'Kobayashi',
  'Fabrikam Japan Godo Kaisha',
  'Fabrikam Japan GK',
  '2-7-1 Marunouchi',
  'Tower 12F',
  '100-7012',
  '4455667',
  '9988721',
  '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  'Example Distribution KK',
  'partners@distributor.example',
];
const CODES = ['personal-email-domain', 'pga-instead-of-pla', 'portal-error'];
const unescape = (md) => md.replace(/\\(.)/g, '$1');

async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

/** Records what the page copies and downloads (the real clipboard and download still happen). */
async function recordOutputs(page) {
  await page.evaluate(() => {
    globalThis.__copied = [];
    globalThis.__downloads = [];
    const write = navigator.clipboard?.writeText?.bind(navigator.clipboard);
    if (navigator.clipboard) {
      navigator.clipboard.writeText = async (text) => {
        globalThis.__copied.push(text);
        return write(text);
      };
    }
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download) {
        const entry = { name: this.download, text: null };
        globalThis.__downloads.push(entry);
        if (this.href.startsWith('blob:'))
          void fetch(this.href)
            .then((r) => r.text())
            .then((t) => {
              entry.text = t;
            });
        else entry.text = this.href;
      }
      return click.call(this);
    };
  });
}
/**
 * The report tab the click opened. Firefox names extension tabs about:blank to the driver, so each new tab
 * is asked where it is.
 */
async function newReportPage(ext, before) {
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    for (const page of await ext.browser.pages()) {
      if (before.has(page)) continue;
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(`${ext.base}/report.html?tab=`)) return page;
    }
    await sleep(200);
  }
  throw new Error('no report tab opened');
}
const downloads = (page) => page.evaluate(() => globalThis.__downloads.filter((d) => d.text !== null));

/**
 * Firefox: presses the extension's toolbar button on the selected tab, as a click does. Its driver has no
 * command for that, but the e2e's Firefox runs with `--remote-allow-system-access` (browsers.mjs), so
 * WebDriver BiDi can run the browser's own code in its chrome scope: the browser action's `triggerAction`,
 * which grants `activeTab` for the tab and opens the popup (closed again here). Nothing of this is in the
 * extension. Resolves to whether `activeTab` is granted on the tab that was selected.
 */
async function pressToolbarButtonInFirefox(ext) {
  return evaluateInFirefoxChrome(
    ext,
    `(async () => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(GECKO_ID)});
    const tab = gBrowser.selectedTab;
    await ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    for (let i = 0; i < 20 && ![...document.querySelectorAll('panel')].some((p) => p.state === 'open'); i++)
      await new Promise((r) => setTimeout(r, 100));
    for (const p of document.querySelectorAll('panel')) if (p.state === 'open') p.hidePopup();
    return extension.tabManager.hasActiveTabPermission(tab);
  })()`,
  );
}

for (const kind of BROWSERS) {
  describe(`${kind}: issue report`, () => {
    let ext;
    let portal;
    let report;
    const log = [];

    before(async () => {
      ext = await launch(kind);
      if (ext.worker) {
        const session = await ext.worker.createCDPSession();
        await session.send('Network.enable');
        session.on('Network.requestWillBeSent', (e) => log.push({ url: e.request.url, navigation: false }));
      }
      const options = await openOptions(ext, await ext.browser.newPage());
      const imported = await options.evaluate(
        (text) => browser.runtime.sendMessage({ type: 'import-profile', text }),
        JSON.stringify(TEAM),
      );
      assert.equal(imported.ok, true, JSON.stringify(imported));
      await options.close();
    });
    after(async () => {
      await ext?.close();
    });

    it('the page shows the planted issues and the portal error', async () => {
      portal = await openPortal(ext, urlOf(PAGE), log);
      const marks = await waitForMarks(portal, (m) => CODES.every((c) => m.some((x) => x.code === c)), 10000);
      assert.deepEqual([...new Set((marks ?? []).map((m) => m.code))].sort(), CODES);
      // The mark beside the portal's message says what 2201 means and what to do (the report's words).
      const label = marks.find((m) => m.code === 'portal-error').label;
      assert.match(label, /Partner Center shows 2201: The CSP region of your company's country is not the region the distributor serves/);
      assert.match(label, /What to do: Order through a distributor of your own CSP region/);
    });

    it("opens from the popup's Report button, for the portal tab", async () => {
      const popup = await ext.browser.newPage();
      await openExtensionPage(ext, popup, 'popup.html');
      await popup.waitForSelector('#open-report:not([disabled])', { timeout: 10000 });
      const before = new Set(await ext.browser.pages());
      await popup.click('#open-report'); // a real click, as a user would
      report = await newReportPage(ext, before);
      await report.waitForSelector('[data-testid="preview"]', { timeout: 10000 });
      await report.waitForFunction(() => document.querySelector('[data-testid="preview"]').textContent.includes('portal-error'), {
        timeout: 10000,
      });
      if (!popup.isClosed()) await popup.close().catch(() => {});
      await report.setRequestInterception(true);
      report.on('request', (req) => {
        log.push({ url: req.url(), navigation: req.isNavigationRequest() });
        void req.continue();
      });
      await recordOutputs(report);
    });

    it('the copied Markdown holds every issue code, the portal error explained, the progress, and no raw value', async () => {
      await report.click('#copy-md');
      await report.waitForFunction(
        () => globalThis.__copied.length > 0 || document.querySelector('[data-testid="report-status"]').textContent !== '',
        { timeout: 5000 },
      );
      const preview = await report.$eval('[data-testid="preview"]', (el) => el.textContent);
      const copied = await report.evaluate(() => globalThis.__copied.at(-1) ?? null);
      assert.equal(copied, preview, 'the preview is exactly what is copied');
      const md = unescape(preview);
      for (const code of CODES) assert.ok(md.includes(`\`${code}\``), `code ${code}`);
      assert.match(md, /### `portal-error` 2201 \(error\)/);
      assert.match(md, /What it means: The CSP region of your company's country is not the region the distributor serves/);
      assert.match(md, /What to do: Order through a distributor of your own CSP region/);
      assert.match(md, /\[12\. .*\]\(https:\/\/partner\.microsoft\.com\//);
      assert.match(md, /## Enrollment progress\n\n\d+ of 17 steps done\./);
      assert.match(md, /## Partner-of-record \(POR\) readiness/);
      assert.match(md, /h•••@gmail\.com/);
      assert.match(md, /…67 \(PGA\)/);
      assert.match(
        md,
        /\| Page \| https:\/\/partner\.microsoft\.com\/en-us\/dashboard\/account\/v3\/organization\/company-details\?tenantId=…&ref=… \|/,
      );
      for (const raw of RAW) assert.ok(!md.toLowerCase().includes(raw.toLowerCase()), `raw value in the Markdown: ${raw}`);
      const hidden = await report.$$eval('[data-testid="hidden-list"] li', (els) => els.map((e) => e.dataset.category));
      assert.deepEqual(hidden, ['emails', 'partnerIds', 'addresses', 'names', 'tenantIds']);
    });

    it('the downloaded JSON is valid, holds the same, and no raw value', async () => {
      await report.click('#download-json');
      let files = [];
      for (let i = 0; i < 50 && !files.some((f) => f.name.endsWith('.json')); i++) {
        files = await downloads(report);
        await sleep(100);
      }
      const file = files.find((f) => f.name.endsWith('.json'));
      assert.ok(file, 'a .json was downloaded');
      const json = JSON.parse(file.text);
      assert.equal(json.format, 'csp-reseller-assistant/issue-report');
      assert.equal(json.version, 1);
      assert.deepEqual([...new Set(json.issues.map((i) => i.code))].sort(), CODES);
      assert.equal(json.portalErrors[0].code, '2201');
      assert.match(json.portalErrors[0].means, /CSP region/);
      assert.equal(json.portalErrors[0].step.id, 'choose-distributor');
      assert.equal(json.progress.total, 17);
      assert.equal(json.por.length, 5);
      for (const raw of RAW) assert.ok(!file.text.toLowerCase().includes(raw.toLowerCase()), `raw value in the JSON: ${raw}`);
      await report.click('#download-md');
      for (let i = 0; i < 50 && !files.some((f) => f.name.endsWith('.md')); i++) {
        files = await downloads(report);
        await sleep(100);
      }
      assert.ok(
        files.some((f) => f.name.endsWith('.md') && f.text.includes('`portal-error`')),
        'a .md was downloaded',
      );
    });

    it('"Email to the distributor" writes to the distributor with the summary; the full report goes to the clipboard', async () => {
      const href = await report.$eval('#email-distributor', (a) => a.getAttribute('href'));
      assert.match(href, /^mailto:partners@distributor\.example\?subject=/);
      const body = decodeURIComponent(href.split('&body=')[1]);
      assert.match(body, /On the Partner Center page/);
      for (const raw of RAW.filter((r) => r !== 'partners@distributor.example'))
        assert.ok(!body.includes(raw), `raw value in the mail: ${raw}`);
    });

    it('"Show email addresses" reveals them, and only them', async () => {
      await report.click('#show-emails');
      await report.waitForFunction(
        () => document.querySelector('[data-testid="preview"]').textContent.includes('haruto.kobayashi@gmail.com'),
        { timeout: 5000 },
      );
      const md = unescape(await report.$eval('[data-testid="preview"]', (el) => el.textContent));
      assert.ok(md.includes('haruto.kobayashi@gmail.com'));
      assert.ok(!md.includes('4455667') && !md.includes('Kobayashi |') && !md.includes('Fabrikam'), 'the other categories stay hidden');
      await report.click('#show-emails');
      await report.waitForFunction(
        () => !document.querySelector('[data-testid="preview"]').textContent.includes('haruto.kobayashi@gmail.com'),
        { timeout: 5000 },
      );
    });

    it('axe-core: no serious or critical violation, in English and in Japanese (lang set)', async () => {
      assert.deepEqual(await axe(report), []);
      assert.equal(await report.evaluate(() => document.documentElement.lang), 'en');
      await report.select('#report-language', 'ja');
      await report.waitForFunction(
        () =>
          document.documentElement.lang === 'ja' && document.querySelector('[data-testid="preview"]').textContent.includes('問題レポート'),
        { timeout: 5000 },
      );
      assert.deepEqual(await axe(report), []);
      const md = unescape(await report.$eval('[data-testid="preview"]', (el) => el.textContent));
      assert.match(md, /## ポータルが表示したエラー \(1\)/);
      for (const raw of RAW) assert.ok(!md.toLowerCase().includes(raw.toLowerCase()), `raw value in the Japanese report: ${raw}`);
      await report.select('#report-language', 'en');
    });

    it('the screenshot (asked for) covers every planted value with an opaque block, removed right after', async () => {
      // activeTab is granted by the user's own gesture on the portal tab. Chromium: the toolbar button is
      // pressed on the portal tab through the DevTools protocol (Extensions.triggerAction), which opens the
      // real popup there, and the report is opened from it. Firefox: first without the gesture (the popup
      // opened as a tab grants nothing): the report must say so and leave nothing covered; then the toolbar
      // button is pressed on the portal tab through the browser's own code (pressToolbarButtonInFirefox) and
      // the report page already open takes the picture.
      await portal.bringToFront();
      const fieldRects = await portal.evaluate(() =>
        ['#company', '#line1', '#line2', '#postal', '#mpn', '#tenant', '#first', '#last', '#email', '#por-error .ms-MessageBar-text'].map(
          (s) => {
            const r = document.querySelector(s).getBoundingClientRect();
            return { s, x: r.left, y: r.top, w: r.width, h: r.height };
          },
        ),
      );
      let page = report;
      if (kind === 'chromium') {
        const cdp = await ext.browser.target().createCDPSession();
        const before = new Set(await ext.browser.pages());
        const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] });
        const tab = targetInfos.find((t) => t.type === 'tab' && t.url === portal.url());
        assert.ok(tab, 'the portal tab target');
        await cdp.send('Extensions.triggerAction', { id: new URL(ext.base).host, targetId: tab.targetId });
        const popupTarget = await ext.browser.waitForTarget((t) => t.url() === `${ext.base}/popup.html`, { timeout: 10000 });
        const popup = await popupTarget.asPage();
        await popup.waitForSelector('#open-report:not([disabled])', { timeout: 10000 });
        await popup.click('#open-report');
        page = await newReportPage(ext, before);
        await page.waitForFunction(() => document.querySelector('[data-testid="preview"]')?.textContent.includes('portal-error'), {
          timeout: 10000,
        });
        await recordOutputs(page);
      }
      await page.bringToFront();
      await page.click('#with-screenshot');
      const shoot = async () => {
        const before = (await downloads(page)).length;
        await page.click('#download-json');
        let png;
        for (let i = 0; i < 80 && !png; i++) {
          png = (await downloads(page)).slice(before).find((f) => f.name.endsWith('.png'));
          if (!png) await sleep(100);
        }
        return { png, status: await page.$eval('[data-testid="report-status"]', (el) => el.textContent) };
      };
      let { png, status } = await shoot();
      if (kind === 'firefox') {
        assert.equal(png, undefined);
        assert.match(status, /No screenshot: .*activeTab/);
        assert.equal(
          await portal.evaluate(() => document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('.cover')),
          null,
          'nothing left covered',
        );
        await portal.bringToFront();
        assert.equal(await pressToolbarButtonInFirefox(ext), true, 'the toolbar button grants activeTab on the portal tab');
        await page.bringToFront();
        ({ png, status } = await shoot());
      }
      assert.ok(png, `a .png was downloaded (status: ${status})`);
      assert.match(png.text, /^data:image\/png;base64,/);
      // Every planted field, and the message holding a PartnerID, lies under a block: its pixels are the block's grey.
      const colours = await page.evaluate(
        async (src, rects) => {
          const img = new Image();
          img.src = src;
          await img.decode();
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const g = canvas.getContext('2d');
          g.drawImage(img, 0, 0);
          const scale = img.naturalWidth / rects.viewport;
          const corner = [...g.getImageData(3, 3, 1, 1).data].slice(0, 3).join(',');
          return [
            { s: 'page background (not covered)', px: [corner], seen: -1 },
            ...rects.list.map((r) => {
              const points = [
                [0.5, 0.5],
                [0.15, 0.5],
                [0.85, 0.5],
                [0.5, 0.2],
                [0.5, 0.8],
              ];
              // A point outside the picture (below the visible area) is not in the screenshot: nothing to cover.
              const inside = points
                .map(([fx, fy]) => [Math.round((r.x + r.w * fx) * scale), Math.round((r.y + r.h * fy) * scale)])
                .filter(([x, y]) => x < canvas.width && y < canvas.height);
              return {
                s: r.s,
                px: inside.map(([x, y]) => [...g.getImageData(x, y, 1, 1).data].slice(0, 3).join(',')),
                seen: inside.length,
              };
            }),
          ];
        },
        png.text,
        { list: fieldRects, viewport: await portal.evaluate(() => window.innerWidth) },
      );
      const [background, ...fields] = colours;
      assert.deepEqual(background.px, ['250,249,248'], 'the page itself is in the picture, not covered');
      for (const { s, px, seen } of fields) assert.deepEqual(px, Array(seen).fill('68,68,68'), `${s} is covered in the screenshot`);
      assert.ok(fields.filter((c) => c.seen > 0).length >= 8, `most planted values are in the picture: ${JSON.stringify(colours)}`);
      const left = await portal.evaluate(() => document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('.cover'));
      assert.equal(left, null, 'the blocks are removed after the capture');
      assert.equal((await readMarks(portal)).length >= 3, true, 'the marks are still there');
    });

    it("the portal error's card explains it and offers its step; on a Japanese UI it speaks Japanese", async () => {
      const options = await openOptions(ext, await ext.browser.newPage());
      // A language change reloads the extension's pages: each message goes from a fresh page, and a reload
      // cutting off its answer is retried until the stored language is the one asked for.
      const setLanguage = async (language) => {
        for (let i = 0; i < 20; i++) {
          const page = await ext.browser.newPage();
          try {
            await openExtensionPage(ext, page, 'options.html');
            await page.waitForSelector('#save', { timeout: 10000 });
            const prefs = await page.evaluate(async (l) => {
              const now = (await browser.runtime.sendMessage({ type: 'get-prefs' })).prefs;
              if ((now.language ?? null) !== l) void browser.runtime.sendMessage({ type: 'set-language', language: l }).catch(() => {});
              return now;
            }, language);
            if ((prefs.language ?? null) === language) return;
          } catch {
            // the page reloaded under us: ask again
          } finally {
            await page.close().catch(() => {});
          }
          await sleep(300);
        }
        assert.fail(`the language did not become ${language}`);
      };
      const openedStep = () => options.evaluate(async () => (await browser.storage.session.get('openStep')).openStep ?? null);
      try {
        await portal.bringToFront();
        await portal.evaluate(() => document.activeElement?.blur());
        const mark = await portal.waitForSelector('csp-reseller-assistant >>> .mark[data-issue-code="portal-error"]', { timeout: 5000 });
        await mark.hover();
        await portal.waitForSelector('csp-reseller-assistant >>> .card[data-card-code="portal-error"]:not([hidden])', { timeout: 5000 });
        const card = await portal.$eval('csp-reseller-assistant >>> .card', (c) => c.textContent);
        assert.match(card, /The CSP region of your company's country is not the region the distributor serves/);
        assert.match(card, /What to do: Order through a distributor of your own CSP region/);
        const step = await portal.$('csp-reseller-assistant >>> .card [data-action="open-step"]');
        assert.ok(step, 'the card offers the step');
        assert.equal(await step.evaluate((b) => b.textContent), 'Open this step in the checklist');
        await step.click(); // a real click: the side panel / sidebar (or a tab of it) opens at the step
        let opened = null;
        for (let i = 0; i < 50 && opened !== 'choose-distributor'; i++) {
          opened = await openedStep();
          if (opened !== 'choose-distributor') await sleep(100);
        }
        assert.equal(opened, 'choose-distributor', "the step that fixes 2201: choose a distributor of the company's CSP region");

        // The Japanese page, with the language chosen in options: the marks explain in Japanese.
        await setLanguage('ja');
        const ja = await openPortal(ext, urlOf('ja/portal-errors.html'), log);
        try {
          // (Marks drawn before the page has the chosen language are drawn again in it.)
          const marks = await waitForMarks(
            ja,
            (m) => m.filter((x) => x.code === 'portal-error' && x.label.includes('対処: ')).length === 5,
            10000,
          );
          assert.equal(marks.filter((x) => x.code === 'portal-error').length, 5);
          for (const m of marks) assert.match(m.label, /^.*パートナー センターの表示 .+: .+ 対処: .+/, m.label);
          const label = (selector) =>
            ja.evaluate((selector) => {
              const t = document.querySelector(selector).getBoundingClientRect();
              const marks = [...document.querySelector('csp-reseller-assistant').shadowRoot.querySelectorAll('.mark')];
              const m = marks.find((x) => {
                const r = x.getBoundingClientRect();
                return Math.abs(r.top + r.height / 2 - (t.top + t.bottom) / 2) <= t.height / 2 + 1 && Math.abs(r.left - t.right) < 40;
              });
              return m?.getAttribute('aria-label') ?? null;
            }, selector);
          const l2201 = await label('#bar-2201');
          assert.match(
            l2201,
            /パートナー センターの表示 2201: 会社の国の CSP リージョンが、ディストリビューターの担当リージョンと異なります。/,
          );
          assert.match(l2201, /対処: 自社と同じ CSP リージョンのディストリビューター経由で注文してください/);
          assert.match(
            await label('#dialog-900123'),
            /900123: 注文する CSP リージョンのマイクロソフト パートナー契約 \(MPA\) に同意していません。/,
          );
          assert.match(await label('#snack-mpn'), /"MPN Id must be numeric": PartnerID の形式が受け付けられません。/);
          const first = await ja.waitForSelector('csp-reseller-assistant >>> .mark[data-issue-code="portal-error"]');
          await first.hover();
          const stepJa = await ja.waitForSelector('csp-reseller-assistant >>> .card:not([hidden]) [data-action="open-step"]', {
            timeout: 5000,
          });
          assert.equal(await stepJa.evaluate((b) => b.textContent), 'チェックリストでこの手順を開く');
        } finally {
          await ja.close();
        }
      } finally {
        await options.close();
        await setLanguage(null);
      }
    });

    it('makes no network request', async () => {
      await sleep(300);
      const leaks = log.filter((r) => !isAllowedRequest(r));
      assert.deepEqual(leaks, []);
      assert.ok(
        log.some((r) => r.navigation && r.url.startsWith('https://partner.microsoft.com/')),
        'the log saw the portal page',
      );
    });
  });
}
