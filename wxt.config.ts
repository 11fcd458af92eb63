import { execFileSync } from 'node:child_process';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { countryData } from './scripts/country-data.mjs';
import { stripCheckExamples } from './scripts/strip-check-examples.mjs';

/** Fixed Firefox add-on id: it keeps storage and the moz-extension UUID stable across installs. */
export const GECKO_ID = 'csp-reseller-assistant@example.org';

const BENCH = process.env.CSP_BENCH === '1';

/**
 * Files git does not track (test results, local notes, node_modules, builds): kept out of the Firefox
 * sources zip, which is meant to be the repository's sources and nothing from this machine. Outside a git
 * checkout (e.g. a reviewer building from that zip) there is nothing to exclude.
 */
function untrackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '--others', '--directory', '--no-empty-directory'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean)
      .map((p) => (p.endsWith('/') ? `${p}**` : p));
  } catch {
    return [];
  }
}

// Explicit imports everywhere (imports: false): a newcomer can follow every name to its file.
export default defineConfig({
  imports: false,
  zip: { excludeSources: untrackedFiles() },
  modules: ['@wxt-dev/webextension-polyfill'],
  // CSP_BENCH=1 (npm run bench): the benchmark's timing hooks, built into .output/bench/ apart from the
  // extension users get. CSP_DEBUG_BUILD=1: readable bundles for profiling.
  ...(BENCH ? { outDir: '.output/bench' } : {}),
  vite: () => ({
    plugins: [preact(), countryData(), stripCheckExamples()],
    define: { __CSP_BENCH__: JSON.stringify(BENCH) },
    build: process.env.CSP_DEBUG_BUILD ? { minify: false } : {},
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Chromium: `scripting` and host access to the portal only to put the content script back into portal
    // tabs open across an install, reload or update (Chromium does not; Firefox does). Firefox needs
    // neither: its content script comes from `content_scripts` alone. See README, Permissions.
    // activeTab (both): only for the issue report's optional screenshot (tabs.captureVisibleTab), granted by
    // the user's own click on the toolbar button or the keyboard command, for that tab alone.
    permissions: browser === 'firefox' ? ['storage', 'activeTab'] : ['storage', 'scripting', 'activeTab'],
    ...(browser === 'firefox' ? {} : { host_permissions: ['https://partner.microsoft.com/*'] }),
    action: { default_title: '__MSG_extActionTitle__' },
    // The issue report for the current portal tab, from the keyboard (the README names the shortcut).
    commands: { 'open-report': { suggested_key: { default: 'Alt+Shift+R' }, description: '__MSG_cmdOpenReport__' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
