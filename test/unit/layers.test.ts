// The layers are kept apart by lint, and lint is real: the same source passes in components/ and fails in
// rules/. (Run through ESLint's API on text, with the project's own config.)
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });
const problems = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
};

describe('rules/ stays pure (lint)', () => {
  it.each([
    ["import { sendFromPage } from '../components/send';", 'no-restricted-imports'],
    ["import { sendFromPage } from '../../components/send';", 'no-restricted-imports'],
    ["import type { Learned } from '../components/contract/page';", 'no-restricted-imports'],
    ["import main from '../entrypoints/content';", 'no-restricted-imports'],
    ["import { browser } from 'wxt/browser';", 'no-restricted-imports'],
    ["import { get } from 'idb-keyval';", 'no-restricted-imports'],
    ['export const title = () => document.title;', 'no-restricted-globals'],
    ['export const here = () => location.href;', 'no-restricted-globals'],
    ['export const send = () => chrome.runtime.id;', 'no-restricted-globals'],
    ["export const get = () => fetch('https://example.com');", 'no-restricted-globals'],
    ['export const isEl = (x: unknown) => x instanceof HTMLElement;', 'no-restricted-globals'],
  ])('%s is refused in rules/', async (code, rule) => {
    const found = await problems(`${code}\nexport {};\n`, 'rules/checks/probe.ts');
    expect(
      found.some((p) => p.startsWith(`${rule}:`)),
      found.join('\n'),
    ).toBe(true);
    // The same line is fine where the DOM and the browser belong.
    const above = await problems(`${code}\nexport {};\n`, 'components/page/probe.ts');
    expect(above.filter((p) => /restricted/.test(p))).toEqual([]);
  });

  it('pure code passes', async () => {
    expect(
      await problems(
        "import { fold } from '../text';\nexport const f = (s: string) => new URL(fold(s), 'https://x.example').host;\n",
        'rules/checks/probe.ts',
      ),
    ).toEqual([]);
  });
});
