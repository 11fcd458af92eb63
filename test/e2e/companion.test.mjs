// The enrollment companion, end to end in real Chromium and real Firefox: from an empty profile, walk the
// sandbox portal and read the popup's "N of M", the next step, each step's state and evidence in the
// sidebar, POR readiness, the toolbar badge per tab, hand-set states, a deep link, and axe-core.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launch, openExtensionPage } from './browsers.mjs';
import { listFromEnv, openOptions, openPortal, readMarks, sleep } from './helpers.mjs';
import { servePage, urlOf } from './portal.mjs';

const BROWSERS = listFromEnv('E2E_BROWSERS', 'chromium,firefox');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TEAM = {
  format: 'csp-reseller-assistant/team-profile',
  version: 1,
  company: { country: 'JP' },
  distributor: { name: 'Example Distribution KK', region: 'japan' },
};

/** Polls `read` until `ok(value)`; returns the last value either way. */
async function until(read, ok, timeout = 8000) {
  const deadline = Date.now() + timeout;
  let value;
  while (Date.now() < deadline) {
    try {
      value = await read();
      if (ok(value)) return value;
    } catch {
      // a page in navigation
    }
    await sleep(100);
  }
  return value;
}

/** Visits a sandbox page the way a user would: opens it, lets the content script read it, closes it. */
async function visit(ext, file, { wait = 900, act } = {}) {
  const tab = await openPortal(ext, urlOf(file));
  await tab.waitForFunction(() => document.querySelector('csp-reseller-assistant') !== null, { timeout: 10000 });
  if (act) await act(tab);
  await sleep(wait);
  await tab.close();
}

/** Runs axe-core on an extension page; returns the serious and critical violations. */
async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`);
}

for (const kind of BROWSERS) {
  describe(`${kind}: enrollment companion`, () => {
    let ext;
    let options;
    const message = (msg) => options.evaluate((m) => browser.runtime.sendMessage(m), msg);
    const progress = async () => (await message({ type: 'get-progress' })).progress;

    async function openUi(file) {
      const page = await ext.browser.newPage();
      await openExtensionPage(ext, page, file);
      await page.waitForSelector('[data-testid="progress"]', { timeout: 10000 });
      return page;
    }
    const stepStates = (page) =>
      page.$$eval('[data-testid="checklist"] [data-step]', (els) => Object.fromEntries(els.map((e) => [e.dataset.step, e.dataset.status])));

    before(async () => {
      ext = await launch(kind);
      options = await openOptions(ext, await ext.browser.newPage());
    });
    after(async () => {
      await ext?.close();
    });

    it('an empty profile: 0 of 17 done, the first step next, every POR condition unknown', async () => {
      const popup = await openUi('popup.html');
      assert.deepEqual(await popup.$eval('[data-testid="progress"]', (el) => [el.dataset.done, el.dataset.total]), ['0', '17']);
      assert.match(await popup.$eval('.done-of', (el) => el.textContent), /^0 of 17 steps done$/);
      assert.equal(await popup.$eval('[data-testid="next-step"]', (el) => el.dataset.step), 'partner-program-membership');
      const por = await popup.$$eval('[data-condition]', (els) => els.map((e) => `${e.dataset.condition}:${e.dataset.state}`));
      assert.deepEqual(por, ['pla:unknown', 'region:unknown', 'status:unknown', 'mpa:unknown', 'distributor:unknown']);
      await popup.close();
    });

    it('walking the portal completes steps from what the pages show, each with its evidence', async () => {
      assert.equal((await message({ type: 'import-profile', text: JSON.stringify(TEAM) })).ok, true);
      await visit(ext, 'en/home.html');
      const fromPages = (p) =>
        Object.values(p.evidence)
          .filter((e) => e.path !== '')
          .map((e) => e.kind);
      assert.deepEqual(fromPages(await progress()), [], 'the home page is no evidence of anything');
      await visit(ext, 'en/welcome.html');
      await visit(ext, 'en/identifiers-cards.html');
      await visit(ext, 'en/legal-business-profile.html');
      await visit(ext, 'ja/legal-info-programs.html');
      let p = await until(progress, (x) => x.evidence['csp-status']?.value === 'pending');
      assert.equal(p.evidence['email-verification']?.value, 'pending');
      await visit(ext, 'en/legal-info-programs.html');
      await visit(ext, 'en/agreements.html');
      await visit(ext, 'ja/user-management.html');
      assert.equal((await progress()).evidence['admin-agent'], undefined, "another user's Admin agent role is not ours");
      await visit(ext, 'en/user-management.html');
      await visit(ext, 'ja/indirect-providers.html');
      await visit(ext, 'en/relationship-request.html', { act: (tab) => tab.click('#authorize') });
      await visit(ext, 'en/indirect-providers.html');
      p = await until(progress, (x) => x.evidence['distributor-listed']?.value === 'active');
      assert.deepEqual(Object.fromEntries(Object.entries(p.evidence).map(([k, v]) => [k, v.value])), {
        'account-seen': 'seen',
        'csp-status': 'active',
        'distributor-authorized': 'seen',
        'distributor-listed': 'active',
        'distributor-set': 'seen',
        'email-verification': 'verified',
        'enrollment-form-seen': 'seen',
        mpa: 'accepted',
        'admin-agent': 'seen',
        'pla-associated': 'seen',
        'pla-known': 'seen',
        'welcome-seen': 'seen',
      });
      assert.equal(p.evidence['csp-status'].path, '/dashboard/v2/account-settings/organization/legalinfo');
      assert.equal(
        p.evidence['distributor-authorized'].path,
        '/dashboard/v2/customers/indirectresellers/relationshiprequest/6f1c2a9e-0b7d-4c1e-9a53-2f8e7d6c5b4a',
      );

      const sidebar = await openUi('sidepanel.html');
      const states = await until(
        () => stepStates(sidebar),
        (s) => s['status-active'] === 'done',
      );
      assert.deepEqual(states, {
        'partner-program-membership': 'done',
        'open-welcome': 'done',
        'review-welcome': 'done',
        'sign-in-global-admin': 'done',
        'associate-pla': 'done',
        'legal-business-profile': 'todo',
        'primary-contact': 'done',
        'verify-email': 'done',
        'business-verification': 'done',
        'accept-mpa': 'done',
        'status-active': 'done',
        'admin-agent-role': 'done',
        'choose-distributor': 'done',
        'authorize-distributor': 'done',
        'distributor-listed': 'done',
        'share-associated-partner-id': 'todo',
        'stay-authorized': 'todo',
      });
      const evidence = await sidebar.$eval('[data-step="status-active"] [data-testid="evidence"]', (el) => el.textContent);
      assert.match(evidence, /^Seen “Active” on Legal info, \d{1,2} [A-Z][a-z]{2}\.$/);
      assert.match(
        await sidebar.$eval('[data-step="stay-authorized"] [data-testid="evidence"]', (el) => el.textContent),
        /mark it yourself/,
      );
      await sidebar.close();
    });

    it('the popup shows N of M, the next step and POR readiness', async () => {
      const popup = await openUi('popup.html');
      const done = await until(
        () => popup.$eval('[data-testid="progress"]', (el) => el.dataset.done),
        (d) => d === '14',
      );
      assert.equal(done, '14');
      assert.equal(await popup.$eval('[data-testid="next-step"]', (el) => el.dataset.step), 'legal-business-profile');
      assert.match(await popup.$eval('[data-testid="next-step"] .what-to-do', (el) => el.textContent), /exactly as registered/);
      const por = await popup.$$eval('[data-condition]', (els) => els.map((e) => `${e.dataset.condition}:${e.dataset.state}`));
      assert.deepEqual(por, ['pla:met', 'region:met', 'status:met', 'mpa:met', 'distributor:met']);
      await popup.close();
    });

    it('a Pending, Qualified or Rejected status moves the steps back, Rejected blocks them', async () => {
      const url = urlOf('en/legal-info-programs.html');
      const html = readFileSync(path.resolve('test/sandbox/en/legal-info-programs.html'), 'utf8');
      try {
        for (const [word, expected] of [
          ['Qualified', { 'business-verification': 'done', 'accept-mpa': 'done', 'status-active': 'in-progress' }],
          ['Rejected', { 'business-verification': 'blocked', 'status-active': 'blocked' }],
        ]) {
          servePage(url, html.replace('<span class="badge">Active</span>', `<span class="badge">${word}</span>`));
          await visit(ext, 'en/legal-info-programs.html');
          await until(progress, (x) => x.evidence['csp-status']?.value === word.toLowerCase());
          const sidebar = await openUi('sidepanel.html');
          const states = await stepStates(sidebar);
          for (const [step, status] of Object.entries(expected)) assert.equal(states[step], status, `${word}: ${step}`);
          await sidebar.close();
        }
      } finally {
        servePage(url, html);
        await visit(ext, 'en/legal-info-programs.html');
        await until(progress, (x) => x.evidence['csp-status']?.value === 'active');
      }
    });

    it('a hand-set state wins over evidence until it is reset to automatic', async () => {
      const sidebar = await openUi('sidepanel.html');
      const state = (step) => sidebar.$eval(`[data-step="${step}"]`, (el) => el.dataset.status);
      await sidebar.$eval('[data-step="legal-business-profile"] details', (el) => (el.open = true));
      await sidebar.click('[data-step="legal-business-profile"] [data-action="done"]');
      assert.equal(
        await until(
          () => state('legal-business-profile'),
          (s) => s === 'done',
        ),
        'done',
      );
      await sidebar.$eval('[data-step="accept-mpa"] details', (el) => (el.open = true));
      await sidebar.click('[data-step="accept-mpa"] [data-action="skipped"]');
      assert.equal(
        await until(
          () => state('accept-mpa'),
          (s) => s === 'skipped',
        ),
        'skipped',
        'a hand-set state beats the evidence',
      );
      assert.match(
        await sidebar.$eval('[data-step="accept-mpa"] [data-testid="evidence"]', (el) => el.textContent),
        /Set by hand: Skipped/,
      );
      const popup = await openUi('popup.html');
      assert.equal(
        await until(
          () => popup.$eval('[data-testid="next-step"]', (el) => el.dataset.step),
          (s) => s === 'share-associated-partner-id',
        ),
        'share-associated-partner-id',
      );
      await popup.close();
      await sidebar.click('[data-step="accept-mpa"] [data-action="auto"]');
      assert.equal(
        await until(
          () => state('accept-mpa'),
          (s) => s === 'done',
        ),
        'done',
        'back to what the evidence says',
      );
      await sidebar.click('[data-step="legal-business-profile"] [data-action="auto"]');
      assert.equal(
        await until(
          () => state('legal-business-profile'),
          (s) => s === 'todo',
        ),
        'todo',
      );
      await sidebar.close();
    });

    /** Each tab's badge text and colour, read through the extension (Chrome `action`, Firefox `browserAction`). */
    const readBadges = (urls) =>
      options.evaluate(async (byName) => {
        const action = globalThis.chrome?.action ?? browser.browserAction;
        // Tab URLs are not the extension's to read (Firefox has no host permission): ask the background
        // which portal page each tab reported.
        const urls = {};
        for (const tab of await browser.tabs.query({})) {
          const answer = await browser.runtime.sendMessage({ type: 'get-tab-state', tabId: tab.id });
          if (answer?.state && !answer.fromOtherTab) urls[answer.state.url] = tab.id;
        }
        const out = {};
        for (const [name, url] of Object.entries(byName)) {
          const tabId = urls[url];
          out[name] =
            tabId !== undefined ? [await action.getBadgeText({ tabId }), String(await action.getBadgeBackgroundColor({ tabId }))] : null;
        }
        return out;
      }, urls);
    const count = (marks, severity) => String(marks.filter((m) => m.severity === severity).length);

    it("the toolbar badge counts a tab's errors, else its warnings, and nothing on a clean tab", async () => {
      const tabs = {};
      for (const file of ['en/legal-business-profile.html', 'en/group-alias.html', 'en/home.html']) {
        tabs[file] = await openPortal(ext, urlOf(file));
        await tabs[file].waitForFunction(() => document.querySelector('csp-reseller-assistant') !== null, { timeout: 10000 });
      }
      await sleep(1500);
      const marks = {};
      for (const [file, tab] of Object.entries(tabs)) marks[file] = (await readMarks(tab)) ?? [];
      const errors = count(marks['en/legal-business-profile.html'], 'error');
      const warnings = count(marks['en/group-alias.html'], 'warning');
      assert.ok(
        Number(errors) >= 1 && count(marks['en/group-alias.html'], 'error') === '0' && Number(warnings) >= 1,
        JSON.stringify(marks),
      );
      const badges = await until(
        () => readBadges(Object.fromEntries(Object.keys(tabs).map((f) => [f, urlOf(f)]))),
        (b) => b['en/legal-business-profile.html']?.[0] === errors && b['en/group-alias.html']?.[0] === warnings,
      );
      assert.equal(badges['en/legal-business-profile.html'][0], errors, 'the number of errors');
      assert.match(badges['en/legal-business-profile.html'][1], /^197,15,31/, 'red');
      assert.equal(badges['en/group-alias.html'][0], warnings, 'no error: the number of warnings');
      assert.match(badges['en/group-alias.html'][1], /^138,83,0/, 'amber');
      assert.equal(badges['en/home.html'][0], '', 'nothing on a tab with nothing flagged');
      for (const tab of Object.values(tabs)) await tab.close();
    });

    it("the next step's button opens its page in the current portal tab", async () => {
      const tab = await openPortal(ext, urlOf('en/home.html'));
      const popup = await openUi('popup.html');
      await tab.bringToFront();
      await until(
        () =>
          popup.evaluate(
            () => document.querySelector('[data-testid="other-tab"]') === null && document.querySelector('#open-next') !== null,
          ),
        (x) => x === true,
      );
      await popup.evaluate(() => document.querySelector('#open-next').click());
      const url = await until(
        () => tab.url(),
        (u) => u.includes('/enrollment/legal-business-profile'),
      );
      assert.equal(url, 'https://partner.microsoft.com/en-us/dashboard/account/v3/enrollment/legal-business-profile');
      if (!popup.isClosed()) await popup.close();
      await tab.close();
    });

    if (kind === 'chromium') {
      it('the service worker stopped mid-flow: progress, counts and badge are intact', async () => {
        const tab = await openPortal(ext, urlOf('en/legal-business-profile.html'));
        await tab.waitForFunction(() => document.querySelector('csp-reseller-assistant') !== null, { timeout: 10000 });
        await sleep(800);
        const session = await ext.browser.target().createCDPSession();
        const { targetInfos } = await session.send('Target.getTargets');
        const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(ext.base));
        assert.ok(worker, 'the service worker runs');
        await session.send('Target.closeTarget', { targetId: worker.targetId });
        await sleep(300);
        await tab.bringToFront();
        const popup = await openUi('popup.html');
        assert.equal(
          await until(
            () => popup.$eval('[data-testid="progress"]', (el) => el.dataset.done),
            (d) => d === '14',
          ),
          '14',
        );
        const errors = count((await readMarks(tab)) ?? [], 'error');
        const badges = await readBadges({ form: urlOf('en/legal-business-profile.html') });
        assert.equal(badges.form[0], errors);
        assert.ok(Number(errors) >= 1);
        await popup.close();
        await tab.close();
      });
    }

    it('axe-core finds no serious or critical violation on the popup and the sidebar', async () => {
      for (const file of ['popup.html', 'sidepanel.html']) {
        const page = await openUi(file);
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        assert.deepEqual(await axe(page), [], file);
        await page.close();
      }
    });
  });

  describe(`${kind}: companion in Japanese`, () => {
    let ext;
    before(async () => {
      ext = await launch(kind, { lang: 'ja' });
    });
    after(async () => {
      await ext?.close();
    });

    it('popup and sidebar speak Japanese, and axe-core finds no serious or critical violation', async () => {
      await visit(ext, 'ja/agreements.html');
      for (const file of ['popup.html', 'sidepanel.html']) {
        const page = await ext.browser.newPage();
        await openExtensionPage(ext, page, file);
        await page.waitForSelector('[data-testid="progress"]', { timeout: 10000 });
        assert.equal(
          await page.evaluate(() => document.documentElement.lang),
          'ja',
          `${file}: the browser runs in Japanese (language pack installed)`,
        );
        assert.match(await page.$eval('.done-of', (el) => el.textContent), /^17 ステップ中 \d+ 完了$/);
        assert.deepEqual(await axe(page), [], file);
        await page.close();
      }
    });
  });
}

if (BROWSERS.includes('chromium')) {
  describe('chromium: restarting the browser', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csp-profile-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps the progress on the same profile directory', async () => {
      let ext = await launch('chromium', { userDataDir: dir });
      try {
        const page = await ext.browser.newPage();
        await openExtensionPage(ext, page, 'options.html');
        await page.evaluate(() => browser.runtime.sendMessage({ type: 'set-step-state', stepId: 'stay-authorized', state: 'done' }));
        await visit(ext, 'en/agreements.html');
        await until(
          () => page.evaluate(() => browser.runtime.sendMessage({ type: 'get-progress' })),
          (r) => r.progress.evidence.mpa?.value === 'accepted',
        );
      } finally {
        await ext.close();
      }
      ext = await launch('chromium', { userDataDir: dir });
      try {
        const page = await ext.browser.newPage();
        await openExtensionPage(ext, page, 'options.html');
        const { progress } = await page.evaluate(() => browser.runtime.sendMessage({ type: 'get-progress' }));
        assert.equal(progress.manual['stay-authorized']?.state, 'done');
        assert.equal(progress.evidence.mpa?.value, 'accepted');
      } finally {
        await ext.close();
      }
    });
  });
}
