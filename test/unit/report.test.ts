// The issue report (rules/report): redaction per category in English and Japanese data, the property that
// with every category hidden no raw value survives, the Markdown / text / JSON forms, and the page path.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportJson, reportSchema } from '../../components/contract/report';
import { emptyProgress } from '../../rules/companion/progress';
import { buildReport, redactPath, type ReportInput } from '../../rules/report/build';
import { toMarkdown, toPlainText } from '../../rules/report/format';
import { ALL_HIDDEN, CATEGORIES, Redactor, type Shown } from '../../rules/report/redact';
import { collectSensitive, type FieldSeen } from '../../rules/report/sensitive';

const ENV = {
  extensionVersion: '0.1.0',
  browser: 'Chromium 156',
  os: 'Linux',
  uiLanguage: 'en-US',
  pageLanguage: 'en',
  timeUtc: '2026-11-26T03:00:00.000Z',
  timeLocal: '2026-11-26 12:00 (UTC+09:00)',
};
const showOnly = (c: keyof Shown): Shown => ({ ...ALL_HIDDEN, [c]: true });

const EN_FIELDS: FieldSeen[] = [
  { id: 'f1', kind: 'company-name', label: 'Company name', value: 'Fabrikam Japan Godo Kaisha' },
  { id: 'f2', kind: 'address-line1', label: 'Address line 1', value: '2-7-1 Marunouchi' },
  { id: 'f3', kind: 'address-line2', label: 'Address line 2', value: 'Tower 12F' },
  { id: 'f4', kind: 'city', label: 'City', value: 'Chiyoda-ku' },
  { id: 'f5', kind: 'postal-code', label: 'ZIP/Postal code', value: '100-7012' },
  { id: 'f6', kind: 'partner-id', label: 'PLA ID', value: '4455667' },
  { id: 'f7', kind: 'unknown', label: 'Tenant ID', value: '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b' },
  { id: 'f8', kind: 'unknown', label: 'First name', value: 'Haruto' },
  { id: 'f9', kind: 'unknown', label: 'Last name', value: 'Kobayashi' },
  { id: 'f10', kind: 'primary-contact-email', label: 'Email address', value: 'haruto.kobayashi@gmail.com' },
];
const JA_FIELDS: FieldSeen[] = [
  { id: 'f1', kind: 'company-name', label: '会社名', value: 'ファブリカム合同会社' },
  { id: 'f2', kind: 'postal-code', label: '郵便番号', value: '〒100-0005' },
  { id: 'f3', kind: 'state', label: '都道府県', value: '東京都' },
  { id: 'f4', kind: 'city', label: '市区町村', value: '千代田区' },
  { id: 'f5', kind: 'address-line1', label: '住所行 1', value: '丸の内2丁目7番2号' },
  { id: 'f6', kind: 'address-line2', label: '住所行 2', value: 'JPタワー 12階' },
  { id: 'f7', kind: 'unknown', label: '姓', value: '小林' },
  { id: 'f8', kind: 'unknown', label: '名', value: '陽翔' },
  { id: 'f9', kind: 'unknown', label: '氏名 (フリガナ)', value: 'コバヤシ ハルト' },
  { id: 'f10', kind: 'primary-contact-email', label: 'メール アドレス', value: 'h.kobayashi@docomo.ne.jp' },
  { id: 'f11', kind: 'partner-id', label: 'パートナー ID', value: '９９８８７２１' },
];
const PROFILE = {
  company: { name: 'Fabrikam Japan GK', address: { line1: '2-7-1 Marunouchi', postalCode: '100-7012', city: 'Chiyoda-ku' } },
  partnerIds: [
    { id: '4455667', type: 'global' as const },
    { id: '9988721', type: 'location' as const, country: 'JP' },
  ],
  associatedPartnerId: '9988721',
  distributor: { name: 'Example Distribution KK', email: 'partners@distributor.example' },
};
const redactor = (fields: FieldSeen[], shown: Shown, locale: 'en' | 'ja' = 'en') =>
  new Redactor(collectSensitive(fields, PROFILE, []), shown, locale);

describe('redaction per category', () => {
  it('emails: the local part goes, the domain stays; shown when asked', () => {
    const r = redactor(EN_FIELDS, ALL_HIDDEN);
    expect(r.text('Write to haruto.kobayashi@gmail.com today')).toBe('Write to h•••@gmail.com today');
    expect(r.text('メール: h.kobayashi@docomo.ne.jp。')).toBe('メール: h•••@docomo.ne.jp。');
    expect(redactor(EN_FIELDS, showOnly('emails')).text('haruto.kobayashi@gmail.com')).toBe('haruto.kobayashi@gmail.com');
    // An email nobody told us about is still an email.
    expect(r.text('cc: someone.else@contoso.co.jp')).toBe('cc: s•••@contoso.co.jp');
  });

  it('PartnerIDs: last two digits, with PGA or PLA and country; full-width digits too', () => {
    const r = redactor(JA_FIELDS, ALL_HIDDEN, 'en');
    expect(r.value('partner-id', '4455667')).toBe('…67 (PGA)');
    expect(r.value('partner-id', '９９８８７２１')).toBe('…21 (PLA, Japan)');
    expect(r.text('4455667 is your PGA; use 9988721 or ９９８８７２１.')).toBe('…67 is your PGA; use …21 or …21.');
    expect(redactor(JA_FIELDS, ALL_HIDDEN, 'ja').value('partner-id', '9988721')).toBe('…21 (PLA, 日本)');
    expect(redactor(JA_FIELDS, showOnly('partnerIds')).value('partner-id', '4455667')).toBe('4455667 (PGA)');
    // The portal's own codes are no PartnerIDs; an unknown 5–8 digit number is masked.
    expect(r.text('Error 800015 for MPN Id 1234567')).toBe('Error 800015 for MPN Id …67');
  });

  it('addresses: street lines and postal codes go; city, state and country stay (en and ja)', () => {
    const en = redactor(EN_FIELDS, ALL_HIDDEN);
    expect(en.value('address-line1', '2-7-1 Marunouchi')).toBe('[street]');
    expect(en.value('city', 'Chiyoda-ku')).toBe('Chiyoda-ku');
    expect(en.text('address line 1 ("2-7-1 Marunouchi" → "2-7-1 Marunouchi Tower"), postal code ("100-7012" → "100-7012")')).toBe(
      'address line 1 ("[street]" → "[street] Tower"), postal code ("[postal code]" → "[postal code]")',
    );
    const ja = redactor(JA_FIELDS, ALL_HIDDEN, 'ja');
    expect(ja.text('〒100-0005 東京都千代田区丸の内2丁目7番2号 JPタワー 12階')).toBe('[郵便番号] 東京都千代田区[番地] [番地]');
    expect(ja.text('郵便番号 100-0001')).toBe('郵便番号 [郵便番号]');
    expect(redactor(JA_FIELDS, showOnly('addresses'), 'ja').value('address-line1', '丸の内2丁目7番2号')).toBe('丸の内2丁目7番2号');
  });

  it('names: company and person names, Latin and Japanese', () => {
    const en = redactor(EN_FIELDS, ALL_HIDDEN);
    expect(en.text('Fabrikam Japan Godo Kaisha (contact: Haruto Kobayashi) via Example Distribution KK')).toBe(
      '[company] (contact: [name] [name]) via [company]',
    );
    expect(en.value('company-name', 'Fabrikam Japan GK')).toBe('[company]');
    const ja = redactor(JA_FIELDS, ALL_HIDDEN, 'ja');
    expect(ja.text('担当: 小林 陽翔 (コバヤシ ハルト)、ファブリカム合同会社')).toBe('担当: [氏名] [氏名] ([氏名])、[会社名]');
    expect(redactor(JA_FIELDS, showOnly('names'), 'ja').text('小林 陽翔')).toBe('小林 陽翔');
  });

  it('tenant IDs: any GUID', () => {
    const r = redactor(EN_FIELDS, ALL_HIDDEN);
    expect(r.text('tenant 3F2A9C1E-5B7D-4E8F-9A0B-1C2D3E4F5A6B and 0e8f1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b')).toBe(
      'tenant [tenant ID] and [tenant ID]',
    );
    expect(redactor(EN_FIELDS, showOnly('tenantIds')).text('3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b')).toBe(
      '3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    );
  });

  it('a name inside an email belongs to the email: shown emails stay whole', () => {
    expect(redactor(EN_FIELDS, showOnly('emails')).text('haruto.kobayashi@gmail.com / Haruto')).toBe('haruto.kobayashi@gmail.com / [name]');
  });
});

describe('page path', () => {
  it.each([
    [
      'https://partner.microsoft.com/en-us/dashboard/v2/customers/indirectresellers/relationshiprequest/3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
      'https://partner.microsoft.com/en-us/dashboard/v2/customers/indirectresellers/relationshiprequest/{guid}',
    ],
    [
      'https://partner.microsoft.com/ja-jp/dashboard/account/v3/organization/company-details?tenantId=abc&ref=4455667#csp',
      'https://partner.microsoft.com/ja-jp/dashboard/account/v3/organization/company-details?tenantId=…&ref=…#csp',
    ],
    [
      'https://partner.microsoft.com/dashboard/customers/1234567/users#u=someone@x.com',
      'https://partner.microsoft.com/dashboard/customers/{id}/users#…',
    ],
    ['not a url', '(unknown page)'],
  ])('%s', (url, want) => expect(redactPath(url)).toBe(want));
});

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  locale: 'en',
  shown: ALL_HIDDEN,
  url: 'https://partner.microsoft.com/en-us/dashboard/account/v3/organization/company-details?tenantId=3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  title: 'Company details | Partner Center',
  issues: [
    {
      code: 'personal-email-domain',
      severity: 'error',
      fieldId: 'f10',
      message: 'x',
      params: { domain: 'gmail.com' },
      fieldLabel: 'Email address',
    },
    {
      code: 'pga-instead-of-pla',
      severity: 'error',
      fieldId: 'f6',
      message: 'x',
      params: { id: '4455667', plas: ['9988721'], country: 'JP' },
      fieldLabel: 'PLA ID',
    },
    { code: 'portal-error', severity: 'error', fieldId: 'f99', message: 'x', params: { code: '2201' }, fieldLabel: '' },
  ],
  fields: EN_FIELDS,
  portalErrors: [
    { code: '2201', text: "Error code: 2201. The CSP region of the requested PartnerID 4455667 is India and doesn't match …" },
  ],
  progress: emptyProgress(),
  facts: { partnerIds: PROFILE.partnerIds, associatedPartnerId: '9988721', companyCountry: 'JP', distributorRegion: 'japan' },
  profile: PROFILE,
  environment: ENV,
  ...over,
});

describe('the report', () => {
  it('holds every issue, the portal error explained with its step, progress, POR and environment; valid JSON', () => {
    const report = buildReport(input());
    expect(report.issues.map((i) => i.code)).toEqual(['personal-email-domain', 'pga-instead-of-pla', 'portal-error']);
    expect(report.issues[1]!.value).toBe('…67 (PGA)');
    expect(report.issues[1]!.message).toContain('…67 is your partner global account (PGA) ID');
    expect(report.issues[1]!.message).toContain('for Japan: …21');
    expect(report.portalErrors[0]).toMatchObject({ code: '2201', step: { id: 'choose-distributor' } });
    expect(report.portalErrors[0]!.shown).toContain('PartnerID …67 is India');
    expect(report.summary).toMatch(
      /^On the Partner Center page .* found 3 errors\. Most serious first: personal-email-domain on “Email address”/,
    );
    expect(report.summary).toContain('The portal itself shows 2201');
    expect(report.summary).toMatch(/Enrollment: \d+ of 17 steps done/);
    expect(report.progress.total).toBe(17);
    expect(report.por).toHaveLength(5);
    expect(report.environment.page).toBe(
      'https://partner.microsoft.com/en-us/dashboard/account/v3/organization/company-details?tenantId=…',
    );
    const json = reportJson(report);
    expect(json.ok).toBe(true);
    expect(reportSchema.parse(JSON.parse(json.ok ? json.text : '{}'))).toEqual(report);
    const md = toMarkdown(report);
    expect(md).toContain('| error | `pga-instead-of-pla` | PLA ID | …67 (PGA) |');
    expect(md).toContain('### `portal-error` 2201 (error)');
    expect(md).toContain('(https://partner.microsoft.com/membership/cloud-solution-provider/find-a-provider)');
    expect(md).toContain('## Hidden in this report');
    expect(toPlainText(report)).toContain('* [error] pga-instead-of-pla: PLA ID = …67 (PGA)');
  });

  it('speaks Japanese when asked, whatever the page', () => {
    const report = buildReport(input({ locale: 'ja' }));
    expect(report.summary).toMatch(/^パートナー センターのページ/);
    expect(report.issues[1]!.message).toContain('…67 はパートナー グローバル アカウント (PGA) ID です');
    expect(toMarkdown(report)).toContain('## このレポートで隠した情報');
    expect(report.portalErrors[0]!.means).toMatch(/CSP リージョン/);
  });

  it('shows everything when every category is shown, and says nothing is hidden', () => {
    const shown = Object.fromEntries(CATEGORIES.map((c) => [c, true])) as Shown;
    const md = toMarkdown(buildReport(input({ shown })));
    for (const raw of ['haruto.kobayashi@gmail.com', '4455667 (PGA)', 'PartnerID 4455667 is India', 'for Japan: 9988721'])
      expect(md).toContain(raw);
    expect(md).toContain('Nothing is hidden');
  });

  it('refuses to write JSON that breaks its schema, with the place', () => {
    const report = buildReport(input());
    expect(reportJson({ ...report, version: 2 } as never)).toEqual({ ok: false, errors: [expect.stringMatching(/^version:/)] });
  });
});

// ---- The property: with every category hidden, no raw value the page or the profile held is in the report.
const latinName = fc.stringMatching(/^[A-Z][a-z]{2,7}[A-Z][a-z]{2,5}$/);
const kana = fc
  .array(fc.constantFrom(...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ'), {
    minLength: 2,
    maxLength: 6,
  })
  .map((a) => a.join(''));
const kanji = fc
  .array(fc.constantFrom(...'山田中村小林佐藤鈴木高橋伊渡辺加陽翔結愛蓮葵'), { minLength: 2, maxLength: 4 })
  .map((a) => a.join(''));
const personName = fc.oneof(latinName, kana, kanji);
const companyName = fc.oneof(
  latinName.map((n) => `${n} Trading`),
  kana.map((k) => `${k}株式会社`),
);
const street = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 }), latinName).map(([a, b, n]) => `${a}-${b} ${n}`),
  fc.tuple(kanji, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 30 })).map(([k, a, b]) => `${k}${a}丁目${b}番${a}号`),
);
const postal = fc.oneof(
  fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `${a}-${String(b).padStart(4, '0')}`),
  fc.tuple(fc.integer({ min: 100, max: 999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `〒${a}-${String(b).padStart(4, '0')}`),
);
const partnerId = fc.integer({ min: 10000, max: 99999999 }).map(String);
const email = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9._-]{1,12}[a-z0-9]$/), fc.constantFrom('gmail.com', 'contoso.co.jp', 'docomo.ne.jp', 'outlook.jp'))
  .map(([l, d]) => `${l}@${d}`);
const guid = fc.uuid();

/** The product's own words in both languages (step titles, explanations …): a value that is one of them cannot be told apart. */
const OWN_WORDS = (['en', 'ja'] as const)
  .map((locale) => {
    const r = buildReport(input({ locale, fields: [], profile: undefined, portalErrors: [{ code: '2201', text: '' }] }));
    return `${toMarkdown(r)}\n${toPlainText(r)}`.toLowerCase();
  })
  .join('\n');

describe('property: every category hidden leaves no raw value', () => {
  it('in the Markdown, the plain text and the JSON, in en and ja', () => {
    fc.assert(
      fc.property(
        fc.record({
          people: fc.array(personName, { minLength: 1, maxLength: 3 }),
          companies: fc.array(companyName, { minLength: 1, maxLength: 2 }),
          streets: fc.array(street, { minLength: 1, maxLength: 2 }),
          postals: fc.array(postal, { minLength: 1, maxLength: 2 }),
          ids: fc.uniqueArray(partnerId, { minLength: 1, maxLength: 3 }),
          emails: fc.array(email, { minLength: 1, maxLength: 3 }),
          tenants: fc.array(guid, { minLength: 1, maxLength: 2 }),
          locale: fc.constantFrom('en' as const, 'ja' as const),
        }),
        (v) => {
          const fields: FieldSeen[] = [
            ...v.people.map((value, i) => ({ id: `p${i}`, kind: 'unknown', label: i % 2 ? '氏名' : 'Last name', value })),
            { id: 'c0', kind: 'company-name', label: 'Company name', value: v.companies[0]! },
            { id: 's0', kind: 'address-line1', label: 'Address line 1', value: v.streets[0]! },
            { id: 'z0', kind: 'postal-code', label: 'Postal code', value: v.postals[0]! },
            ...v.ids.map((value, i) => ({ id: `i${i}`, kind: 'partner-id', label: 'PartnerID', value })),
            ...v.emails.map((value, i) => ({ id: `e${i}`, kind: 'primary-contact-email', label: 'Email', value })),
            { id: 't0', kind: 'unknown', label: 'Tenant ID', value: v.tenants[0]! },
          ];
          const profile = {
            company: { name: v.companies.at(-1), address: { line1: v.streets.at(-1), postalCode: v.postals.at(-1), city: 'Chiyoda-ku' } },
            partnerIds: v.ids.map((id, i) => ({ id, type: i === 0 ? ('global' as const) : ('location' as const), country: 'JP' })),
          };
          // Free text from the page mentions them all, the way portal messages and labels might.
          const all = [...v.people, ...v.companies, ...v.streets, ...v.postals, ...v.ids, ...v.emails, ...v.tenants];
          fc.pre(all.every((raw) => !OWN_WORDS.includes(raw.toLowerCase())));
          const report = buildReport(
            input({
              locale: v.locale,
              fields,
              profile,
              title: `${v.companies[0]} | ${v.people[0]}`,
              portalErrors: [{ code: '2201', text: `Error 2201 for ${all.join(' / ')}` }],
              issues: [
                ...fields.map((f) => ({
                  code: 'personal-email-domain',
                  severity: 'error' as const,
                  fieldId: f.id,
                  message: f.value,
                  params: { v: f.value },
                  fieldLabel: `${f.label} ${f.value}`,
                })),
                {
                  code: 'address-differs-from-verified',
                  severity: 'error',
                  fieldId: 's0',
                  message: '',
                  fieldLabel: 'Address',
                  params: {
                    kind: 'material',
                    diffs: [
                      { part: 'line1', entered: v.streets[0], verified: v.streets.at(-1), material: true },
                      { part: 'postalCode', entered: v.postals[0], verified: v.postals.at(-1), material: true },
                    ],
                  },
                },
              ],
              url: `https://partner.microsoft.com/en-us/dashboard/x/${v.tenants[0]}/${v.ids[0]}?email=${encodeURIComponent(v.emails[0]!)}`,
            }),
          );
          const json = reportJson(report);
          expect(json.ok).toBe(true);
          const texts = [toMarkdown(report).replace(/\\(.)/g, '$1'), toPlainText(report), json.ok ? json.text : '', JSON.stringify(report)];
          for (const text of texts) {
            const lower = text.toLowerCase();
            for (const raw of all)
              expect(lower.includes(raw.toLowerCase()) || lower.includes(raw.normalize('NFKC').toLowerCase()), raw).toBe(false);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
