import type { Plugin } from 'vite';
/** The Vite plugin that provides `virtual:country-data` (see country-data.mjs). */
export function countryData(): Plugin;
