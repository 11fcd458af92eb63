import { describe, expect, it } from 'vitest';
import { parseComparisonTable, partOfLabel } from '../../rules/learn/address-dialog';
import { idInCell, isIdentifiersPage, parseAssociated, parseIdentifierRow, parseIdentifierRows } from '../../rules/learn/identifiers';

describe('Identifiers page', () => {
  it('reads typed PartnerIDs from rows in English and Japanese', () => {
    expect(
      parseIdentifierRows([
        ['PartnerID', 'Type', 'Country/region', 'Location name'],
        ['1234567', 'Global', 'Japan', 'Contoso Japan KK (headquarters)'],
        ['7654321', 'Location', 'Japan', 'Contoso Japan KK – Tokyo'],
        ['２３４５６７８', 'ロケーション', '米国', 'シアトル'],
        ['8f3b2c1a-1111-2222-3333-444455556666', 'Tenant ID'],
      ]),
    ).toEqual([
      { id: '1234567', type: 'global', country: 'JP', name: 'Contoso Japan KK (headquarters)' },
      { id: '7654321', type: 'location', country: 'JP', name: 'Contoso Japan KK – Tokyo' },
      { id: '2345678', type: 'location', country: 'US', name: 'シアトル' },
    ]);
  });

  it('needs exactly one ID and an explicit type in a row', () => {
    expect(parseIdentifierRow(['1234567', 'Japan'])).toBeNull();
    expect(parseIdentifierRow(['1234567', '7654321', 'Location'])).toBeNull();
    expect(parseIdentifierRow(['1234567', 'Contoso Global Services'])).toBeNull();
    expect(parseIdentifierRow(['PartnerID: 1234567', 'Partner global account (PGA)'])).toMatchObject({ id: '1234567', type: 'global' });
  });

  it('reads the Associated PartnerID after its label or inline', () => {
    expect(parseAssociated(['CSP', 'Associated PartnerID', '7654321', 'Tenant ID', 'x'])).toBe('7654321');
    expect(parseAssociated(['関連付けられた PartnerID:', '７６５４３２１'])).toBe('7654321');
    expect(parseAssociated(['Associated PartnerID: 7654321'])).toBe('7654321');
    expect(parseAssociated(['PartnerID', '7654321'])).toBeNull();
  });

  it('recognises the page by its path only (#2)', () => {
    expect(isIdentifiersPage('https://partner.microsoft.com/dashboard/account/v3/organization/identity')).toBe(true);
    expect(isIdentifiersPage('https://partner.microsoft.com/en-us/dashboard/v2/account-settings/organization/identity')).toBe(true);
    expect(isIdentifiersPage('https://partner.microsoft.com/ja-jp/dashboard/account/v3/organization/identity/associate-pla')).toBe(true);
    expect(isIdentifiersPage('https://partner.microsoft.com/dashboard/home')).toBe(false);
  });

  it('#2 a query string, a fragment or a look-alike path does not make a page the Identifiers page', () => {
    expect(isIdentifiersPage('https://partner.microsoft.com/en-us/dashboard/home?next=/identifiers')).toBe(false);
    expect(isIdentifiersPage('https://partner.microsoft.com/en-us/dashboard/home#/organization/identity')).toBe(false);
    expect(isIdentifiersPage('https://partner.microsoft.com/en-us/blog/identifiers')).toBe(false);
    expect(isIdentifiersPage('https://partner.microsoft.com/en-us/dashboard/account/v3/organization/identity-theft')).toBe(false);
    expect(isIdentifiersPage('not a url')).toBe(false);
  });

  it('idInCell accepts only a lone 5-8 digit number', () => {
    expect(idInCell(' 1234567 ')).toBe('1234567');
    expect(idInCell('123456789')).toBeNull();
    expect(idInCell('ID 1234567 and more')).toBeNull();
  });
});

describe('address-verification dialog (table layout)', () => {
  it('maps row labels to address parts', () => {
    expect(partOfLabel('Address line 1')).toBe('line1');
    expect(partOfLabel('ZIP/Postal code')).toBe('postalCode');
    expect(partOfLabel('郵便番号')).toBe('postalCode');
    expect(partOfLabel('Country or region')).toBe('country');
    expect(partOfLabel('Notes')).toBeNull();
  });

  it('reads both columns, whichever order they come in', () => {
    const table = parseComparisonTable([
      ['', 'Suggested address', 'You entered'],
      ['Address line 1', '1 Microsoft Way', '1 Microsoft Wy'],
      ['City', 'Redmond', 'Redmond'],
      ['ZIP/Postal code', '98052-6399', '98052'],
    ]);
    expect(table).toMatchObject({
      entered: { line1: '1 Microsoft Wy', city: 'Redmond', postalCode: '98052' },
      verified: { line1: '1 Microsoft Way', city: 'Redmond', postalCode: '98052-6399' },
      verifiedColumn: 1,
    });
  });

  it('is null without both headings', () => {
    expect(parseComparisonTable([['Address line 1', '1 Microsoft Way']])).toBeNull();
  });
});

describe('Identifiers sections that give the type once', () => {
  it('takes the type from the section heading when rows do not carry it', () => {
    expect(
      parseIdentifierRows([
        { cells: ['1234567', 'Japan'], heading: 'Partner global account (PGA)' },
        { cells: ['7654321', 'Japan', 'Tokyo'], heading: 'Partner location accounts' },
        { cells: ['2345678', '米国'], heading: 'パートナー ロケーション アカウント' },
        { cells: ['3456789', 'Japan'], heading: 'Accounts' },
      ]),
    ).toEqual([
      { id: '1234567', type: 'global', country: 'JP' },
      { id: '7654321', type: 'location', country: 'JP', name: 'Tokyo' },
      { id: '2345678', type: 'location', country: 'US' },
    ]);
  });

  it('a type cell in the row wins over the heading', () => {
    expect(parseIdentifierRow(['1234567', 'Global'], 'Partner location accounts')).toMatchObject({ type: 'global' });
  });
});

describe('submit buttons', () => {
  it.each(['Next', ' Save ', '次へ', '保存', 'Submit'])('%j submits', async (text) => {
    const { isSubmitText } = await import('../../rules/learn/terms');
    expect(isSubmitText(text)).toBe(true);
  });
  it.each(['Cancel', 'Back', 'キャンセル', 'Edit address'])('%j does not', async (text) => {
    const { isSubmitText } = await import('../../rules/learn/terms');
    expect(isSubmitText(text)).toBe(false);
  });
});

describe('Identifiers written on one line', () => {
  it('splits composite cells', () => {
    expect(parseIdentifierRow(['1234567 (Global) · Japan'])).toEqual({ id: '1234567', type: 'global', country: 'JP' });
    expect(parseIdentifierRow(['PartnerID: ７６５４３２１ | ロケーション | 日本 | 東京本社'])).toEqual({
      id: '7654321',
      type: 'location',
      country: 'JP',
      name: '東京本社',
    });
    expect(parseIdentifierRow(['Redmond, WA 98052', 'Location'])).toBeNull();
  });
});

describe('dialog side headings', () => {
  it('are recognised in radio labels with a verb, not in sentences', async () => {
    const { isEnteredMarker, isVerifiedMarker } = await import('../../rules/learn/address-dialog');
    expect(isVerifiedMarker('Use the suggested address')).toBe(true);
    expect(isEnteredMarker('Use the address you entered')).toBe(true);
    expect(isVerifiedMarker('推奨される住所を使用する')).toBe(true);
    expect(isEnteredMarker('Verify your address')).toBe(false);
    expect(isEnteredMarker('入力された住所を住所データと照合しました。')).toBe(false);
  });
});
