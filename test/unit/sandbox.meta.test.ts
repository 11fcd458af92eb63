// The sandbox portal holds every check to what it declares (`sandbox` on the check): the pages where e2e
// sees it flag, and the pages where it must stay quiet. And every routed page exists.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks';

const dir = new URL('../sandbox/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
type Expected = { code: string };
type Run = { file: string; expect: Expected[]; phases?: { expect: Expected[] }[] };
const routes: { url: string; file: string }[] = read('routes.json');
/** Every page run the e2e suites make (email.test.mjs walks the first file, flows.test.mjs the second). */
const runs: Run[] = [...read('expectations.json'), ...read('expectations-flows.json')];
const codesOf = (run: Run) => new Set([...run.expect, ...(run.phases ?? []).flatMap((p) => p.expect)].map((e) => e.code));

describe('sandbox portal', () => {
  it('every routed page exists, at a portal URL, once', () => {
    for (const r of routes) {
      expect(existsSync(new URL(r.file, dir)), r.file).toBe(true);
      expect(r.url).toMatch(/^https:\/\/partner\.microsoft\.com\//);
    }
    expect(new Set(routes.map((r) => r.url)).size).toBe(routes.length);
    expect(new Set(routes.map((r) => r.file)).size, 'one URL per page: e2e takes it from routes.json').toBe(routes.length);
  });

  it('every run is of a routed page, and says no URL of its own', () => {
    const files = new Set(routes.map((r) => r.file));
    for (const run of runs) {
      expect(files.has(run.file), run.file).toBe(true);
      expect(run).not.toHaveProperty('url');
    }
  });

  it('there are pages that must stay clean, in English and Japanese', () => {
    const clean = runs.filter((p) => codesOf(p).size === 0).map((p) => p.file);
    expect(clean.some((f) => f.startsWith('en/'))).toBe(true);
    expect(clean.some((f) => f.startsWith('ja/'))).toBe(true);
  });
});

describe.each(CHECKS.map((c) => [c.code, c] as const))('%s in the sandbox', (code, check) => {
  it('declares pages where it flags and pages where it stays quiet', () => {
    expect(check.sandbox.flags.length).toBeGreaterThan(0);
    expect(check.sandbox.quiet.length).toBeGreaterThan(0);
  });

  it.each(check.sandbox.flags)('flags on %s in an e2e run', (file) => {
    expect(
      runs.some((r) => r.file === file && codesOf(r).has(code)),
      `no run of ${file} expects ${code}`,
    ).toBe(true);
  });

  it.each(check.sandbox.quiet)('stays quiet on %s in an e2e run', (file) => {
    expect(
      runs.some((r) => r.file === file && !codesOf(r).has(code)),
      `every run of ${file} expects ${code}`,
    ).toBe(true);
  });
});
