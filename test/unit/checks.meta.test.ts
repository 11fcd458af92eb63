// Conventions every check must follow, read from the folder itself: a check that breaks one fails here.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks';
import { runChecks } from '../../rules/run-checks';
import type { Check, CheckExample, FieldKind, Locale } from '../../rules/types';
import { contextOf } from './support';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ALL_KINDS: FieldKind[] = [
  'email',
  'primary-contact-email',
  'support-email',
  'partner-id',
  'company-name',
  'address-line1',
  'address-line2',
  'city',
  'state',
  'postal-code',
  'country',
  'phone',
  'duns',
  'unknown',
];
const LOCALES: Locale[] = ['en', 'ja'];

/** Runs one check the way the content script does: through `runChecks`, which hands it only the kinds it reads. */
const issuesOf = (check: Check, example: CheckExample, locale: Locale = 'en') =>
  runChecks([check], contextOf(example), locale, (code, e) => {
    throw new Error(`${code} threw: ${String(e)}`);
  });

const dir = new URL('../../rules/checks/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

describe('rules/checks/', () => {
  it.each(files)('%s is one check, named by its code, and registered', async (file) => {
    const module = (await import(`../../rules/checks/${file}`)) as Record<string, unknown>;
    const exported = Object.values(module).filter((v): v is Check => typeof v === 'object' && v !== null && 'code' in v && 'run' in v);
    expect(exported, 'exactly one check per file').toHaveLength(1);
    const [check] = exported;
    expect(`${check!.code}.ts`).toBe(file);
    expect(CHECKS).toContain(check);
  });

  it('registers nothing that is not a file of its own', () => {
    expect(CHECKS.map((c) => `${c.code}.ts`).sort()).toEqual([...files].sort());
  });
});

describe.each(CHECKS.map((c) => [c.code, c] as const))('%s', (code, check) => {
  it('has a stable kebab-case code, unique, documented in the README table', () => {
    expect(code).toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect(CHECKS.filter((c) => c.code === code)).toHaveLength(1);
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\| ${check.severity}`, 'm'));
    // A check that reads no field reads the page (a message the portal shows): its examples say so.
    if (check.reads.length === 0)
      for (const e of check.examples.flags) expect(e.page, 'a check reading no field flags from the page').toBeDefined();
    for (const kind of check.reads) expect(ALL_KINDS).toContain(kind);
  });

  it('flags each of its "flags" examples through runChecks, with en and ja messages', () => {
    expect(check.examples.flags.length).toBeGreaterThan(0);
    for (const example of check.examples.flags) {
      const en = issuesOf(check, example, 'en');
      const ja = issuesOf(check, example, 'ja');
      expect(en.length, JSON.stringify(example)).toBeGreaterThan(0);
      expect(ja.length).toBe(en.length);
      for (const issue of en) {
        expect(issue.code).toBe(code);
        expect(issue.message).not.toMatch(/undefined|\$\{|\[object /);
        expect(issue.message.length).toBeGreaterThan(30);
      }
      for (const issue of ja) {
        expect(issue.message).not.toMatch(/undefined|\$\{|\[object /);
        expect(issue.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    }
  });

  it('speaks in its own words for each severity (an info mark never repeats an error)', () => {
    for (const example of check.examples.flags) {
      const findings = check.run(contextOf(example));
      for (const locale of ['en', 'ja'] as const) {
        for (const a of findings) {
          for (const b of findings) {
            if ((a.severity ?? check.severity) !== (b.severity ?? check.severity)) {
              expect(check.messages[locale](a.params), JSON.stringify(example)).not.toBe(check.messages[locale](b.params));
            }
          }
        }
      }
    }
  });

  it('leaves each of its "passes" examples alone', () => {
    expect(check.examples.passes.length).toBeGreaterThan(0);
    for (const example of check.examples.passes) expect(issuesOf(check, example), JSON.stringify(example)).toEqual([]);
  });

  it('reads only what it declares: its flags examples go quiet when their fields are of kinds it does not read', () => {
    for (const example of check.examples.flags.filter((e) => e.fields.length > 0)) {
      const other = ALL_KINDS.find((k) => !check.reads.includes(k))!;
      const disguised = { ...example, fields: example.fields.map((f) => ({ ...f, kind: other })) };
      expect(issuesOf(check, disguised), JSON.stringify(disguised)).toEqual([]);
    }
  });

  it('never throws, whatever the fields hold', () => {
    for (const locale of LOCALES) {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...ALL_KINDS), fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (pairs) => {
          issuesOf(check, { fields: pairs.map(([kind, value]) => ({ kind, value })) }, locale);
        }),
        { numRuns: 150 },
      );
    }
    // Emails with arbitrary local parts and hosts.
    fc.assert(
      fc.property(fc.string(), fc.domain(), (local, host) => {
        issuesOf(check, { fields: [{ kind: 'primary-contact-email', value: `${local}@${host}` }] });
      }),
      { numRuns: 300 },
    );
  });
});
