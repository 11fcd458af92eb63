// `npm run demo`: the built extension in Chromium on the sandbox portal pages, served at their real URLs.
// With a display, a browser window opens and stays until you close it. Without one (a server, CI), the
// flagged pages are screenshotted instead and the folder is printed. It starts from a demo team profile
// (test/sandbox/demo-team-profile.json: a PGA, PLAs of two countries, a verified address, a distributor in
// Japan), so that the PartnerID, region and address checks show too.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openExtensionPage, ROOT } from './e2e/browsers.mjs';
import { interceptPortal, routes } from './e2e/portal.mjs';
import { settle } from './e2e/helpers.mjs';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const ext = await launch('chromium', { headless });
const index = routes.find((r) => r.file === 'index.html');

const setup = await ext.browser.newPage();
await openExtensionPage(ext, setup, 'options.html');
const imported = await setup.evaluate(
  (text) => browser.runtime.sendMessage({ type: 'import-profile', text }),
  readFileSync(path.join(ROOT, 'test/sandbox/demo-team-profile.json'), 'utf8'),
);
console.log(
  imported?.ok
    ? 'Demo team profile imported (Contoso Japan KK, distributor in Japan).'
    : `Demo team profile not imported: ${JSON.stringify(imported)}`,
);
await setup.close();

if (!headless) {
  for (const route of [index, ...routes.filter((r) => r !== index)]) {
    const page = await ext.browser.newPage();
    await interceptPortal(page);
    // Links on the sandbox pages open more portal URLs; new tabs get the same interception.
    await page.goto(route.url);
  }
  ext.browser.on('targetcreated', async (t) => {
    const page = await t.page().catch(() => null);
    if (page && t.url().startsWith('https://partner.microsoft.com')) await interceptPortal(page).catch(() => {});
  });
  console.log('Demo running: every sandbox page is open in its own tab. Close the browser window to end.');
  await new Promise((resolve) => ext.browser.on('disconnected', resolve));
} else {
  const out = path.join(ROOT, 'test-results/demo');
  mkdirSync(out, { recursive: true });
  for (const route of routes) {
    const page = await ext.browser.newPage();
    await interceptPortal(page);
    await page.goto(route.url, { waitUntil: 'load' });
    await settle(page, 2600);
    // Hover the first mark so its message shows in the picture.
    const mark = await page.$('csp-reseller-assistant >>> [data-issue-code]');
    if (mark) await mark.hover().catch(() => {});
    const file = path.join(out, `${route.file.replace(/[\\/]/g, '-').replace(/\.html$/, '')}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const count = await page.evaluate(
      () => document.querySelector('csp-reseller-assistant')?.shadowRoot?.querySelectorAll('.mark[data-issue-code]').length ?? 0,
    );
    console.log(`${String(count).padStart(2)} mark(s)  ${route.url}\n           → ${path.relative(process.cwd(), file)}`);
    await page.close();
  }
  // Each severity's mark (octagon, triangle, circle) with its card open, in light, dark and forced colours.
  const SEVERITIES = { error: 'en/legal-business-profile.html', warning: 'en/group-alias.html', info: 'en/address-dialog.html' };
  const MODES = {
    light: [{ name: 'prefers-color-scheme', value: 'light' }],
    dark: [{ name: 'prefers-color-scheme', value: 'dark' }],
    'forced-colors': [{ name: 'forced-colors', value: 'active' }],
  };
  for (const [severity, file] of Object.entries(SEVERITIES)) {
    for (const [mode, features] of Object.entries(MODES)) {
      const page = await ext.browser.newPage();
      await interceptPortal(page);
      await page.emulateMediaFeatures(features);
      await page.goto(routes.find((r) => r.file === file).url, { waitUntil: 'load' });
      await settle(page, 2000);
      const mark = await page.$(`csp-reseller-assistant >>> .mark[data-severity="${severity}"]:not([hidden])`);
      if (!mark) {
        console.log(`   no ${severity} mark on ${file}: no picture for it`);
        await page.close();
        continue;
      }
      // Bring its field to the middle of the window (the mark follows), then hover it.
      await mark.evaluate((m) => window.scrollBy(0, m.getBoundingClientRect().top - innerHeight / 2));
      await new Promise((r) => setTimeout(r, 400));
      await mark.hover().catch(() => mark.focus());
      await new Promise((r) => setTimeout(r, 300));
      const clip = await page.evaluate((sev) => {
        const root = document.querySelector('csp-reseller-assistant').shadowRoot;
        const boxes = [root.querySelector(`.mark[data-severity="${sev}"]:not([hidden])`), root.querySelector('.card:not([hidden])')]
          .filter(Boolean)
          .map((e) => e.getBoundingClientRect());
        const left = Math.max(0, Math.min(...boxes.map((b) => b.left)) - 120);
        const top = Math.max(0, Math.min(...boxes.map((b) => b.top)) - 60);
        // (Puppeteer clips in page coordinates: the scroll offset is added.)
        return {
          x: left + scrollX,
          y: top + scrollY,
          width: Math.min(innerWidth - left, Math.max(...boxes.map((b) => b.right)) - left + 20),
          height: Math.min(innerHeight - top, Math.max(...boxes.map((b) => b.bottom)) - top + 20),
        };
      }, severity);
      if (clip.width <= 0 || clip.height <= 0) {
        console.log(`   the ${severity} mark on ${file} is out of view: no picture for it`);
        await page.close();
        continue;
      }
      const shot = path.join(out, `severity-${severity}-${mode}.png`);
      await page.screenshot({ path: shot, clip });
      console.log(`           ${severity} mark, ${mode} → ${path.relative(process.cwd(), shot)}`);
      await page.close();
    }
  }
  // The extension's own pages, as the last portal tab left them.
  for (const file of ['popup.html', 'sidepanel.html', 'options.html', 'welcome.html']) {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: file === 'popup.html' ? 360 : 480, height: 900 });
    await openExtensionPage(ext, page, file);
    await new Promise((r) => setTimeout(r, 800));
    const shot = path.join(out, `extension-${file.replace('.html', '')}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`           ${file} → ${path.relative(process.cwd(), shot)}`);
    await page.close();
  }
  console.log(`\nNo display found, so the demo wrote screenshots to ${path.relative(process.cwd(), out)}/ instead of opening a window.`);
  await ext.close();
}
