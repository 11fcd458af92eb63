import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Globals a browser has and the language does not (document, window, fetch, chrome, browser …). */
const LANGUAGE = new Set([
  ...Object.keys(globals.es2025),
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'structuredClone',
  'Intl',
  'console',
  'queueMicrotask',
]);
const BROWSER_ONLY = [...new Set([...Object.keys(globals.browser), ...Object.keys(globals.webextensions), 'chrome', 'browser'])].filter(
  (n) => !LANGUAGE.has(n),
);

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', 'node_modules/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['test/**/*.{mjs,js}', 'scripts/**/*.mjs', '.ci/**', '*.cjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.webextensions } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // rules/ is pure: no DOM, no browser API, nothing from the layers above it. Every browser global that
    // is not part of the language itself is refused, and so is an import of components/, entrypoints/,
    // WXT or a browser library.
    files: ['rules/**/*.ts'],
    languageOptions: { globals: { URL: 'readonly' } },
    rules: {
      'no-restricted-globals': [
        'error',
        ...BROWSER_ONLY.map((name) => ({ name, message: 'rules/ is pure: pass what the page says in as data.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/components', '**/components/**', '**/entrypoints', '**/entrypoints/**'],
              message: 'rules/ never imports the layers above it.',
            },
            {
              group: ['wxt', 'wxt/*', 'webextension-polyfill', '@wxt-dev/*', 'idb-keyval', 'preact', 'preact/*'],
              message: 'rules/ uses no browser or UI library.',
            },
          ],
        },
      ],
    },
  },
);
