import { fold } from '../text';
import type { ClassifiedField, Facts, PartnerIdFact } from '../types';

/**
 * PartnerIDs (MPN IDs, "AI Cloud Partner Program IDs") are numeric. No length is documented; every
 * documented example has 6 or 7 digits. We accept 5 to 8 digits: one digit either side of what is seen,
 * so a valid ID is never called malformed, while the usual wrong pastes are still caught: a 9-digit DUNS
 * number, a 10-digit phone number, a tenant ID (GUID).
 */
export const PARTNER_ID_DIGITS = { min: 5, max: 8 } as const;

export type PartnerIdReading =
  | { kind: 'empty' }
  | { kind: 'ok'; id: string }
  | { kind: 'not-numeric'; looksLike?: 'guid' | 'email' }
  | { kind: 'length'; id: string; looksLike?: 'duns' | 'phone' };

/** Reads a PartnerID as typed: full-width digits, spaces and hyphens are tolerated. */
export function readPartnerId(raw: string): PartnerIdReading {
  const text = fold(raw);
  if (text === '') return { kind: 'empty' };
  if (/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/.test(text)) return { kind: 'not-numeric', looksLike: 'guid' };
  if (text.includes('@')) return { kind: 'not-numeric', looksLike: 'email' };
  const digits = text.replace(/[\s\-‐‑–—ー]/g, '');
  if (!/^\d+$/.test(digits)) return { kind: 'not-numeric' };
  if (digits.length < PARTNER_ID_DIGITS.min || digits.length > PARTNER_ID_DIGITS.max) {
    return {
      kind: 'length',
      id: digits,
      looksLike: digits.length === 9 ? 'duns' : digits.length === 10 || digits.length === 11 ? 'phone' : undefined,
    };
  }
  return { kind: 'ok', id: digits };
}

const GLOBAL_LABEL = /global|pga|グローバル/;

/**
 * Partner-ID fields that ask for a PLA (or any PartnerID): not the read-only displays, and not a field
 * whose own label says it holds the global (PGA) ID.
 */
export function plaFields(fields: ClassifiedField[]): ClassifiedField[] {
  // Help text (aria-describedby) often warns against the global ID ("Don't use the Global ID"): it does
  // not make the field a global-ID field.
  return fields.filter(
    (f) =>
      f.kind === 'partner-id' &&
      !f.descriptor.readOnly &&
      !f.descriptor.labels.some((l) => l.source !== 'aria-describedby' && GLOBAL_LABEL.test(fold(l.text))),
  );
}

/** The known ID a field holds, if any. */
export function knownId(facts: Facts, id: string): PartnerIdFact | undefined {
  return facts.partnerIds?.find((p) => p.id === id);
}

/** The CSP account's country: the profile's, else the associated PLA's (they must match by rule). */
export function accountCountry(facts: Facts): string | undefined {
  if (facts.companyCountry) return facts.companyCountry;
  const associated = facts.associatedPartnerId ? knownId(facts, facts.associatedPartnerId) : undefined;
  return associated?.type === 'location' ? associated.country : undefined;
}
