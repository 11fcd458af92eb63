import type { FieldKind } from '../types';

/**
 * Label lexicons, one block per UI language. Terms are matched after `fold` (NFKC + lower case), so write
 * them in lower case; full-width and half-width forms need no separate entry. A term with only ASCII
 * letters matches whole words; any other term matches as a substring (Japanese has no word spaces).
 *
 * Adding a language is adding a block here: no code changes.
 */
export interface KindTerms {
  kind: Exclude<FieldKind, 'unknown' | 'primary-contact-email' | 'support-email'>;
  /** Any of these in a label votes for the kind. */
  terms: string[];
  /** Any of these in the same label vetoes the kind for that label. */
  not?: string[];
}

export interface Lexicon {
  kinds: KindTerms[];
  /** Section or label words that make an email the primary contact's. */
  primaryContact: string[];
  /** Section or label words that make an email the customer-support one. */
  support: string[];
  /** Page headings of the Identifiers page. */
  identifiersPage: string[];
  /** A table cell that is exactly one of these says the PartnerID's type. */
  partnerType: { global: string[]; location: string[] };
  /** The label of the CSP section's associated PartnerID. */
  associatedPartnerId: string[];
  /** Headings of the two sides of the address-verification dialog. */
  addressDialog: { entered: string[]; verified: string[] };
  /** Section words for an address that is not the company's legal one (a customer's, billing, shipping, another location). */
  otherAddress: string[];
  /** Button texts that submit a form (a click on one is taken as submitting). */
  submitButtons: string[];
  /**
   * A search or filter box names itself with these: `start` at the start of a label ("Search by
   * PartnerID"), `end` at its end ("PartnerID を検索"). Such a box is never a field to check.
   */
  search: { start: string[]; end: string[] };
  /**
   * Whose data a section is about. `other`: another party's (a customer's, another company's) contact or
   * address; `notOther`: phrases that contain those words but are still about us ("customer support");
   * `ours`: words that say the section is about the signed-in partner's own company.
   */
  owner: { other: string[]; notOther: string[]; ours: string[] };
  /**
   * Texts of the address-verification dialog that are never address lines: choices, buttons, badges.
   * A line starting with one (`start`) or, for languages without spaces, containing one (`contains`).
   */
  dialogWords: { start: string[]; contains: string[] };
}

export const LEXICONS: Record<string, Lexicon> = {
  en: {
    kinds: [
      {
        kind: 'email',
        terms: ['email', 'e-mail', 'e mail', 'mail', 'mail address', 'email address', 'work email'],
        not: ['confirm email code', 'verification code'],
      },
      {
        kind: 'partner-id',
        terms: [
          'pla',
          'pla id',
          'pga',
          'mpn',
          'mpn id',
          'partnerid',
          'partner id',
          'partner location account',
          'partner global account',
          'associated partnerid',
          'associated partner id',
          'cloud partner program id',
          'partner program id',
          'network id',
          'location id',
          'location account id',
        ],
        not: ['tenant', 'customer id', 'subscription'],
      },
      {
        kind: 'company-name',
        terms: ['company name', 'legal name', 'legal business name', 'organization name', 'organisation name', 'business name', 'company'],
        not: ['company phone', 'company email', 'company website', 'company id', 'company size'],
      },
      {
        kind: 'address-line1',
        terms: ['address line 1', 'address 1', 'street address', 'address', 'street'],
        not: ['email', 'e-mail', 'mail address', 'address line 2', 'address 2', 'web address', 'ip address', 'line 2', 'line 3'],
      },
      { kind: 'address-line2', terms: ['address line 2', 'address 2', 'line 2', 'suite', 'apartment', 'building'], not: ['email'] },
      { kind: 'city', terms: ['city', 'town', 'locality', 'city or town'], not: ['ethnicity', 'capacity'] },
      {
        kind: 'state',
        terms: ['state', 'province', 'state/province', 'state or province', 'region', 'prefecture', 'county'],
        not: ['country or region', 'country/region', 'statement', 'status', 'csp region'],
      },
      { kind: 'postal-code', terms: ['zip', 'zip code', 'postal code', 'postcode', 'post code', 'zip/postal code'] },
      {
        kind: 'country',
        terms: ['country', 'country or region', 'country/region', 'nation'],
        not: ['phone', 'calling code', 'country code'],
      },
      { kind: 'phone', terms: ['phone', 'telephone', 'phone number', 'mobile', 'tel'], not: ['email'] },
      { kind: 'duns', terms: ['duns', 'd-u-n-s', 'duns number', 'd&b'] },
    ],
    primaryContact: [
      'primary contact',
      'contact info',
      'contact information',
      'primary contact info',
      'work email',
      'your email',
      'contact email',
    ],
    support: ['support', 'customer support', 'helpdesk', 'help desk'],
    identifiersPage: ['identifiers', 'partner ids', 'partnerids', 'microsoft ai cloud partner program ids'],
    partnerType: {
      global: ['global', 'pga', 'partner global account', 'partner global account (pga)', 'global (pga)', 'headquarters'],
      location: ['location', 'pla', 'partner location account', 'partner location account (pla)', 'location (pla)'],
    },
    associatedPartnerId: ['associated partnerid', 'associated partner id', 'associated mpn id', 'associated pla id'],
    addressDialog: {
      entered: [
        'you entered',
        'entered address',
        'address you entered',
        'the address you entered',
        'your address',
        'original address',
        'original',
        'entered',
        'as entered',
        'what you entered',
      ],
      verified: [
        'suggested address',
        'suggested',
        'recommended address',
        'recommended',
        'verified address',
        'verified',
        'standardized address',
        'standardised address',
        'corrected address',
        'validated address',
      ],
    },
    otherAddress: ['customer', 'billing', 'bill to', 'shipping', 'ship to', 'delivery', 'business location', 'add location', 'branch'],
    submitButtons: ['next', 'save', 'submit', 'enroll', 'continue', 'confirm', 'finish', 'done', 'update', 'save and continue'],
    search: { start: ['search', 'filter', 'filter by', 'search by', 'search for'], end: ['search'] },
    owner: {
      other: [
        'customer',
        'customers',
        "customer's",
        'client',
        'clients',
        "client's",
        'end customer',
        'another company',
        'other company',
        'third party',
        'third-party',
      ],
      notOther: ['customer support', 'customer service', 'customer care', 'customer-facing', 'support for customers', 'customer success'],
      ours: ['your company', 'your organization', 'your organisation', 'our company', 'your primary contact', 'legal business profile'],
    },
    dialogWords: {
      start: [
        'use',
        'select',
        'choose',
        'keep',
        'edit',
        'continue',
        'cancel',
        'back',
        'ok',
        'recommended',
        'suggested',
        'verify',
        'confirm',
      ],
      contains: [],
    },
  },
  ja: {
    kinds: [
      { kind: 'email', terms: ['メールアドレス', 'メール アドレス', '電子メール', 'eメール', 'メール'], not: ['認証コード', '確認コード'] },
      {
        kind: 'partner-id',
        terms: [
          'パートナーid',
          'パートナー id',
          'パートナーロケーションアカウント',
          'パートナー ロケーション アカウント',
          'パートナーグローバルアカウント',
          'パートナー グローバル アカウント',
          '関連付けられたパートナー',
          'mpn',
          'pla',
          'pga',
          'パートナー プログラム id',
          'パートナープログラムid',
          'パートナー ネットワーク',
          'パートナーネットワーク',
          'クラウド パートナー プログラム',
          'ロケーション id',
          'ロケーションid',
        ],
        not: ['テナント'],
      },
      { kind: 'company-name', terms: ['会社名', '法人名', '組織名', '企業名', '商号'] },
      {
        kind: 'address-line1',
        terms: ['住所行 1', '住所行1', '住所 1', '住所1', '番地', '住所'],
        not: ['メール', '住所行 2', '住所行2', '住所 2', '住所2'],
      },
      { kind: 'address-line2', terms: ['住所行 2', '住所行2', '住所 2', '住所2', '建物名', 'ビル名'] },
      { kind: 'city', terms: ['市区町村', '市町村', '市区'] },
      { kind: 'state', terms: ['都道府県', '州', '県'], not: ['国または地域'] },
      { kind: 'postal-code', terms: ['郵便番号', '〒'] },
      { kind: 'country', terms: ['国または地域', '国/地域', '国・地域', '国名', '国'], not: ['国際', '電話'] },
      { kind: 'phone', terms: ['電話番号', '電話', '携帯'] },
      { kind: 'duns', terms: ['duns', 'd-u-n-s', 'ダンズ'] },
    ],
    primaryContact: ['主要連絡先', '主な連絡先', '連絡先情報', '担当者'],
    support: ['サポート', 'カスタマー サポート', 'カスタマーサポート', 'お問い合わせ窓口'],
    identifiersPage: ['識別子', 'パートナー id', 'パートナーid'],
    partnerType: {
      global: ['グローバル', 'パートナー グローバル アカウント', 'パートナーグローバルアカウント', 'グローバル (pga)', '本社'],
      location: [
        'ロケーション',
        '場所',
        '拠点',
        'パートナー ロケーション アカウント',
        'パートナーロケーションアカウント',
        'ロケーション (pla)',
      ],
    },
    associatedPartnerId: [
      '関連付けられた partnerid',
      '関連付けられた partner id',
      '関連付けられたパートナー id',
      '関連付けられたパートナーid',
      '関連付けられている partnerid',
      '関連 partnerid',
    ],
    addressDialog: {
      entered: ['入力された住所', '入力した住所', '入力済みの住所', '入力内容', '元の住所', '入力された内容'],
      verified: [
        '推奨される住所',
        '推奨住所',
        '推奨',
        '検証済みの住所',
        '検証済み住所',
        '修正された住所',
        '候補の住所',
        '標準化された住所',
        '提案された住所',
      ],
    },
    otherAddress: ['顧客', 'お客様', '請求', '配送', '送付先', '事業所', '場所の追加', '支店'],
    submitButtons: ['次へ', '保存', '送信', '登録', '続行', '確認', '完了', '更新', '保存して続行'],
    search: { start: ['検索', '絞り込み'], end: ['を検索', 'で検索', '検索', 'を絞り込む', 'で絞り込む', '絞り込み'] },
    owner: {
      other: ['顧客', '取引先', '他社', '別の会社', '他の会社', 'エンド カスタマー', 'エンドカスタマー', 'お客様の顧客'],
      notOther: ['顧客サポート', '顧客 サポート', '顧客対応', '顧客窓口'],
      ours: ['自社', '貴社', '御社', '法的ビジネス プロファイル', '法的ビジネスプロファイル'],
    },
    dialogWords: {
      start: ['この住所', '入力した住所', '入力された住所', '選択', '使用', '続行', 'キャンセル', '戻る', '編集', '閉じる', '変更'],
      // No Japanese address line holds these words: a UI text around the address does.
      contains: ['住所', '使用', '選択', '推奨', 'おすすめ', '確認', '編集', '入力', 'してください', 'します', 'する'],
    },
  },
};

/** `autocomplete` tokens (the strongest signal: the page says what the field is). */
export const AUTOCOMPLETE_KINDS: Record<string, KindTerms['kind']> = {
  email: 'email',
  organization: 'company-name',
  'address-line1': 'address-line1',
  'street-address': 'address-line1',
  'address-line2': 'address-line2',
  'address-level2': 'city',
  'address-level1': 'state',
  'postal-code': 'postal-code',
  country: 'country',
  'country-name': 'country',
  tel: 'phone',
  'tel-national': 'phone',
};

/**
 * Words in `name`, `id`, `formcontrolname` and `data-*` attributes (split at camelCase and punctuation).
 * Weaker than labels: ids are often generated.
 */
export const ATTRIBUTE_WORDS: Record<string, KindTerms['kind']> = {
  email: 'email',
  mail: 'email',
  emailaddress: 'email',
  mpn: 'partner-id',
  mpnid: 'partner-id',
  pla: 'partner-id',
  plaid: 'partner-id',
  partnerid: 'partner-id',
  pga: 'partner-id',
  company: 'company-name',
  companyname: 'company-name',
  organization: 'company-name',
  legalname: 'company-name',
  addressline1: 'address-line1',
  address1: 'address-line1',
  street: 'address-line1',
  line1: 'address-line1',
  addressline2: 'address-line2',
  address2: 'address-line2',
  line2: 'address-line2',
  city: 'city',
  town: 'city',
  locality: 'city',
  state: 'state',
  province: 'state',
  region: 'state',
  prefecture: 'state',
  zip: 'postal-code',
  zipcode: 'postal-code',
  postal: 'postal-code',
  postalcode: 'postal-code',
  postcode: 'postal-code',
  country: 'country',
  countrycode: 'country',
  phone: 'phone',
  phonenumber: 'phone',
  telephone: 'phone',
  tel: 'phone',
  duns: 'duns',
  dunsnumber: 'duns',
};
