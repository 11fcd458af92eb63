import { countryName } from '../geo/country';
import { PORTAL_CODES } from '../portal/errors';
import type { FieldKind, Locale } from '../types';

/**
 * What an issue report hides unless the user shows it, per category. Pure: the raw values the page and the
 * profile held go in (`Sensitive`), text comes out with each of them replaced by a mask that keeps what
 * helps the reader (an email's domain, a PartnerID's last two digits and whether it is the PGA or a PLA
 * of which country, an address's city, state and country).
 */

export const CATEGORIES = ['emails', 'partnerIds', 'addresses', 'names', 'tenantIds'] as const;
export type Category = (typeof CATEGORIES)[number];
/** `true`: the category is shown as it is; `false` (the default): hidden. */
export type Shown = Record<Category, boolean>;
export const ALL_HIDDEN: Shown = { emails: false, partnerIds: false, addresses: false, names: false, tenantIds: false };

export interface KnownPartnerId {
  id: string;
  type?: 'global' | 'location';
  country?: string;
}

/** The raw values a report must not show (unless their category is shown). */
export interface Sensitive {
  emails: string[];
  partnerIds: KnownPartnerId[];
  /** Street lines (address lines 1 and 2). City, state and country are kept. */
  streets: string[];
  postalCodes: string[];
  companyNames: string[];
  personNames: string[];
  tenantIds: string[];
}

export const emptySensitive = (): Sensitive => ({
  emails: [],
  partnerIds: [],
  streets: [],
  postalCodes: [],
  companyNames: [],
  personNames: [],
  tenantIds: [],
});

const MASK: Record<Locale, { street: string; postal: string; company: string; person: string; tenant: string }> = {
  en: { street: '[street]', postal: '[postal code]', company: '[company]', person: '[name]', tenant: '[tenant ID]' },
  ja: { street: '[番地]', postal: '[郵便番号]', company: '[会社名]', person: '[氏名]', tenant: '[テナント ID]' },
};

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/giu;
const EMAIL = /[^\s@<>()[\]"'`、,;:「」（）【】]+@(?:[^\s@<>()[\]"'`、,;:「」（）【】.]+\.)+[^\s@<>()[\]"'`、,;:「」（）【】.]{2,}/gu;
/** A number that may be a PartnerID nobody told us about (the portal's own codes excepted). */
const ID_LIKE = /(?<![\d.,-])\d{5,8}(?![\d])/gu;
const PORTAL_NUMBERS = new Set<string>(PORTAL_CODES.filter((c) => /^\d+$/.test(c)));
/** A Japanese postal code in running text. */
const JP_POSTAL = /〒\s?\d{3}[-－ー]?\d{4}|(?<!\d)\d{3}[-－]\d{4}(?!\d)/gu;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const variants = (raw: string) => [...new Set([raw.trim(), raw.trim().normalize('NFKC')])].filter((v) => v !== '');
/** Values too short to identify anyone (and that would shred the text): one Latin letter or digit. */
const identifying = (v: string) => v.length >= 3 || (v.length >= 2 && /[^\u0020-\u007e]/.test(v));

export class Redactor {
  private readonly literals: { re: RegExp | null; masks: Map<string, string> };
  private readonly ids: Map<string, KnownPartnerId>;

  constructor(
    private readonly sensitive: Sensitive,
    readonly shown: Shown,
    readonly locale: Locale,
  ) {
    this.ids = new Map(sensitive.partnerIds.map((p) => [p.id, p]));
    const masks = new Map<string, string>();
    const add = (raws: readonly string[], mask: (raw: string) => string, on: boolean) => {
      if (!on) return;
      for (const raw of raws)
        for (const v of variants(raw)) if (identifying(v) && !masks.has(v.toLowerCase())) masks.set(v.toLowerCase(), mask(v));
    };
    const m = MASK[locale];
    add(sensitive.tenantIds, () => m.tenant, !shown.tenantIds);
    add(
      sensitive.partnerIds.map((p) => p.id),
      (v) => this.maskId(v),
      !shown.partnerIds,
    );
    add(sensitive.streets, () => m.street, !shown.addresses);
    add(sensitive.postalCodes, () => m.postal, !shown.addresses);
    add(sensitive.companyNames, () => m.company, !shown.names);
    add(sensitive.personNames, () => m.person, !shown.names);
    const keys = [...masks.keys()].sort((a, b) => b.length - a.length);
    const alternatives = keys.map((k) => (/^\d+$/.test(k) ? `(?<!\\d)${escape(k)}(?!\\d)` : escape(k)));
    this.literals = { re: keys.length ? new RegExp(alternatives.join('|'), 'giu') : null, masks };
  }

  /** `t•••@gmail.com`: the first character of the local part, then the domain. */
  maskEmail(email: string): string {
    if (this.shown.emails) return email;
    const at = email.lastIndexOf('@');
    return at <= 0 ? '•••' : `${[...email.slice(0, at)][0]}•••${email.slice(at)}`;
  }

  /** `…67`; with `described`, what it is: `…67 (PGA)`, `…21 (PLA, Japan)`. */
  maskId(raw: string, described = false): string {
    const digits = raw.normalize('NFKC').replace(/[\s-]/g, '');
    const known = this.ids.get(digits);
    const masked = this.shown.partnerIds ? raw : `…${digits.slice(-2)}`;
    if (!described || !known?.type) return masked;
    const what = known.type === 'global' ? 'PGA' : known.country ? `PLA, ${countryName(known.country, this.locale)}` : 'PLA';
    return `${masked} (${what})`;
  }

  /** Any text: known values and recognisable ones (emails, GUIDs, ID-like numbers, Japanese postal codes) replaced. */
  text(input: string): string {
    const known = this.sensitive.emails.filter(identifying).map(escape);
    // Emails and GUIDs first, each as one piece: a name inside an email's local part is the email's business.
    const spans = new RegExp([...known, EMAIL.source, GUID.source].join('|'), 'giu');
    let out = '';
    let last = 0;
    for (const match of input.matchAll(spans)) {
      out += this.loose(input.slice(last, match.index));
      const piece = match[0];
      out += piece.includes('@') ? this.maskEmail(piece) : this.shown.tenantIds ? piece : MASK[this.locale].tenant;
      last = match.index + piece.length;
    }
    return out + this.loose(input.slice(last));
  }

  /** The value of a field of `kind`, masked as a whole by what it is. */
  value(kind: FieldKind | string, value: string): string {
    const v = value.trim();
    const m = MASK[this.locale];
    switch (kind) {
      case 'partner-id':
        return /^[\d\s０-９-]{5,12}$/.test(v) ? this.maskId(v, true) : this.text(v);
      case 'address-line1':
      case 'address-line2':
        return this.shown.addresses ? v : m.street;
      case 'postal-code':
        return this.shown.addresses ? v : m.postal;
      case 'company-name':
        return this.shown.names ? v : m.company;
      default:
        return this.text(v);
    }
  }

  private loose(text: string): string {
    if (text === '') return text;
    let out = this.literals.re ? text.replace(this.literals.re, (s) => this.literals.masks.get(s.toLowerCase()) ?? s) : text;
    if (!this.shown.partnerIds) out = out.replace(ID_LIKE, (s) => (PORTAL_NUMBERS.has(s) ? s : this.maskId(s)));
    if (!this.shown.addresses) out = out.replace(JP_POSTAL, MASK[this.locale].postal);
    return out;
  }
}
