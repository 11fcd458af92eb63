import type { Plugin } from 'vite';
/** The Vite plugin that drops the checks' test data from the extension's bundles (see the .mjs). */
export function stripCheckExamples(): Plugin;
