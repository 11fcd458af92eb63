import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAddresses, parseAddressLines } from '../../rules/address/compare';
import {
  kanjiNumber,
  normalizeCity,
  normalizeCountry,
  normalizeLine,
  normalizeState,
  samePart,
  samePostalCode,
} from '../../rules/address/normalize';
import { addressDiffersFromVerified as check } from '../../rules/checks/address-differs-from-verified';
import type { AddressPart, AddressParts, CheckContext } from '../../rules/types';
import { field } from './support';

const same = (part: AddressPart, a: string, b: string, country?: string) => expect(samePart(part, a, b, country), `${a} / ${b}`);

describe('street lines', () => {
  it.each([
    ['1 Microsoft Wy', '1 Microsoft Way'],
    ['100 Main St.', '100 MAIN STREET'],
    ['5 Park Ave', '5 Park Avenue'],
    ['2 Mill Rd', '2 Mill Road'],
    ['9 Sunset Blvd', '9 Sunset Boulevard'],
    ['3 Oak Dr', '3 Oak Drive'],
    ['4 Elm Ln', '4 Elm Lane'],
    ['6 King Ct', '6 King Court'],
    ['7 Lake Pkwy', '7 Lake Parkway'],
    ['8 Pacific Hwy', '8 Pacific Highway'],
    ['10 Market Pl', '10 Market Place'],
    ['11 Union Sq', '11 Union Square'],
    ['Ste 100', 'Suite 100'],
    ['Fl 5', 'Floor 5'],
    ['Bldg 4', 'Building 4'],
    ['Apt 2B', 'Apartment 2B'],
    ['Rm 301', 'Room 301'],
    ['Dept 7', 'Department 7'],
    ['410 Terry Ave N', '410 Terry Avenue North'],
    ['1 Main St S', '1 Main Street South'],
    ['2 E Pike St', '2 East Pike Street'],
    ['3 W 4th St', '3 West 4th Street'],
    ['500 108th Ave NE', '500 108th Avenue Northeast'],
    ['1 NW Blvd', '1 Northwest Blvd'],
    ['1 SE Rd', '1 Southeast Rd'],
    ['1 SW Rd', '1 Southwest Rd'],
  ])('abbreviation: %s = %s', (a, b) => same('line1', a, b).toBe(true));

  it.each([
    ['1 Microsoft Way, Suite #100', '1 microsoft way suite 100'],
    ['１　Ｍｉｃｒｏｓｏｆｔ　Ｗａｙ', '1 Microsoft Way'],
    ['  1   Microsoft  Way ', '1 Microsoft Way'],
    ['One Microsoft Way', '1 Microsoft Way'],
    ['350 Fifth Ave', '350 5th Avenue'],
    ["O'Farrell St", 'OFarrell Street'],
    ['P.O. Box 12', 'PO Box 12'],
    ['Ste100', 'Suite 100'],
    ['5th Floor', 'Floor 5'],
    ['Friedrichstraße 43', 'FRIEDRICHSTRASSE 43'],
    ['Rue de Rivoli 1', 'Rue de Rivoli 1'],
    ['12–34 Main St', '12-34 Main St'],
  ])('punctuation, width, numbers: %s = %s', (a, b) => same('line1', a, b).toBe(true));

  it.each([
    ['千代田1丁目1番1号', '千代田1-1-1'],
    ['千代田１丁目１番１号', '千代田1-1-1'],
    ['千代田一丁目1番1号', '千代田1-1-1'],
    ['千代田十二丁目3番地4', '千代田12-3-4'],
    ['千代田二十丁目3番', '千代田20-3'],
    ['千代田1丁目2番地の3', '千代田1-2-3'],
    ['千代田１ー１ー１', '千代田1-1-1'],
    ['千代田1−1−1', '千代田1‐1‐1'],
    ['千代田1–1—1', '千代田1ｰ1－1'],
    ['〒千代田1-1', '千代田1-1'],
    ['千代田1-1-1 千代田ビル 5階', '千代田1-1-1千代田ビル5F'],
    ['千代田ビル5F', '千代田ビル 5 階'],
    ['港南二丁目16番3号', '港南2-16-3'],
    ['千代田3番1号2階', '千代田3-1 2F'],
  ])('Japanese blocks: %s = %s', (a, b) => same('line1', a, b).toBe(true));

  it.each([
    ['1 Microsoft Way', '2 Microsoft Way'],
    ['1 Microsoft Way', '1 Microsoft Ave'],
    ['Suite 100', 'Suite 1000'],
    ['千代田1-1-1', '千代田1-1-2'],
    ['千代田1-1-1', '千代田111'],
    ['1号館', '1'],
    ['千代田ビル5階', '千代田ビル15階'],
    ['Ste 100', 'Apt 100'],
    ['千代田3番1号2階', '千代田3-12階'],
  ])('material: %s ≠ %s', (a, b) => same('line1', a, b).toBe(false));

  it('reads kanji numbers 1–20 and beyond', () => {
    const kanji = [
      '一',
      '二',
      '三',
      '四',
      '五',
      '六',
      '七',
      '八',
      '九',
      '十',
      '十一',
      '十二',
      '十三',
      '十四',
      '十五',
      '十六',
      '十七',
      '十八',
      '十九',
      '二十',
    ];
    kanji.forEach((k, i) => {
      expect(kanjiNumber(k)).toBe(i + 1);
      expect(normalizeLine(`千代田${k}丁目`)).toBe(normalizeLine(`千代田${i + 1}丁目`));
    });
    expect(kanjiNumber('二十三')).toBe(23);
    expect(kanjiNumber('百五')).toBe(105);
    expect(kanjiNumber('一〇')).toBe(10);
    expect(kanjiNumber('')).toBeNull();
  });
});

describe('cities', () => {
  it.each([
    ['St. Louis', 'Saint Louis'],
    ['Ft Worth', 'Fort Worth'],
    ['N Bend', 'North Bend'],
    ['REDMOND', 'Redmond'],
    ['Chiyoda-ku', 'chiyoda ku'],
    ['千代田区', '千代田区 '],
    ['Montréal', 'Montreal'],
  ])('%s = %s', (a, b) => expect(normalizeCity(a)).toBe(normalizeCity(b)));
  it('another city is another city', () => expect(normalizeCity('Redmond')).not.toBe(normalizeCity('Bellevue')));
});

describe('states, provinces, prefectures', () => {
  it.each([
    ['WA', 'Washington'],
    ['wa', 'WASHINGTON'],
    ['NY', 'New York'],
    ['DC', 'District of Columbia'],
    ['DC', 'Washington, D.C.'],
    ['PR', 'Puerto Rico'],
    ['GU', 'Guam'],
    ['VI', 'U.S. Virgin Islands'],
    ['AS', 'American Samoa'],
    ['MP', 'Northern Mariana Islands'],
    ['US-CA', 'California'],
  ])('US: %s = %s', (a, b) => expect(normalizeState(a, 'US')).toBe(normalizeState(b, 'US')));

  it('knows all 50 states and DC by code and name', () => {
    const names = [
      'alabama',
      'alaska',
      'arizona',
      'arkansas',
      'california',
      'colorado',
      'connecticut',
      'delaware',
      'florida',
      'georgia',
      'hawaii',
      'idaho',
      'illinois',
      'indiana',
      'iowa',
      'kansas',
      'kentucky',
      'louisiana',
      'maine',
      'maryland',
      'massachusetts',
      'michigan',
      'minnesota',
      'mississippi',
      'missouri',
      'montana',
      'nebraska',
      'nevada',
      'new hampshire',
      'new jersey',
      'new mexico',
      'new york',
      'north carolina',
      'north dakota',
      'ohio',
      'oklahoma',
      'oregon',
      'pennsylvania',
      'rhode island',
      'south carolina',
      'south dakota',
      'tennessee',
      'texas',
      'utah',
      'vermont',
      'virginia',
      'washington',
      'west virginia',
      'wisconsin',
      'wyoming',
      'district of columbia',
    ];
    const ids = new Set(names.map((n) => normalizeState(n, 'US')));
    expect(ids.size).toBe(51);
    for (const id of ids) expect(id).toMatch(/^US-[A-Z]{2}$/);
  });

  it.each([
    ['ON', 'Ontario'],
    ['QC', 'Québec'],
    ['QC', 'Quebec'],
    ['BC', 'British Columbia'],
    ['NL', 'Newfoundland and Labrador'],
    ['PE', 'Prince Edward Island'],
    ['NT', 'Northwest Territories'],
    ['YT', 'Yukon'],
    ['NU', 'Nunavut'],
    ['AB', 'ALBERTA'],
  ])('Canada: %s = %s', (a, b) => expect(normalizeState(a, 'CA')).toBe(normalizeState(b, 'CA')));

  it.each([
    ['東京都', '東京'],
    ['東京都', 'Tokyo'],
    ['東京都', 'Tokyo-to'],
    ['東京都', 'TOKYO TO'],
    ['東京都', 'Tōkyō'],
    ['大阪府', '大阪'],
    ['大阪府', 'Osaka'],
    ['大阪府', 'Osaka-fu'],
    ['京都府', '京都'],
    ['京都府', 'Kyoto Prefecture'],
    ['北海道', 'Hokkaido'],
    ['北海道', 'Hokkaidō'],
    ['神奈川県', '神奈川'],
    ['神奈川県', 'Kanagawa-ken'],
    ['兵庫県', 'Hyōgo'],
    ['高知県', 'Kouchi'],
    ['大分県', 'Ōita'],
    ['沖縄県', 'Okinawa'],
    ['東京都', 'JP-13'],
  ])('Japan: %s = %s', (a, b) => expect(normalizeState(a, 'JP')).toBe(normalizeState(b, 'JP')));

  it('knows all 47 prefectures', () => {
    const ids = new Set(
      [
        '北海道',
        '青森',
        '岩手',
        '宮城',
        '秋田',
        '山形',
        '福島',
        '茨城',
        '栃木',
        '群馬',
        '埼玉',
        '千葉',
        '東京',
        '神奈川',
        '新潟',
        '富山',
        '石川',
        '福井',
        '山梨',
        '長野',
        '岐阜',
        '静岡',
        '愛知',
        '三重',
        '滋賀',
        '京都',
        '大阪',
        '兵庫',
        '奈良',
        '和歌山',
        '鳥取',
        '島根',
        '岡山',
        '広島',
        '山口',
        '徳島',
        '香川',
        '愛媛',
        '高知',
        '福岡',
        '佐賀',
        '長崎',
        '熊本',
        '大分',
        '宮崎',
        '鹿児島',
        '沖縄',
      ].map((p) => normalizeState(p)),
    );
    expect(ids.size).toBe(47);
    for (const id of ids) expect(id).toMatch(/^JP-\d\d$/);
  });

  it('without a country, still reads codes and names', () => {
    expect(normalizeState('Washington')).toBe('US-WA');
    expect(normalizeState('Ontario')).toBe('CA-ON');
    expect(normalizeState('Tokyo-to')).toBe('JP-13');
  });

  it.each([
    ['WA', 'OR', 'US'],
    ['東京都', '大阪府', 'JP'],
    ['ON', 'QC', 'CA'],
    ['Bayern', 'Berlin', 'DE'],
  ])('%s ≠ %s', (a, b, c) => expect(normalizeState(a, c)).not.toBe(normalizeState(b, c)));
});

describe('postal codes', () => {
  it.each([
    ['98052', '98052-8300', 'US'],
    ['98052', '980528300', 'US'],
    ['98052-6399', '98052 6399', 'US'],
    ['98052', '98052-6399', undefined],
    ['1000001', '100-0001', 'JP'],
    ['〒100-0001', '1000001', 'JP'],
    ['１００－０００１', '100-0001', 'JP'],
    ['100ー0001', '100-0001', 'JP'],
    ['k1a0b1', 'K1A 0B1', 'CA'],
    ['K1A-0B1', 'K1A 0B1', 'CA'],
    ['sw1a1aa', 'SW1A 1AA', 'GB'],
    ['10117', '10 117', 'DE'],
    ['75008', '75008', 'FR'],
  ])('%s = %s (%s)', (a, b, c) => expect(samePostalCode(a, b, c)).toBe(true));

  it.each([
    ['98052', '98053', 'US'],
    ['98052-8300', '98053-8300', 'US'],
    ['1000001', '1000002', 'JP'],
    ['K1A 0B1', 'K1A 0B2', 'CA'],
    ['SW1A 1AA', 'SW1A 2AA', 'GB'],
    ['12345', '12345-6789', 'DE'],
  ])('%s ≠ %s (%s)', (a, b, c) => expect(samePostalCode(a, b, c)).toBe(false));
});

describe('countries', () => {
  it.each([
    ['United States', 'US'],
    ['米国', 'USA'],
    ['アメリカ合衆国', 'united states of america'],
    ['日本', 'Japan'],
    ['JPN', 'ｊｐ'],
    ['Deutschland', 'Deutschland'],
  ])('%s = %s', (a, b) => expect(normalizeCountry(a)).toBe(normalizeCountry(b)));
  it('another country is another country', () => expect(normalizeCountry('Canada')).not.toBe(normalizeCountry('US')));
});

describe('compareAddresses', () => {
  const redmond: AddressParts = {
    line1: '1 Microsoft Way',
    city: 'Redmond',
    state: 'WA',
    postalCode: '98052-6399',
    country: 'United States',
  };

  it('lists nothing for the same text', () => expect(compareAddresses(redmond, { ...redmond, city: ' Redmond ' })).toEqual([]));

  it('tells standardization from material differences, part by part', () => {
    const entered = { ...redmond, line1: '1 Microsoft Wy', city: 'Bellevue', postalCode: '98052', country: 'US' };
    expect(compareAddresses(entered, redmond)).toEqual([
      { part: 'line1', entered: '1 Microsoft Wy', verified: '1 Microsoft Way', material: false },
      { part: 'city', entered: 'Bellevue', verified: 'Redmond', material: true },
      { part: 'postalCode', entered: '98052', verified: '98052-6399', material: false },
      { part: 'country', entered: 'US', verified: 'United States', material: false },
    ]);
  });

  it('a Japanese address in both notations differs only by standardization', () => {
    const entered = { line1: '千代田一丁目１番１号', city: '千代田区', state: '東京', postalCode: '〒1000001', country: '日本' };
    const verified = { line1: '千代田1-1-1', city: '千代田区', state: '東京都', postalCode: '100-0001', country: 'Japan' };
    const diffs = compareAddresses(entered, verified);
    expect(diffs.map((d) => d.part)).toEqual(['line1', 'state', 'postalCode', 'country']);
    expect(diffs.every((d) => !d.material)).toBe(true);
  });

  it('another ZIP5, street number or state is material', () => {
    expect(compareAddresses({ ...redmond, postalCode: '98053' }, redmond)).toMatchObject([{ part: 'postalCode', material: true }]);
    expect(compareAddresses({ ...redmond, line1: '2 Microsoft Way' }, redmond)).toMatchObject([{ part: 'line1', material: true }]);
    expect(compareAddresses({ ...redmond, state: 'OR' }, redmond)).toMatchObject([{ part: 'state', material: true }]);
  });

  it('a suite moved between line 1 and line 2 is standardization', () => {
    const entered = { ...redmond, line1: '1 Microsoft Way', line2: 'Ste 100' };
    const verified = { ...redmond, line1: '1 Microsoft Way Suite 100' };
    expect(compareAddresses(entered, verified)).toEqual([
      { part: 'line1', entered: '1 Microsoft Way', verified: '1 Microsoft Way Suite 100', material: false },
      { part: 'line2', entered: 'Ste 100', verified: '', material: false },
    ]);
    const swapped = compareAddresses({ ...redmond, line1: 'Bldg 5', line2: '1 Microsoft Way' }, { ...redmond, line2: 'Building 5' });
    expect(swapped.map((d) => d.material)).toEqual([false, false]);
  });

  it('a line 2 added by the service is material unless line 1 carries it', () => {
    expect(compareAddresses(redmond, { ...redmond, line2: 'Suite 100' })).toMatchObject([{ part: 'line2', material: true }]);
    const diffs = compareAddresses(
      { ...redmond, line1: 'Bldg 5, 1 Microsoft Way' },
      { ...redmond, line1: '1 Microsoft Way', line2: 'Building 5' },
    );
    expect(diffs).toMatchObject([
      { part: 'line1', material: false },
      { part: 'line2', material: false },
    ]);
    const partial = compareAddresses({ ...redmond, line1: '1 Microsoft Way Suite 100' }, { ...redmond, line2: 'Suite 1' });
    expect(partial.find((d) => d.part === 'line2')?.material).toBe(true);
  });

  it('parts on one side only: missing state is not material, missing city, postal code, line 1 or country is', () => {
    const { state: _state, ...noState } = redmond;
    expect(compareAddresses(noState, redmond)).toMatchObject([{ part: 'state', material: false }]);
    for (const part of ['line1', 'city', 'postalCode', 'country'] as const) {
      expect(compareAddresses({ ...redmond, [part]: '' }, redmond), part).toMatchObject([{ part, material: true }]);
      expect(compareAddresses(redmond, { ...redmond, [part]: undefined }), part).toMatchObject([{ part, material: true }]);
    }
    expect(compareAddresses({ ...redmond, line2: ' , ' }, redmond)).toMatchObject([{ part: 'line2', material: false }]);
  });
});

describe('parseAddressLines', () => {
  it.each<[string[], AddressParts]>([
    [
      ['1 Microsoft Way', 'Suite 100', 'Redmond, WA 98052-6399', 'United States'],
      { line1: '1 Microsoft Way', line2: 'Suite 100', city: 'Redmond', state: 'WA', postalCode: '98052-6399', country: 'United States' },
    ],
    [['1 Microsoft Way', 'Redmond WA 98052'], { line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052' }],
    [
      ['1 Microsoft Way, Redmond, WA 98052, USA'],
      { line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'USA' },
    ],
    [
      ['111 Wellington St', 'Ottawa ON K1A 0A9', 'Canada'],
      { line1: '111 Wellington St', city: 'Ottawa', state: 'ON', postalCode: 'K1A 0A9', country: 'Canada' },
    ],
    [
      ['10 Downing Street', 'London', 'SW1A 2AA', 'United Kingdom'],
      { line1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'United Kingdom' },
    ],
    [
      ['Friedrichstraße 43', '10117 Berlin', 'Germany'],
      { line1: 'Friedrichstraße 43', city: 'Berlin', postalCode: '10117', country: 'Germany' },
    ],
    [['Rue de Rivoli 1', 'Paris 75001', 'France'], { line1: 'Rue de Rivoli 1', city: 'Paris', postalCode: '75001', country: 'France' }],
    [
      ['1-1 Chiyoda, Chiyoda-ku', 'Tokyo 100-0001', 'Japan'],
      { line1: '1-1 Chiyoda', city: 'Chiyoda-ku', state: 'Tokyo', postalCode: '100-0001', country: 'Japan' },
    ],
    [
      ['〒100-0001', '東京都千代田区千代田1-1', '千代田ビル5階', '日本'],
      { postalCode: '100-0001', state: '東京都', city: '千代田区', line1: '千代田1-1', line2: '千代田ビル5階', country: '日本' },
    ],
    [
      ['日本', '〒530-0001 大阪府大阪市北区梅田3-1-1'],
      { postalCode: '530-0001', state: '大阪府', city: '大阪市北区', line1: '梅田3-1-1', country: '日本' },
    ],
    [
      ['〒100-0001', '東京都', '千代田区', '千代田１－１'],
      { postalCode: '100-0001', state: '東京都', city: '千代田区', line1: '千代田1-1' },
    ],
    [
      ['〒２２０－００１２', '神奈川県横浜市西区みなとみらい2-2-1', 'Japan'],
      { postalCode: '220-0012', state: '神奈川県', city: '横浜市西区', line1: 'みなとみらい2-2-1', country: 'Japan' },
    ],
    [['Japan'], { country: 'Japan' }],
    [[], {}],
    [['', '  '], {}],
  ])('%j', (lines, parts) => expect(parseAddressLines(lines)).toEqual(parts));

  it('never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 60 }), { maxLength: 6 }), (lines) => void parseAddressLines(lines)),
    );
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom('〒', '100-0001', '東京都', '区', '市', ',', 'WA 98052', 'Japan', ' ', '1-1', 'K1A 0B1'), { maxLength: 8 })
          .map((a) => [a.join('')]),
        (lines) => void parseAddressLines(lines),
      ),
    );
  });
});

describe('the address-differs-from-verified check', () => {
  const verified: AddressParts = {
    line1: '1 Microsoft Way',
    line2: 'Suite 100',
    city: 'Redmond',
    state: 'WA',
    postalCode: '98052-6399',
    country: 'US',
  };
  const dialog = (entered: AddressParts): CheckContext => ({
    fields: [],
    facts: { domains: {} },
    page: { addressDialog: { anchorId: 'dlg', entered, verified } },
  });
  const form = (values: [Parameters<typeof field>[0], string][], known: AddressParts | null = verified): CheckContext => ({
    fields: values.map(([kind, value], i) => field(kind, value, `f${i + 1}`)),
    facts: { domains: {}, verifiedAddress: known ?? undefined },
  });

  it('dialog: a material difference is an error on the dialog, listing each part both ways', () => {
    const [finding, ...more] = check.run(dialog({ ...verified, line1: '1 Microsoft Wy', postalCode: '98053' }));
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ fieldId: 'dlg', severity: 'error' });
    const en = check.messages.en(finding!.params);
    expect(en).toContain('address line 1 ("1 Microsoft Wy" → "1 Microsoft Way"), postal code ("98053" → "98052-6399")');
    expect(en).toMatch(/registration records/);
    expect(check.messages.ja(finding!.params)).toContain(
      '住所行 1 (「1 Microsoft Wy」→「1 Microsoft Way」)、郵便番号 (「98053」→「98052-6399」)',
    );
  });

  it('dialog: standardization only is info; no difference is nothing', () => {
    const [finding] = check.run(dialog({ ...verified, line1: '1 MICROSOFT WY', postalCode: '98052', state: 'Washington' }));
    expect(finding).toMatchObject({ fieldId: 'dlg', severity: 'info' });
    expect(check.messages.en(finding!.params)).toMatch(/except for standardization.*state or province \("Washington" → "WA"\)/);
    expect(check.messages.ja(finding!.params)).toMatch(/標準化を除いて.*都道府県 \(「Washington」→「WA」\)/);
    expect(check.run(dialog(verified))).toEqual([]);
  });

  it('form: marks every differing field, over the parts the user has filled in', () => {
    const ctx = form([
      ['address-line1', '1 Microsoft Way'],
      ['city', 'Redmond'],
      ['postal-code', '98053'],
      ['country', 'United States'],
    ]);
    expect(check.run(ctx)).toEqual([expect.objectContaining({ fieldId: 'f3', severity: 'error' })]);
    const std = form([
      ['address-line1', '1 Microsoft Wy'],
      ['address-line2', 'Ste 100'],
      ['postal-code', '98052'],
    ]);
    const findings = check.run(std);
    expect(findings.map((f) => [f.fieldId, f.severity])).toEqual([
      ['f1', 'info'],
      ['f2', 'info'],
      ['f3', 'info'],
    ]);
    expect(findings[0]!.params.diffs.map((d) => d.part)).toEqual(['line1', 'line2', 'postalCode']);
    const mixed = check.run(
      form([
        ['address-line1', '1 Microsoft Wy'],
        ['postal-code', '98053'],
      ]),
    );
    // Each mark speaks for its own severity: the info mark lists the spelling only, the error every difference.
    expect(mixed.map((f) => [f.fieldId, f.severity, f.params.kind, f.params.diffs.map((d) => d.part).join(' ')])).toEqual([
      ['f1', 'info', 'standardization', 'line1'],
      ['f2', 'error', 'material', 'line1 postalCode'],
    ]);
  });

  it('form: empty fields and placeholder selects are not compared yet', () => {
    const ctx = form([
      ['address-line1', '1 Microsoft Way'],
      ['address-line2', ''],
      ['state', 'Select a state'],
      ['postal-code', '98052-6399'],
    ]);
    expect(check.run(ctx)).toEqual([]);
    const typed = form([
      ['address-line1', '1 Microsoft Way'],
      ['state', 'OR'],
      ['postal-code', '98052-6399'],
    ]);
    const [finding] = check.run(typed);
    expect(finding).toMatchObject({ fieldId: 'f2', severity: 'error' });
    expect(check.messages.en(finding!.params)).toContain('state or province ("OR" → "WA")');
  });

  it("form: another country or a customer's address is another address, not a wrong legal one", () => {
    expect(
      check.run(
        form([
          ['address-line1', '1-1-1 Chiyoda'],
          ['postal-code', '100-0001'],
          ['country', 'Japan'],
        ]),
      ),
    ).toEqual([]);
    const customer = form([
      ['address-line1', '2 Main St'],
      ['postal-code', '98052'],
    ]);
    for (const f of customer.fields) f.descriptor.section = "Customer's company information";
    expect(check.run(customer)).toEqual([]);
  });

  it('form: nothing without a verified address, or without line 1 and postal code', () => {
    expect(check.run(form([['address-line1', '2 Main St']], null))).toEqual([]);
    expect(
      check.run(
        form([
          ['city', 'Bellevue'],
          ['state', 'OR'],
        ]),
      ),
    ).toEqual([]);
    expect(
      check.run(
        form([
          ['address-line1', '1 Microsoft Way'],
          ['address-line2', 'Suite 100'],
        ]),
      ),
    ).toEqual([]);
  });

  it('messages never throw and never say undefined, whatever the differences hold', () => {
    const parts = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'] as const;
    const diff = fc.record({ part: fc.constantFrom(...parts), entered: fc.string(), verified: fc.string(), material: fc.boolean() });
    fc.assert(
      fc.property(fc.constantFrom('material' as const, 'standardization' as const), fc.array(diff, { maxLength: 6 }), (kind, diffs) => {
        for (const text of [check.messages.en({ kind, diffs }), check.messages.ja({ kind, diffs })]) expect(text).not.toMatch(/undefined/);
      }),
    );
    expect(check.messages.en({ kind: 'material', diffs: [{ part: 'line1', entered: '', verified: '', material: true }] })).toContain(
      'address line 1 ((empty) → (empty))',
    );
  });

  it('never throws on arbitrary form values against a verified address', () => {
    const kinds = ['address-line1', 'address-line2', 'city', 'state', 'postal-code', 'country'] as const;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...kinds), fc.string({ unit: 'grapheme' })), { maxLength: 6 }), (pairs) => {
        for (const f of check.run(form(pairs))) check.messages.en(f.params);
      }),
    );
  });
});

// ---- Properties ----

const PARTS: AddressPart[] = ['line1', 'line2', 'city', 'state', 'postalCode', 'country'];
const arbitraryParts = fc.record(
  Object.fromEntries(PARTS.map((p) => [p, fc.string({ unit: 'grapheme', maxLength: 40 })])) as Record<AddressPart, fc.Arbitrary<string>>,
  { requiredKeys: [] },
);

/** Realistic addresses to rewrite. */
const BASES: AddressParts[] = [
  { line1: '1 Microsoft Way', line2: 'Suite 100', city: 'Redmond', state: 'Washington', postalCode: '98052', country: 'United States' },
  { line1: '500 108th Avenue Northeast', line2: 'Floor 5', city: 'Bellevue', state: 'WA', postalCode: '98004', country: 'US' },
  { line1: '350 Fifth Avenue', city: 'New York', state: 'New York', postalCode: '10118', country: 'United States' },
  { line1: '410 Terry Avenue North', city: 'Saint Louis', state: 'Missouri', postalCode: '63101', country: 'USA' },
  { line1: '千代田1-1-1', line2: '千代田ビル 5階', city: '千代田区', state: '東京都', postalCode: '100-0001', country: '日本' },
  { line1: '港南2-16-3', line2: '品川グランドセントラルタワー', city: '港区', state: '東京都', postalCode: '108-0075', country: 'Japan' },
  { line1: '梅田3-1-1', city: '大阪市北区', state: '大阪府', postalCode: '530-0001', country: '日本' },
  { line1: '111 Wellington Street', city: 'Ottawa', state: 'Ontario', postalCode: 'K1A 0A9', country: 'Canada' },
  { line1: '10 Downing Street', city: 'London', postalCode: 'SW1A 2AA', country: 'United Kingdom' },
  { line1: 'Friedrichstraße 43', city: 'Berlin', state: 'Berlin', postalCode: '10117', country: 'Germany' },
];

const LONG_TO_SHORT: Record<string, string> = {
  Street: 'St',
  Avenue: 'Ave',
  Way: 'Wy',
  Suite: 'Ste',
  Floor: 'Fl',
  North: 'N',
  Northeast: 'NE',
  Fifth: '5th',
  Saint: 'St.',
  Washington: 'WA',
  'New York': 'NY',
  Missouri: 'MO',
  Ontario: 'ON',
};
const SHORT_TO_LONG = Object.fromEntries(Object.entries(LONG_TO_SHORT).map(([l, s]) => [s, l]));
const COUNTRY_NAMES: Record<string, string[]> = {
  US: ['United States', 'US', 'USA', '米国', 'アメリカ合衆国', 'United States of America'],
  JP: ['日本', 'Japan', 'JP', 'JPN', '日本国'],
  CA: ['Canada', 'CA', 'カナダ'],
  GB: ['United Kingdom', 'GB', 'UK', 'イギリス'],
  DE: ['Germany', 'DE', 'ドイツ'],
};
const PREFECTURES: Record<string, string[]> = {
  東京都: ['東京', 'Tokyo', 'Tokyo-to', 'TOKYO TO', 'Tōkyō'],
  大阪府: ['大阪', 'Osaka', 'Osaka-fu'],
};
const HYPHENS = ['‐', '-', '–', '—', 'ー', '−', 'ｰ', '－'];
const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const swapWords = (text: string, table: Record<string, string>) =>
  Object.entries(table).reduce((t, [from, to]) => t.replace(new RegExp(`(?<![\\w.])${from.replace('.', '\\.')}(?![\\w])`, 'g'), to), text);

type Rewrite = (value: string, part: AddressPart, pick: number, base: AddressParts) => string;

/** Standardization-only rewrites: each keeps the address the same place. */
const REWRITES: Record<string, Rewrite> = {
  upper: (v) => v.toUpperCase(),
  lower: (v) => v.toLowerCase(),
  fullWidth: (v) => v.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000'),
  spaces: (v) => `  ${v.replace(/ /g, '   ')} `,
  punctuation: (v, part) => (part === 'line1' || part === 'line2' ? `${v.replace(/ /g, ', ')}.` : part === 'city' ? `${v},` : v),
  abbreviate: (v, part) => (part === 'postalCode' || part === 'country' || part === 'city' ? v : swapWords(v, LONG_TO_SHORT)),
  expand: (v, part) => (part === 'postalCode' || part === 'country' || part === 'city' ? v : swapWords(v, SHORT_TO_LONG)),
  zip4: (v, part, pick, base) =>
    part === 'postalCode' && /^\d{5}$/.test(v) && COUNTRY_NAMES.US!.includes(base.country ?? '')
      ? `${v}-${String(pick % 10000).padStart(4, '0')}`
      : v,
  postalPlain: (v, part) => (part === 'postalCode' ? v.replace(/[ -]/g, '') : v),
  postalMark: (v, part) => (part === 'postalCode' && /^\d{3}-?\d{4}$/.test(v) ? `〒${v}` : v),
  jpBlocks: (v, part) => (part === 'line1' ? v.replace(/(\d+)-(\d+)-(\d+)$/, '$1丁目$2番$3号').replace(/(\d+)-(\d+)$/, '$1丁目$2番地') : v),
  jpKanjiChome: (v, _part, pick) => v.replace(/(\d)丁目/, (_m, d: string) => (pick % 2 ? `${KANJI[Number(d)]}丁目` : `${d}丁目`)),
  jpHyphens: (v, _part, pick) => v.replace(/(?<=\d)-(?=\d)/g, HYPHENS[pick % HYPHENS.length]!),
  jpFloor: (v) => v.replace(/(\d+)階/, '$1F').replace(/ビル (\d)/, 'ビル$1'),
  country: (v, part, pick) => {
    if (part !== 'country') return v;
    const names = Object.values(COUNTRY_NAMES).find((n) => n.includes(v));
    return names ? names[pick % names.length]! : v;
  },
  prefecture: (v, part, pick) => {
    const names = part === 'state' ? PREFECTURES[v] : undefined;
    return names ? names[pick % names.length]! : v;
  },
};

const rewritten = (base: AddressParts, steps: [string, number][]): AddressParts => {
  const out: AddressParts = {};
  for (const part of PARTS) {
    const value = base[part];
    if (value !== undefined) out[part] = steps.reduce((v, [name, pick]) => REWRITES[name]!(v, part, pick, base), value);
  }
  return out;
};
const steps = fc.array(fc.tuple(fc.constantFrom(...Object.keys(REWRITES)), fc.nat(1000)), { maxLength: 5 });

describe('properties', () => {
  it('compareAddresses never throws', () => {
    fc.assert(
      fc.property(arbitraryParts, arbitraryParts, (a, b) => void compareAddresses(a, b)),
      { numRuns: 500 },
    );
  });

  it('an address equals itself', () => {
    fc.assert(
      fc.property(arbitraryParts, (a) => {
        expect(compareAddresses(a, { ...a })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('standardization rewrites never make a material difference', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), steps, steps, (base, enteredSteps, verifiedSteps) => {
        const entered = rewritten(base, enteredSteps);
        const verified = rewritten(base, verifiedSteps);
        for (const d of compareAddresses(entered, verified))
          expect(d, JSON.stringify({ entered, verified })).toMatchObject({ material: false });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('address-differs-from-verified on a form about another address', () => {
  it('stays quiet when nothing matches the verified address, and speaks when something does', async () => {
    const { addressDiffersFromVerified: check } = await import('../../rules/checks/address-differs-from-verified');
    const { field } = await import('./support');
    const verified = { line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052-6399', country: 'US' };
    const form = (values: [Parameters<typeof field>[0], string][]) => ({
      fields: values.map(([kind, value], i) => field(kind, value, `f${i + 1}`)),
      facts: { domains: {}, verifiedAddress: verified },
    });
    expect(
      check.run(
        form([
          ['address-line1', '500 Pine St'],
          ['city', 'Seattle'],
          ['postal-code', '98101'],
          ['country', 'United States'],
        ]),
      ),
    ).toEqual([]);
    expect(
      check
        .run(
          form([
            ['address-line1', '1 Microsoft Way'],
            ['city', 'Seattle'],
            ['postal-code', '98101'],
          ]),
        )
        .map((f) => f.fieldId),
    ).toEqual(['f2', 'f3']);
  });
});
