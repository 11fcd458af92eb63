// Launches real Chromium or Firefox with the built extension installed. Shared by e2e tests, demo and bench.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GECKO_ID = 'csp-reseller-assistant@example.org';
/** Pinned moz-extension UUID, so extension pages have a known URL in Firefox. */
export const FIREFOX_UUID = '3f0c8c55-6f1e-4c3a-9d0b-6a2b7e5c1d42';
export const BUILD_DIRS = { chromium: '.output/chrome-mv3', firefox: '.output/firefox-mv2' };

function firstExisting(envVar, candidates, what) {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(`No ${what} found: install it (apt-get install ${what === 'Chromium' ? 'chromium' : 'firefox-esr'}) or set ${envVar}`);
  return found;
}

export const chromiumPath = () =>
  firstExisting(
    'CHROME_PATH',
    ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'],
    'Chromium',
  );
export const firefoxPath = () => firstExisting('FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox'], 'Firefox');

/** The built extension: `CSP_EXTENSION_DIR` (e.g. the benchmark's build, or an older build to compare) or the normal one. */
export function extensionDir(kind) {
  const dir = process.env.CSP_EXTENSION_DIR ? path.resolve(process.env.CSP_EXTENSION_DIR) : path.join(ROOT, BUILD_DIRS[kind]);
  if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`${dir} is not built: run npm run build first`);
  return dir;
}

/**
 * @param {'chromium'|'firefox'} kind
 * @param {{ headless?: boolean, lang?: string, userDataDir?: string }} [options] `lang` sets the browser UI
 *   language (Chromium: chromium-l10n; Firefox: a language pack, firefox-esr-l10n-ja). `userDataDir`
 *   (Chromium) keeps the profile, to restart the browser on it.
 */
export async function launch(kind, { headless = true, lang = 'en-US', userDataDir } = {}) {
  if (kind === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless,
      ...(userDataDir ? { userDataDir } : {}),
      pipe: true,
      enableExtensions: true,
      defaultViewport: { width: 1280, height: 900 },
      // On Linux, Chromium takes its UI language from LANGUAGE; --lang alone is not enough.
      env: { ...process.env, LANGUAGE: lang },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        `--lang=${lang}`,
      ],
    });
    const id = await browser.installExtension(extensionDir('chromium'));
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${id}/`), {
      timeout: 15000,
    });
    return { kind, browser, base: `chrome-extension://${id}`, worker, close: () => browser.close() };
  }
  const before = new Set(profiles());
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless,
    defaultViewport: { width: 1280, height: 900 },
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': lang,
      // Debian's language packs are installed for the whole system: let Firefox use them.
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
    },
  });
  // This launch's own profile (another run on the machine may have launched one meanwhile: never touch it).
  const own = profiles().filter((p) => !before.has(p));
  await browser.installExtension(extensionDir('firefox'));
  const close = async () => {
    try {
      await browser.close();
    } finally {
      // Best effort: Firefox may still be writing its telemetry store as it exits; a leftover temp folder
      // is no test failure.
      for (const p of own) {
        try {
          rmSync(path.join(tmpdir(), p), { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
        } catch (error) {
          console.warn(`could not remove ${p}: ${error.message}`);
        }
      }
    }
  };
  return { kind, browser, base: `moz-extension://${FIREFOX_UUID}`, worker: null, close };
}

function profiles() {
  return readdirSync(tmpdir()).filter((n) => n.startsWith('puppeteer_dev_firefox_profile-'));
}

/**
 * Opens an extension page in `page`. Firefox sends no load event for extension documents, so the
 * navigation is started without waiting and the document is polled until it is complete.
 */
export async function openExtensionPage(ext, page, file) {
  const url = `${ext.base}/${file}`;
  if (ext.kind === 'chromium') {
    await page.goto(url);
    return;
  }
  // Re-opening the URL already shown: the old document also says "complete" at that URL until it is
  // replaced, so it is marked first and the wait is for a document without the mark.
  await page
    .evaluate(() => {
      window.__cspOldDocument = true;
    })
    .catch(() => {});
  page.goto(url).catch(() => {});
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    try {
      if (await page.evaluate((u) => location.href === u && document.readyState === 'complete' && !window.__cspOldDocument, url)) return;
    } catch {
      // The realm is swapped during navigation: try again.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not load`);
}

/**
 * Closes the first-run page the extension opens on install (it takes the front tab: a page behind it gets
 * no animation frames and throttled timers, which a benchmark must not measure). Waits up to `ms` for it.
 */
export async function closeFirstRun(ext, ms = 5000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const welcome = (await ext.browser.pages()).find((p) => p.url().endsWith('/welcome.html'));
    if (welcome) {
      await welcome.close();
      return true;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * Firefox: runs `expression` (an async function's source, called) in the browser's own chrome scope, the
 * main window's, and resolves to its value. Possible because the tests' Firefox runs with
 * `--remote-allow-system-access` (launch above), which lets WebDriver BiDi evaluate there; nothing of it is
 * in the extension. Throws with BiDi's answer when the script fails.
 */
export async function evaluateInFirefoxChrome(ext, expression) {
  const connection = ext.browser.connection;
  const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  const { result } = await connection.send('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
  if (result.type !== 'success') throw new Error(`Firefox chrome scope: ${JSON.stringify(result).slice(0, 500)}`);
  return result.result.value;
}
