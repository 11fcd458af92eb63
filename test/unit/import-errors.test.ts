// Options and the first-run page say what is wrong with a team-profile file in plain words, in the UI's
// language, with the place in the file (#11).
import { describe, expect, it } from 'vitest';
import { addressOrder, checkImport } from '../../components/ui/import-errors';

describe('checkImport', () => {
  it('a good file has no problem', () => {
    expect(checkImport(JSON.stringify({ version: 1, partnerIds: [{ id: '7654321', type: 'location' }] }), 'en')).toEqual([]);
  });

  it('a wrong PartnerID type names the entry and what is expected, in English and Japanese', () => {
    const text = JSON.stringify({ version: 1, partnerIds: [{ id: '7654321', type: 'pla' }] });
    expect(checkImport(text, 'en')).toEqual(['PartnerIDs, entry 1, type: should be "global" (PGA, headquarters) or "location" (PLA).']);
    expect(checkImport(text, 'ja')).toEqual([
      'PartnerID › 1 件目 › 種類: "global" (PGA、本社) または "location" (PLA)を指定してください。',
    ]);
  });

  it('no developer text: no zod wording, no dotted paths', () => {
    const text = JSON.stringify({
      version: 1,
      partnerIds: [{ id: '12ab', type: 'global' }],
      company: { country: 'Japan', domains: ['@x'] },
      extra: 1,
    });
    for (const locale of ['en', 'ja'] as const) {
      const lines = checkImport(text, locale);
      expect(lines.length).toBe(4);
      for (const line of lines) expect(line).not.toMatch(/Invalid|expected one of|partnerIds\.0|\|/);
    }
    expect(checkImport(text, 'en')).toContain('the file as a whole: "extra" is not something a team profile holds (a typo?).');
  });

  it('broken JSON gives the line and column', () => {
    expect(checkImport('{\n  "version": 1,\n  oops\n}', 'en')[0]).toMatch(/at line 3, column 3/);
    expect(checkImport('{\n  "version": 1,\n  oops\n}', 'ja')[0]).toMatch(/3 行目 3 文字目/);
  });

  it('a newer file says to update the extension', () => {
    expect(checkImport('{"version": 9}', 'en')[0]).toMatch(/version 9, newer/);
  });
});

describe('addressOrder', () => {
  it('Japanese order for Japan, Western otherwise', () => {
    expect(addressOrder('Japan')).toEqual(['postalCode', 'state', 'city', 'line1', 'line2', 'country']);
    expect(addressOrder('日本')[0]).toBe('postalCode');
    expect(addressOrder('US')[0]).toBe('line1');
    expect(addressOrder(undefined)[0]).toBe('line1');
  });
});
