import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDomain } from '../../rules/email/domain';
import { parseEmail } from '../../rules/email/parse';

describe('parseEmail', () => {
  it.each([
    ['  Jane.Doe@Gmail.COM ', 'jane.doe', 'gmail.com'],
    ['jane@gmail.com.', 'jane', 'gmail.com'],
    ['ｊａｎｅ＠ｇｍａｉｌ．ｃｏｍ', 'jane', 'gmail.com'],
    ['mailto:jane@contoso.com', 'jane', 'contoso.com'],
    ['<jane@contoso.com>', 'jane', 'contoso.com'],
    ['taro@例え.jp', 'taro', 'xn--r8jz45g.jp'],
    ['jane\u200B@contoso.com', 'jane', 'contoso.com'],
  ])('reads %j', (raw, local, host) => {
    expect(parseEmail(raw)).toEqual({ local, host });
  });

  it.each(['', 'jane', 'jane@', '@gmail.com', 'jane@gmail', 'ja ne@gmail.com', 'jane@-x.com', 'a@1.2.3.4'])('returns null for %j', (raw) =>
    expect(parseEmail(raw)).toBeNull(),
  );

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        parseEmail(s);
      }),
    );
  });
});

describe('describeDomain', () => {
  const personal = (address: string) => describeDomain(parseEmail(address)!.host);

  it.each([
    'a@gmail.com',
    'a@yahoo.co.jp',
    'a@mail.yahoo.co.jp',
    'a@docomo.ne.jp',
    'a@ezweb.ne.jp',
    'a@au.com',
    'a@softbank.ne.jp',
    'a@i.softbank.jp',
    'a@nifty.com',
    'a@biglobe.ne.jp',
    'a@ocn.ne.jp',
    'a@xyz.ocn.ne.jp',
    'a@outlook.com',
    'a@hotmail.com',
    'a@live.com',
    'a@icloud.com',
    'a@aol.com',
    'a@hotmail.co.jp',
    'a@outlook.jp',
    'a@live.jp',
    'a@yahoo.com.br',
    'a@ＧＭＡＩＬ.ＣＯＭ',
    'a@gmail.com.',
    'a@googlemail.com',
  ])('%s is personal', (address) => {
    expect(personal(address)).toMatchObject({ personal: true, tenantOnly: false });
  });

  it.each(['a@contoso.com', 'a@contoso.co.jp', 'a@sales.contoso.co.jp', 'a@example.com', 'a@test.com', 'a@microsoft.com', 'a@fabrikam.jp'])(
    '%s is not personal',
    (address) => expect(personal(address).personal).toBe(false),
  );

  it('resolves subdomains to the registrable domain', () => {
    expect(describeDomain('mail.yahoo.co.jp').registrable).toBe('yahoo.co.jp');
    expect(describeDomain('xyz.ocn.ne.jp').registrable).toBe('ocn.ne.jp');
  });

  it('knows tenant sign-in domains', () => {
    expect(describeDomain('contoso.onmicrosoft.com')).toMatchObject({ tenantOnly: true, personal: false });
    expect(describeDomain('contoso.com').tenantOnly).toBe(false);
  });

  it('never throws on arbitrary hosts', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        describeDomain(s.toLowerCase());
      }),
    );
  });
});
