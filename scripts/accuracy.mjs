// The confusion table: for every check and language, how many planted issues are flagged or missed and how
// many marks are false, over (1) the checks' own examples (the unit fixtures) and (2) every sandbox page and
// flow case as the e2e run saw it in Chromium and Firefox (test-results/e2e-pages/*.jsonl, written by
// test/e2e/email.test.mjs and flows.test.mjs). It runs no browser itself: `npm test` runs it right after e2e.
//
//   node scripts/accuracy.mjs           prints the table; exits 1 on any miss, any false flag, or missing results
//   node scripts/accuracy.mjs --write   the same, and writes the table into README.md (between its markers)
//   node scripts/accuracy.mjs --fixtures-only   only the fixtures (no e2e results needed)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { countryData } from './country-data.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const BROWSERS = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** rows[check][lang][source] = { planted, flagged, quiet, falseFlags } */
const rows = new Map();
function cell(code, lang, source) {
  if (!rows.has(code)) rows.set(code, new Map());
  const byLang = rows.get(code);
  if (!byLang.has(lang)) byLang.set(lang, new Map());
  const bySource = byLang.get(lang);
  if (!bySource.has(source)) bySource.set(source, { planted: 0, flagged: 0, quiet: 0, falseFlags: 0 });
  return bySource.get(source);
}
const problems = [];

// ---- 1. Unit fixtures: each check's `examples` (flags: planted; passes: must stay quiet) ----
// The checks are TypeScript importing CSV and JSON: load them through Vite, as vitest does.
const server = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  plugins: [countryData()],
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
try {
  const { CHECKS } = await server.ssrLoadModule('/rules/checks/index.ts');
  const { runChecks } = await server.ssrLoadModule('/rules/run-checks.ts');
  // As the content script runs them: each check sees only the field kinds it reads.
  const issuesOf = (check, example) => runChecks([check], contextOf(example), 'en');
  const { contextOf } = await server.ssrLoadModule('/test/unit/support.ts');
  const langOf = (example) => (JAPANESE.test(JSON.stringify(example)) || /\/ja-jp\//.test(example.page?.path ?? '') ? 'ja' : 'en');
  for (const check of CHECKS) {
    for (const example of check.examples.flags) {
      const c = cell(check.code, langOf(example), 'fixtures');
      c.planted++;
      if (issuesOf(check, example).length > 0) c.flagged++;
      else problems.push(`fixture missed: ${check.code} ${JSON.stringify(example)}`);
    }
    for (const example of check.examples.passes) {
      const c = cell(check.code, langOf(example), 'fixtures');
      c.quiet++;
      const found = issuesOf(check, example).length;
      c.falseFlags += found;
      if (found) problems.push(`fixture false flag: ${check.code} ${JSON.stringify(example)}`);
    }
  }
} finally {
  await server.close();
}

// ---- 2. Sandbox pages and flows, per browser, from the e2e run ----
const dir = path.join(ROOT, 'test-results/e2e-pages');
const read = (name) => JSON.parse(readFileSync(path.join(ROOT, 'test/sandbox', name), 'utf8'));
const cases = [
  ...read('expectations.json')
    .filter((e) => !e.phases)
    .map((e) => ({ suite: 'pages', file: e.file, given: 'nothing' })),
  ...read('expectations-flows.json').map((e) => ({ suite: 'flows', file: e.file, given: e.given })),
];
if (!args.has('--fixtures-only')) {
  for (const browser of BROWSERS) {
    const records = [];
    for (const suite of ['pages', 'flows']) {
      const file = path.join(dir, `${suite}-${browser}.jsonl`);
      if (existsSync(file))
        records.push(
          ...readFileSync(file, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l)),
        );
    }
    const source = `sandbox-${browser}`;
    for (const c of cases) {
      if (!records.some((r) => r.suite === c.suite && r.file === c.file && r.given === c.given)) {
        problems.push(`no e2e result for ${c.file} (given ${c.given}) in ${browser}: run the e2e tests first`);
      }
    }
    for (const r of records) {
      const lang = r.file.startsWith('ja/') ? 'ja' : 'en';
      const seen = new Set(r.seen);
      const expected = new Set(r.expected);
      for (const key of expected) {
        const c = cell(key.split('|')[0], lang, source);
        c.planted++;
        if (seen.has(key)) c.flagged++;
        else problems.push(`${browser}: missed ${key} on ${r.file} (given ${r.given})`);
      }
      for (const key of seen) {
        if (expected.has(key)) continue;
        cell(key.split('|')[0], lang, source).falseFlags++;
        problems.push(`${browser}: false flag ${key} on ${r.file} (given ${r.given})`);
      }
      // Quiet cases: pages and flows where the check is expected to say nothing.
      const codes = new Set([...expected].map((k) => k.split('|')[0]));
      for (const [code] of rows) if (!codes.has(code)) cell(code, lang, source).quiet++;
    }
  }
  if (!existsSync(dir)) problems.push('no e2e results (test-results/e2e-pages/): run `npm run test:e2e` first');
}

// ---- The table ----
const sources = ['fixtures', ...(args.has('--fixtures-only') ? [] : BROWSERS.map((b) => `sandbox-${b}`))];
const title = { fixtures: 'Unit fixtures', 'sandbox-chromium': 'Sandbox, Chromium', 'sandbox-firefox': 'Sandbox, Firefox' };
const pct = (a, b) => (b === 0 ? '–' : `${Math.round((1000 * a) / b) / 10} %`);
const lines = [
  `| Check | Lang | ${sources.map((s) => `${title[s] ?? s}: flagged / planted (missed) · false flags / quiet cases`).join(' | ')} |`,
  `|---|---|${sources.map(() => '---').join('|')}|`,
];
const total = Object.fromEntries(sources.map((s) => [s, { planted: 0, flagged: 0, quiet: 0, falseFlags: 0 }]));
for (const code of [...rows.keys()].sort()) {
  for (const lang of ['en', 'ja']) {
    const bySource = rows.get(code).get(lang);
    if (!bySource) continue;
    const cols = sources.map((s) => {
      const c = bySource.get(s) ?? { planted: 0, flagged: 0, quiet: 0, falseFlags: 0 };
      for (const k of Object.keys(c)) total[s][k] += c[k];
      return `${c.flagged} / ${c.planted} (${c.planted - c.flagged}) · ${c.falseFlags} / ${c.quiet}`;
    });
    lines.push(`| \`${code}\` | ${lang} | ${cols.join(' | ')} |`);
  }
}
lines.push(
  `| **all** | | ${sources
    .map((s) => {
      const c = total[s];
      return `**${pct(c.flagged, c.planted)}** flagged (${c.flagged} / ${c.planted}) · **${c.falseFlags}** false flags`;
    })
    .join(' | ')} |`,
);
const table = lines.join('\n');
console.log(table);

if (args.has('--write')) {
  const readmePath = path.join(ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const begin = '<!-- accuracy:begin (npm run accuracy writes this table) -->';
  const end = '<!-- accuracy:end -->';
  const at = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (at < 0 || to < at) {
    problems.push('README.md has no accuracy markers');
  } else {
    writeFileSync(readmePath, `${readme.slice(0, at + begin.length)}\n${table}\n${readme.slice(to)}`);
    console.log('README.md: table written');
  }
}

if (problems.length > 0) {
  console.log(`\nAccuracy regressed (target: 100 % flagged, 0 false flags):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\nAccuracy: 100 % flagged, 0 false flags (${sources.join(', ')}).`);
