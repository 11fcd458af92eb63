// Reading the extension's marks from a page, as a user would see them: beside which field, with what code.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openExtensionPage, ROOT } from './browsers.mjs';
import { interceptPortal } from './portal.mjs';

/**
 * Per-page results for `npm run accuracy`: one JSON line per sandbox page and case, with the marks expected
 * and the marks seen (`code|severity|value`). `open` starts a suite's file afresh.
 */
export function pageResults(suite, browser) {
  const dir = path.join(ROOT, 'test-results/e2e-pages');
  const file = path.join(dir, `${suite}-${browser}.jsonl`);
  return {
    open() {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, '');
    },
    record({ file: page, given = 'nothing', expected, seen }) {
      appendFileSync(file, `${JSON.stringify({ suite, browser, file: page, given, expected, seen })}\n`);
    },
  };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens a portal URL in a fresh tab with interception and the request log attached. */
export async function openPortal(ext, url, log = []) {
  const page = await ext.browser.newPage();
  await interceptPortal(page, log);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Every visible mark in the extension's shadow root, each matched to the field it sits beside (the field
 * whose box contains the mark's vertical centre and whose right edge is nearest to the mark).
 */
export function readMarks(page) {
  return page.evaluate(() => {
    const host = document.querySelector('csp-reseller-assistant');
    const root = host?.shadowRoot;
    if (!root) return null;
    const fields = [];
    const collect = (r) => {
      for (const el of r.querySelectorAll('*')) {
        if (el.matches('input, select, textarea')) fields.push(el);
        if (el.shadowRoot && el !== host) collect(el.shadowRoot);
      }
    };
    collect(document);
    return [...root.querySelectorAll('[data-issue-code]')]
      .filter((m) => !m.hidden)
      .map((m) => {
        const r = m.getBoundingClientRect();
        const cy = r.top + r.height / 2;
        let best = null;
        let bestDist = Infinity;
        for (const f of fields) {
          const fr = f.getBoundingClientRect();
          if (fr.height === 0 || cy < fr.top - 1 || cy > fr.bottom + 1) continue;
          const dist = Math.abs(r.left - fr.right);
          if (dist < bestDist) [best, bestDist] = [f, dist];
        }
        return {
          code: m.dataset.issueCode,
          severity: m.dataset.severity,
          value: best ? best.value : null,
          distance: Math.round(bestDist),
          label: m.getAttribute('aria-label'),
          role: m.tagName.toLowerCase(),
        };
      });
  });
}

/** Polls `readMarks` until `done(marks)` holds; returns the last marks either way. */
export async function waitForMarks(page, done, timeout = 6000) {
  const deadline = Date.now() + timeout;
  let marks = null;
  while (Date.now() < deadline) {
    try {
      marks = await readMarks(page);
      if (marks && done(marks)) return marks;
    } catch {
      // navigation in progress
    }
    await sleep(100);
  }
  return marks;
}

/** Sorted `code|severity|value` keys, for exact comparison with expectations. */
export const keys = (marks) => (marks ?? []).map((m) => `${m.code}|${m.severity}|${m.value}`).sort();
export const expectedKeys = (expect) => expect.map((e) => `${e.code}|${e.severity}|${e.value}`).sort();

/** Waits until the content script has run once (its host element exists), then lets lookups settle. */
export async function settle(page, ms = 1500) {
  await page.waitForFunction(() => document.querySelector('csp-reseller-assistant')?.shadowRoot != null, { timeout: 10000 });
  await sleep(ms);
}

/** A comma-separated list from the environment (E2E_BROWSERS, E2E_LANGS), else `fallback`'s. */
export const listFromEnv = (name, fallback) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Opens (or reloads) the options page in `page` and waits until it is ready: the tests' door to the background. */
export async function openOptions(ext, page) {
  await openExtensionPage(ext, page, 'options.html');
  await page.waitForSelector('#save', { timeout: 10000 });
  return page;
}

/** Messages to the background as the options page (`options()`) sends them, and the stored profile. */
export function viaOptions(options) {
  const message = (msg) => options().evaluate((m) => browser.runtime.sendMessage(m), msg);
  return { message, profile: async () => (await message({ type: 'get-profile' })).profile };
}
