// The content script's first answer about an email host agrees with the background's full one wherever
// it answers at all, and answers for the web-mail people actually type.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDomain } from '../../rules/email/domain';
import { provisionalDomain } from '../../rules/email/local';

describe('provisionalDomain', () => {
  it.each([
    'gmail.com',
    'yahoo.co.jp',
    'mail.yahoo.co.jp',
    'outlook.com',
    'hotmail.co.jp',
    'hotmail.com.br',
    'icloud.com',
    'docomo.ne.jp',
    'ezweb.ne.jp',
    'i.softbank.jp',
    'nifty.com',
    'yahoo.de',
  ])('%s is personal at once, as the background says', (host) => {
    expect(provisionalDomain(host)).toMatchObject({ personal: true, tenantOnly: false });
    expect(describeDomain(host)).toMatchObject({ personal: true });
  });

  it('a tenant sign-in domain is tenant-only at once', () => {
    expect(provisionalDomain('contoso.onmicrosoft.com')).toMatchObject({ tenantOnly: true, personal: false });
  });

  it.each([
    'contoso.com',
    'contoso.co.jp',
    'live.contoso.com',
    'outlook.contoso.co.jp',
    'example.com',
    'test.com',
    'gmailish.com',
    'my-yahoo.jp',
  ])('%s is left to the background', (host) => expect(provisionalDomain(host)).toBeNull());

  it('never says personal where the background would not (any host)', () => {
    const label = fc.stringMatching(/^[a-z](?:[a-z0-9-]{0,7}[a-z0-9])?$/);
    const brandy = fc.constantFrom(
      'gmail',
      'yahoo',
      'hotmail',
      'outlook',
      'live',
      'msn',
      'icloud',
      'aol',
      'gmx',
      'yandex',
      'docomo',
      'mail',
    );
    const suffix = fc.constantFrom(
      'com',
      'co.jp',
      'jp',
      'ne.jp',
      'com.br',
      'de',
      'co.uk',
      'net',
      'org',
      'aa.com',
      'ne.br',
      'xyz',
      'com.au',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(label, brandy), { minLength: 1, maxLength: 3 }), suffix, (labels, s) => {
        const host = `${labels.join('.')}.${s}`;
        const local = provisionalDomain(host);
        if (local?.personal) expect(describeDomain(host).personal, host).toBe(true);
        if (local?.tenantOnly) expect(describeDomain(host).tenantOnly, host).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
