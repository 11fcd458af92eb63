// The sandbox portal covers every check: each code has a page that triggers it in e2e, and every page
// that is routed exists.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks';

const dir = new URL('../sandbox/', import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(new URL(name, dir), 'utf8'));
const routes: { url: string; file: string }[] = read('routes.json');
const pages: { file: string; url: string; expect: { code: string }[] }[] = [...read('expectations.json'), ...read('expectations-flows.json')];
const e2eSources = readdirSync(new URL('../e2e/', import.meta.url))
  .filter((f) => f.endsWith('.test.mjs'))
  .map((f) => readFileSync(new URL(`../e2e/${f}`, import.meta.url), 'utf8'))
  .join('\n');

describe('sandbox portal', () => {
  it('every routed page exists, at a portal URL, once', () => {
    for (const r of routes) {
      expect(existsSync(new URL(r.file, dir)), r.file).toBe(true);
      expect(r.url).toMatch(/^https:\/\/partner\.microsoft\.com\//);
    }
    expect(new Set(routes.map((r) => r.url)).size).toBe(routes.length);
  });

  it('every expectation is about a routed page', () => {
    const files = new Set(routes.map((r) => r.file));
    for (const p of pages) expect(files.has(p.file), p.file).toBe(true);
  });

  it.each(CHECKS.map((c) => c.code))('%s is triggered by a sandbox page in e2e', (code) => {
    const inExpectations = pages.some((p) => p.expect.some((e) => e.code === code));
    const inE2e = e2eSources.includes(`'${code}'`);
    expect(inExpectations || inE2e).toBe(true);
  });

  it('there are pages that must stay clean, in English and Japanese', () => {
    const clean = pages.filter((p) => p.expect.length === 0).map((p) => p.file);
    expect(clean.some((f) => f.startsWith('en/'))).toBe(true);
    expect(clean.some((f) => f.startsWith('ja/'))).toBe(true);
  });
});
