// axe-core on every surface, in Chromium and Firefox, English and Japanese UI: the popup, the sidebar,
// options and the first-run page, and the extension's own nodes in a portal page (marks, an open card, a
// notice). No violation of any impact. Chromium also runs it in forced-colours and dark emulation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { launch, openExtensionPage } from './browsers.mjs';
import { listFromEnv, openOptions, openPortal, sleep, waitForMarks } from './helpers.mjs';
import { urlOf } from './portal.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const BROWSERS = listFromEnv('E2E_BROWSERS', 'chromium,firefox');
const LANGS = listFromEnv('E2E_LANGS', 'en,ja');
const PAGES = {
  'popup.html': '[data-testid="issue-count"]',
  'sidepanel.html': '[data-testid="checklist"]',
  'options.html': '#save',
  'welcome.html': '#welcome-save-region',
};

/** Every axe violation (any impact) in `page`, or only in our shadow-root host when `ours`. */
async function axe(page, ours = false) {
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) await page.evaluate(AXE);
  const result = await page.evaluate(
    (own) => globalThis.axe.run(own ? document.querySelector('csp-reseller-assistant') : document, { resultTypes: ['violations'] }),
    ours,
  );
  return result.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
}

const MODES = [{ name: 'default', features: [] }];
/** Chromium emulates forced colours (Windows high contrast) and dark mode; Firefox's driver does not. */
const modesOf = (kind) =>
  kind === 'chromium'
    ? [
        ...MODES,
        { name: 'forced colours', features: [{ name: 'forced-colors', value: 'active' }] },
        { name: 'dark', features: [{ name: 'prefers-color-scheme', value: 'dark' }] },
      ]
    : MODES;

for (const kind of BROWSERS) {
  for (const lang of LANGS) {
    describe(`${kind}, ${lang} UI: axe-core`, () => {
      let ext;
      let options;
      before(async () => {
        ext = await launch(kind, { lang });
        options = await openOptions(ext, await ext.browser.newPage());
        // Something to show: the PartnerIDs learned (with the notice), and a flagged PGA.
        await options.evaluate((m) => browser.runtime.sendMessage(m), { type: 'import-profile', text: JSON.stringify({ version: 1 }) });
      });
      after(async () => {
        await ext?.close();
      });

      for (const [file, ready] of Object.entries(PAGES)) {
        it(`${file}: no violation`, async () => {
          const page = await ext.browser.newPage();
          try {
            await openExtensionPage(ext, page, file);
            await page.waitForSelector(ready, { timeout: 10000 });
            await sleep(300);
            assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${file} is in the browser's language`);
            for (const mode of modesOf(kind)) {
              if (kind === 'chromium') await page.emulateMediaFeatures(mode.features);
              assert.deepEqual(await axe(page), [], `${file}, ${mode.name}`);
            }
          } finally {
            await page.close();
          }
        });
      }

      it('the in-page nodes: a notice, marks and an open card', async () => {
        const ids = await openPortal(ext, urlOf('en/identifiers.html'));
        try {
          await ids.waitForSelector('csp-reseller-assistant >>> .note:not([hidden])', { timeout: 10000 });
          for (const mode of modesOf(kind)) {
            if (kind === 'chromium') await ids.emulateMediaFeatures(mode.features);
            assert.deepEqual(await axe(ids, true), [], `notice, ${mode.name}`);
          }
        } finally {
          await ids.close();
        }
        const tab = await openPortal(ext, urlOf('en/pla-association.html'));
        try {
          await tab.click('#TextField91');
          await tab.keyboard.type('1234567');
          await waitForMarks(tab, (m) => m.some((x) => x.code === 'pga-instead-of-pla'), 8000);
          const mark = await tab.$('csp-reseller-assistant >>> .mark');
          await mark.hover();
          await sleep(200);
          assert.equal(
            await tab.evaluate(() => !document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('.card').hidden),
            true,
            'the card is open',
          );
          for (const mode of modesOf(kind)) {
            if (kind === 'chromium') await tab.emulateMediaFeatures(mode.features);
            assert.deepEqual(await axe(tab, true), [], `mark and card, ${mode.name}`);
          }
        } finally {
          await tab.close();
        }
      });
    });
  }
}
