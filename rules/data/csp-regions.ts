import csv from './csp-regions-2023-08-17.csv?raw';

/**
 * Country/region → CSP region, as versioned data. To update: drop Microsoft's newer table in this folder
 * in the same five columns, point the import above and `source` below at it. No code changes.
 */
export const CSP_REGION_SOURCE = {
  date: '2023-08-17',
  title: 'Microsoft Partner Center: regional markets and currencies',
  csv,
};
