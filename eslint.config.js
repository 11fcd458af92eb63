import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // rules/ is pure: no DOM, no browser API.
    files: ['rules/**/*.ts'],
    languageOptions: { globals: { URL: 'readonly' } },
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator', 'localStorage', 'indexedDB'],
      'no-restricted-imports': ['error', { patterns: ['wxt/*', 'webextension-polyfill', 'idb-keyval', 'preact*'] }],
    },
  },
);
