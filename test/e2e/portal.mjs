// Serves the sandbox portal pages at the portal's real URLs by request interception, and logs every request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browsers.mjs';

export const PORTAL = 'https://partner.microsoft.com';
const SANDBOX = path.join(ROOT, 'test/sandbox');
export const routes = JSON.parse(readFileSync(path.join(SANDBOX, 'routes.json'), 'utf8'));

/** Extra pages a test serves on top of the sandbox (e.g. generated forms): url → html. */
const extra = new Map();
export function servePage(url, html) {
  extra.set(stripQuery(url), html);
}

/** The URL a sandbox page is served at (routes.json is the one place that says it). */
export function urlOf(file) {
  const route = routes.find((r) => r.file === file);
  if (!route) throw new Error(`${file} is not routed in test/sandbox/routes.json`);
  return route.url;
}

function stripQuery(url) {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

function fixtureFor(url) {
  const key = stripQuery(url);
  if (extra.has(key)) return extra.get(key);
  const route = routes.find((r) => stripQuery(r.url) === key);
  return route ? readFileSync(path.join(SANDBOX, route.file), 'utf8') : null;
}

/**
 * Sets up interception on a page: portal navigations get the fixture, other portal URLs 404, everything
 * else continues (extension resources). Every request URL is pushed to `log`.
 */
export async function interceptPortal(page, log = []) {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const url = req.url();
    log.push({ url, navigation: req.isNavigationRequest() });
    if (req.isNavigationRequest() && extra.has(stripQuery(url))) {
      void req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: extra.get(stripQuery(url)) });
      return;
    }
    if (url.startsWith(`${PORTAL}/`) || url === PORTAL) {
      const html = req.isNavigationRequest() ? fixtureFor(url) : null;
      void (html === null
        ? req.respond({ status: 404, contentType: 'text/plain', body: 'not in sandbox' })
        : req.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      return;
    }
    void req.continue();
  });
  return log;
}

/**
 * Whether a logged request is allowed: the extension's own resources, or a navigation to a page the sandbox
 * serves (made by the test itself). Anything else (a fetch to any host, the portal included) is a leak.
 */
export function isAllowedRequest({ url, navigation }) {
  if (/^(chrome-extension|moz-extension|data|blob|about):/.test(url)) return true;
  return navigation && url.startsWith(`${PORTAL}/`) && fixtureFor(url) !== null;
}
