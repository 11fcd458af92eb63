import { describe, expect, it } from 'vitest';
import { classify } from '../../rules/detect/classify';
import type { FieldDescriptor, FieldKind, LabelSource } from '../../rules/types';
import { descriptor } from './support';

const label = (text: string, source: LabelSource['source'] = 'label-for'): Partial<FieldDescriptor> => ({ labels: [{ source, text }] });

// [what the page shows, expected kind]
const TABLE: [string, Partial<FieldDescriptor>, FieldKind][] = [
  ['type=email only', { type: 'email' }, 'email'],
  ['autocomplete=email', { autocomplete: 'email' }, 'email'],
  ['autocomplete="work email"', { autocomplete: 'work email' }, 'email'],
  ['Email address', label('Email address'), 'email'],
  ['E-mail', label('E-mail'), 'email'],
  ['Work email (aria-label)', label('Work email', 'aria-label'), 'primary-contact-email'],
  ['メール アドレス', label('メール アドレス'), 'email'],
  ['メールアドレス (preceding text)', label('メールアドレス', 'preceding-text'), 'email'],
  ['電子メール (placeholder)', label('電子メール', 'placeholder'), 'email'],
  ['Ｅメール (full width)', label('Ｅメール'), 'email'],
  ['Email in a Primary contact fieldset', { ...label('Email address'), section: 'Primary contact info' }, 'primary-contact-email'],
  ['メール in 主要連絡先情報', { ...label('メール アドレス'), section: '主要連絡先情報' }, 'primary-contact-email'],
  ['Support email (title)', label('Support email', 'title'), 'support-email'],
  ['メール in サポート連絡先', { ...label('メール'), section: 'サポート連絡先' }, 'support-email'],
  ['name=primaryContact.email', { name: 'primaryContact.email' }, 'primary-contact-email'],
  ['unlabelled field holding an address', { value: 'someone@outlook.com' }, 'email'],
  ['unlabelled field holding an address, in a support section', { value: 'help@contoso.com', section: 'Support contact' }, 'support-email'],
  ['an unlabelled select showing an address is no email field', { tag: 'select', value: 'someone@outlook.com' }, 'unknown'],
  ['inputmode=email', { inputMode: 'email' }, 'email'],
  ['type=email, name=supportEmail', { type: 'email', name: 'supportEmail' }, 'support-email'],
  ['Company name', label('Company name'), 'company-name'],
  ['会社名', label('会社名'), 'company-name'],
  ['Address line 1', label('Address line 1'), 'address-line1'],
  ['Address line 2', label('Address line 2'), 'address-line2'],
  ['住所行 1', label('住所行 1'), 'address-line1'],
  ['住所行 2', label('住所行 2'), 'address-line2'],
  ['City', label('City'), 'city'],
  ['市区町村', label('市区町村'), 'city'],
  ['State/Province', label('State/Province'), 'state'],
  ['都道府県', label('都道府県'), 'state'],
  ['ZIP/Postal code', label('ZIP/Postal code'), 'postal-code'],
  ['郵便番号', label('郵便番号'), 'postal-code'],
  ['Country or region', label('Country or region'), 'country'],
  ['Country/Region', label('Country/Region'), 'country'],
  ['国または地域', label('国または地域'), 'country'],
  ['Phone number', label('Phone number'), 'phone'],
  ['電話番号', label('電話番号'), 'phone'],
  ['type=tel', { type: 'tel' }, 'phone'],
  ['DUNS number', label('DUNS number'), 'duns'],
  ['PLA ID', label('Partner location account (PLA) ID'), 'partner-id'],
  ['パートナーロケーションアカウント (PLA) ID', label('パートナーロケーションアカウント (PLA) ID'), 'partner-id'],
  ['MPN ID', label('MPN ID'), 'partner-id'],
  ['PartnerID', label('Associated PartnerID'), 'partner-id'],
  ['formcontrolname=mpnId', { hints: ['mpnId'] }, 'partner-id'],
  ['Microsoft AI Cloud Partner Program ID', label('Microsoft AI Cloud Partner Program ID'), 'partner-id'],
  ['Partner Location Account ID', label('Partner Location Account ID'), 'partner-id'],
  ['Location ID (PLA)', label('Location ID (PLA)'), 'partner-id'],
  ['Microsoft パートナー ネットワーク ID', label('Microsoft パートナー ネットワーク ID'), 'partner-id'],
  ['ＰＬＡ ＩＤ (full width)', label('ＰＬＡ ＩＤ'), 'partner-id'],
  ['Tenant ID is not a partner ID', label('Tenant ID'), 'unknown'],
  ['Phone country code is not a country', label('Country code', 'label-for'), 'unknown'],
  ['a random id', { htmlId: 'TextField37' }, 'unknown'],
  [
    'a bare ID box in a PLA section',
    { tag: 'input', ...label('ID'), section: 'Associate your partner location account (PLA)' },
    'partner-id',
  ],
  [
    'a labelled field in a PLA section keeps its own kind',
    { ...label('Country/region'), section: 'Partner location account (PLA)' },
    'country',
  ],
  ['First name', label('First name'), 'unknown'],
];

describe('classify', () => {
  it.each(TABLE)('%s', (_name, overrides, kind) => {
    expect(classify(descriptor(overrides)).kind).toBe(kind);
  });

  it('prefers autocomplete over a misleading label', () => {
    expect(classify(descriptor({ autocomplete: 'postal-code', ...label('City') })).kind).toBe('postal-code');
  });

  it("the field's own label decides over its section for the email role", () => {
    expect(classify(descriptor({ ...label('Support email'), section: 'Primary contact info' })).kind).toBe('support-email');
  });
});
