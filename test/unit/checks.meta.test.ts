// Conventions every check must follow, checked for all of them at once.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../rules/checks';
import type { FieldKind } from '../../rules/types';
import { contextOf, field } from './support';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const ALL_KINDS: FieldKind[] = [
  'email', 'primary-contact-email', 'support-email', 'partner-id', 'company-name', 'address-line1', 'address-line2',
  'city', 'state', 'postal-code', 'country', 'phone', 'duns', 'unknown',
];

describe.each(CHECKS.map((c) => [c.code, c] as const))('%s', (code, check) => {
  it('has a stable kebab-case code, unique, documented in the README table', () => {
    expect(code).toMatch(/^[a-z]+(-[a-z]+)+$/);
    expect(CHECKS.filter((c) => c.code === code)).toHaveLength(1);
    expect(readme).toMatch(new RegExp(`^\\| \`${code}\` \\| ${check.severity}`, 'm'));
    expect(check.reads.length).toBeGreaterThan(0);
  });

  it('flags each of its "flags" examples, with en and ja messages', () => {
    expect(check.examples.flags.length).toBeGreaterThan(0);
    for (const example of check.examples.flags) {
      const findings = check.run(contextOf(example));
      expect(findings.length, JSON.stringify(example)).toBeGreaterThan(0);
      for (const f of findings) {
        const en = check.messages.en(f.params);
        const ja = check.messages.ja(f.params);
        expect(en).not.toMatch(/undefined|\$\{/);
        expect(ja).not.toMatch(/undefined|\$\{/);
        expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(en.length).toBeGreaterThan(30);
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
    for (const example of check.examples.passes) expect(check.run(contextOf(example)), JSON.stringify(example)).toEqual([]);
  });

  it('never throws, whatever the fields hold', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...ALL_KINDS), fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (pairs) => {
        const ctx = contextOf({ fields: pairs.map(([kind, value]) => ({ kind, value })) });
        for (const f of check.run(ctx)) {
          check.messages.en(f.params);
          check.messages.ja(f.params);
        }
      }),
      { numRuns: 300 },
    );
    // Emails with arbitrary local parts and hosts.
    fc.assert(
      fc.property(fc.string(), fc.domain(), (local, host) => {
        check.run(contextOf({ fields: [{ kind: 'primary-contact-email', value: `${local}@${host}` }] }));
      }),
      { numRuns: 300 },
    );
  });
});

it('every field a check reads is a known kind', () => {
  for (const check of CHECKS) for (const kind of check.reads) expect(ALL_KINDS).toContain(kind);
  expect(field('email', 'x').kind).toBe('email');
});
