import { ADDRESS_PARTS, compareAddresses, PART_KINDS, PART_NAMES, type AddressDiff } from '../address/compare';
import { countryCode } from '../address/normalize';
import { LEXICONS } from '../detect/lexicon';
import { ownerOf } from '../detect/owner';
import { fold } from '../text';
import { defineCheck } from '../run-checks';
import type { AddressPart, AddressParts, ClassifiedField, FieldKind, Finding, Locale, PageFacts } from '../types';

const ADDRESS_KINDS = new Set<FieldKind>(Object.values(PART_KINDS));
const OTHER_ADDRESS = Object.values(LEXICONS)
  .flatMap((l) => l.otherAddress)
  .map(fold);
const isOtherAddress = (section: string) => {
  const s = fold(section);
  return s !== '' && OTHER_ADDRESS.some((w) => s.includes(w));
};
/** A customer's or another company's address (by section, labels or route), or billing, shipping, another location. */
const notLegalAddress = (f: ClassifiedField, page: PageFacts | undefined) =>
  ownerOf(f.descriptor, page) === 'other' || isOtherAddress(f.descriptor.section);

/** A select's "Select…" / "選択してください" text is no value. */
const PLACEHOLDER = /^[\s\-–—]*$|^[\s\-–—]*(?:select|choose|please select)\b|選択/i;

/** `standardization` when only the spelling differs; `diffs` are the differences the mark lists. */
type Params = { kind: 'material' | 'standardization'; diffs: AddressDiff[] };

/**
 * An error mark lists every difference; an info mark (standardization only) lists only the differences in
 * spelling, with its own words: a material difference elsewhere has its own error mark.
 */
function findingOf(fieldId: string, diffs: AddressDiff[], material = diffs.some((d) => d.material)): Finding<Params> {
  const shown = material ? diffs : diffs.filter((d) => !d.material);
  return { fieldId, params: { kind: material ? 'material' : 'standardization', diffs: shown }, severity: material ? 'error' : 'info' };
}

/** `address line 1 ("1 Microsoft Wy" → "1 Microsoft Way"), postal code (…)`. */
function diffList({ diffs }: Params, locale: Locale): string {
  const clip = (v: string) => (v.length > 80 ? `${v.slice(0, 79)}…` : v);
  const quote = (v: string) => (!v ? (locale === 'ja' ? '(空欄)' : '(empty)') : locale === 'ja' ? `「${v}」` : `"${v}"`);
  const arrow = locale === 'ja' ? '→' : ' → ';
  return diffs
    .map((d) => `${PART_NAMES[locale][d.part]} (${quote(clip(d.entered))}${arrow}${quote(clip(d.verified))})`)
    .join(locale === 'ja' ? '、' : ', ');
}

/** The page's address parts (first filled field of each kind) and the field each part is read from. */
function pageAddress(fields: ClassifiedField[]): { parts: AddressParts; ids: Partial<Record<AddressPart, string>> } {
  const parts: AddressParts = {};
  const ids: Partial<Record<AddressPart, string>> = {};
  for (const part of ADDRESS_PARTS) {
    const own = fields.filter((f) => f.kind === PART_KINDS[part]);
    const filled = own.find((f) => {
      const value = f.descriptor.value.trim();
      return value !== '' && !((part === 'state' || part === 'country') && PLACEHOLDER.test(value));
    });
    const chosen = filled ?? own[0];
    if (chosen) ids[part] = chosen.descriptor.id;
    if (filled) parts[part] = filled.descriptor.value.trim();
  }
  return { parts, ids };
}

/**
 * The address differs from the verified (standardized) one: in the portal's address-verification dialog,
 * or in the form once a verified address is known. Info when only standardization differs.
 */
export const addressDiffersFromVerified = defineCheck<Params>({
  code: 'address-differs-from-verified',
  severity: 'error',
  reads: ['address-line1', 'address-line2', 'city', 'state', 'postal-code', 'country'],
  messages: {
    en: (params) => {
      const list = diffList(params, 'en');
      return params.kind === 'standardization'
        ? `This address matches the verified one except for standardization (abbreviations, case, width, spacing, ZIP+4 ` +
            `and the like)${list ? `: ${list}` : ''}. Using the suggested form is recommended, so that it reads exactly as verified.`
        : `This address differs from the verified one${list ? ` in: ${list}` : ''}. Use the verified (standardized) address ` +
            `exactly as the portal suggested it: the legal business address must match the company's registration records.`;
    },
    ja: (params) => {
      const list = diffList(params, 'ja');
      const detail = list ? `：${list}` : '';
      return params.kind === 'standardization'
        ? `この住所は、略語、大文字と小文字、全角と半角、空白、番地の書き方などの表記の標準化を除いて、確認済みの住所と一致しています${detail}。` +
            `確認済みの表記どおりに入力することをお勧めします。`
        : `この住所は確認済みの住所と異なります${detail}。法人の住所は登記上の記録と一致している必要があるため、` +
            `ポータルが提案した確認済み (標準化済み) の住所をそのとおりに使用してください。`;
    },
  },
  examples: {
    flags: [
      {
        fields: [],
        page: {
          addressDialog: {
            anchorId: 'f1',
            entered: { line1: '1 Microsoft Wy', city: 'Bellevue', state: 'WA', postalCode: '98052', country: 'United States' },
            verified: { line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052-6399', country: 'US' },
          },
        },
      },
      {
        fields: [],
        page: {
          addressDialog: {
            anchorId: 'f1',
            entered: { line1: '千代田1丁目1番1号', city: '千代田区', state: '東京', postalCode: '1000001', country: '日本' },
            verified: { line1: '千代田1-1-1', city: '千代田区', state: '東京都', postalCode: '100-0001', country: 'Japan' },
          },
        },
      },
      {
        fields: [
          { kind: 'address-line1', value: '1 Microsoft Way' },
          { kind: 'city', value: 'Redmond' },
          { kind: 'postal-code', value: '98053' },
        ],
        facts: { verifiedAddress: { line1: '1 Microsoft Way', city: 'Redmond', state: 'WA', postalCode: '98052-6399', country: 'US' } },
      },
      {
        // A material difference (postal code: error) next to a spelling one (東京 / 東京都: info).
        fields: [
          { kind: 'state', value: '東京' },
          { kind: 'city', value: '千代田区' },
          { kind: 'postal-code', value: '100-0002' },
          { kind: 'address-line1', value: '千代田1丁目1番1号' },
        ],
        facts: {
          verifiedAddress: { line1: '千代田1丁目1番1号', city: '千代田区', state: '東京都', postalCode: '100-0001', country: 'JP' },
        },
      },
    ],
    passes: [
      {
        // A customer's address, by the route and by the section.
        fields: [
          { kind: 'address-line1', value: '2 Main St' },
          { kind: 'postal-code', value: '98052', section: 'Company address' },
        ],
        facts: { verifiedAddress: { line1: '1 Microsoft Way', city: 'Redmond', postalCode: '98052' } },
        page: { path: '/en-us/dashboard/v2/customers/invite' },
      },
      {
        fields: [
          { kind: 'address-line1', value: '千代田2丁目1番1号', section: '取引先の住所' },
          { kind: 'postal-code', value: '100-0001', section: '取引先の住所' },
        ],
        facts: { verifiedAddress: { line1: '千代田1丁目1番1号', postalCode: '100-0001' } },
      },
      {
        fields: [],
        page: {
          addressDialog: {
            anchorId: 'f1',
            entered: { line1: '1 Microsoft Way', city: 'Redmond', postalCode: '98052' },
            verified: { line1: '1 Microsoft Way', city: 'Redmond', postalCode: '98052' },
          },
        },
      },
      {
        fields: [
          { kind: 'address-line1', value: '1 Microsoft Way' },
          { kind: 'postal-code', value: '98052-6399' },
        ],
        facts: { verifiedAddress: { line1: '1 Microsoft Way', city: 'Redmond', postalCode: '98052-6399' } },
      },
      {
        fields: [
          { kind: 'address-line1', value: '1 Microsoft Wy' },
          { kind: 'postal-code', value: '98052' },
        ],
      },
    ],
  },
  sandbox: {
    flags: [
      'en/address-dialog.html',
      'en/address-dialog-material.html',
      'ja/address-dialog.html',
      'en/address-dialog-radios.html',
      'ja/legal-business-profile-later.html',
    ],
    quiet: ['ja/legal-business-profile-later.html', 'en/legal-business-profile-duns.html'],
  },
  run({ fields, facts, page }) {
    const dialog = page?.addressDialog;
    if (dialog) {
      const diffs = compareAddresses(dialog.entered ?? {}, dialog.verified ?? {});
      return diffs.length > 0 ? [findingOf(dialog.anchorId, diffs)] : [];
    }
    const verified = facts.verifiedAddress;
    if (!verified) return [];
    const own = fields.filter((f) => ADDRESS_KINDS.has(f.kind));
    // A customer's, another company's, a billing or another location's address is not the legal address.
    if (own.some((f) => notLegalAddress(f, page))) return [];
    const { parts, ids } = pageAddress(own);
    if (!parts.line1 && !parts.postalCode) return [];
    // Another country: the form is about another address, not a misspelt legal one.
    const pageCountry = parts.country && countryCode(parts.country);
    const verifiedCountry = verified.country && countryCode(verified.country);
    if (pageCountry && verifiedCountry && pageCountry !== verifiedCountry) return [];
    // Only the parts the user has filled in: a form being typed top to bottom is not wrong yet.
    const entered: AddressParts = {};
    const scope: AddressParts = {};
    for (const part of ADDRESS_PARTS) {
      if (parts[part] && verified[part]) [entered[part], scope[part]] = [parts[part], verified[part]];
    }
    // A country shown as a name and stored as a code is the same country: nothing to show.
    const diffs = compareAddresses(entered, scope).filter((d) => d.material || d.part !== 'country');
    // Nothing in common with the verified address (every part compared differs materially): this form
    // is about another address (another company's, another site's), not a misspelt legal one.
    const compared = Object.keys(scope).filter((k) => k !== 'country');
    const material = diffs.filter((d) => d.material && d.part !== 'country');
    if (compared.length >= 2 && material.length === compared.length) return [];
    // Every differing field gets its own mark (error when its part differs materially, info when only
    // its spelling is standardized); each mark lists all the differences.
    return diffs.flatMap((d) => (ids[d.part] ? [findingOf(ids[d.part]!, diffs, d.material)] : []));
  },
});
