// The built manifests ask for no more than the product needs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BUILD_DIRS, GECKO_ID, ROOT } from './browsers.mjs';

const manifest = (kind) => JSON.parse(readFileSync(path.join(ROOT, BUILD_DIRS[kind], 'manifest.json'), 'utf8'));
const locales = (kind, lang) => JSON.parse(readFileSync(path.join(ROOT, BUILD_DIRS[kind], `_locales/${lang}/messages.json`), 'utf8'));

describe('built manifests', () => {
  it("Chrome MV3: storage, sidePanel, activeTab (the report's screenshot), and scripting + portal host access only to re-inject into open portal tabs", () => {
    const m = manifest('chromium');
    assert.equal(m.manifest_version, 3);
    // `scripting` and the portal host permission exist for one reason: after an install, reload or update,
    // Chromium leaves open portal tabs unchecked; the background injects the content script into them
    // (components/background/inject.ts). Nothing else uses them; the background makes no request.
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'scripting', 'sidePanel', 'storage']);
    assert.deepEqual(m.host_permissions, ['https://partner.microsoft.com/*']);
    assert.equal(m.optional_permissions, undefined);
    assert.deepEqual(
      m.content_scripts.map((c) => c.matches),
      [['https://partner.microsoft.com/*']],
    );
    assert.equal(m.side_panel.default_path, 'sidepanel.html');
    assert.equal(m.browser_specific_settings, undefined, 'no Firefox-only keys in the Chrome build');
  });

  it('Firefox MV2: storage and activeTab only (no host permission: the content script needs none), fixed add-on id, sidebar', () => {
    const m = manifest('firefox');
    assert.equal(m.manifest_version, 2);
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'storage']);
    assert.equal(m.host_permissions, undefined);
    assert.deepEqual(
      m.content_scripts.map((c) => c.matches),
      [['https://partner.microsoft.com/*']],
    );
    assert.equal(m.browser_specific_settings.gecko.id, GECKO_ID);
    assert.equal(m.sidebar_action.default_panel, 'sidepanel.html');
  });

  it('one keyboard command, the issue report, with a suggested shortcut and a localized description', () => {
    for (const kind of ['chromium', 'firefox']) {
      const m = manifest(kind);
      assert.deepEqual(Object.keys(m.commands), ['open-report']);
      assert.equal(m.commands['open-report'].suggested_key.default, 'Alt+Shift+R');
      for (const lang of ['en', 'ja']) assert.ok(locales(kind, lang).cmdOpenReport?.message, `${kind} ${lang} cmdOpenReport`);
    }
  });

  it('names and descriptions come from _locales in English and Japanese', () => {
    for (const kind of ['chromium', 'firefox']) {
      const m = manifest(kind);
      assert.equal(m.default_locale, 'en');
      assert.equal(m.name, '__MSG_extName__');
      for (const lang of ['en', 'ja']) {
        const messages = locales(kind, lang);
        for (const key of ['extName', 'extDescription', 'extActionTitle']) assert.ok(messages[key]?.message, `${kind} ${lang} ${key}`);
      }
      assert.ok(Object.keys(m.icons).length >= 3);
    }
  });

  it('the shipped content script carries no benchmark hooks and no zod', () => {
    for (const kind of ['chromium', 'firefox']) {
      const js = readFileSync(path.join(ROOT, BUILD_DIRS[kind], 'content-scripts/content.js'), 'utf8');
      assert.ok(js.includes('partner.microsoft.com'), `${kind}: this is the content script`);
      assert.doesNotMatch(js, /csp:scan|csp:check|performance\.measure/, `${kind}: benchmark hooks in the shipped bundle`);
      assert.doesNotMatch(js, /ZodError|zod/i, `${kind}: zod in the content script (import types only from components/contract)`);
      assert.doesNotMatch(js, /fabrikam|1 Microsoft Wy/, `${kind}: the checks' examples (test data) in the shipped bundle`);
    }
  });
});
