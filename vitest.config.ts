import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { countryData } from './scripts/country-data.mjs';

export default defineConfig({
  plugins: [WxtVitest(), countryData()],
  define: { __CSP_BENCH__: 'false' },
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
  },
});
