import { ADDRESS_PARTS, type AddressDiff } from './address/compare';
import { withoutLocale } from './companion/places';
import type { AddressPart, AddressParts } from './types';

/**
 * What a mark's card can offer for an issue, from its code and params: values to copy (the PLA ID to use,
 * the verified address or one part of it) and the enrollment step the issue belongs to. Pure data.
 */
export type Copy = { kind: 'pla'; value: string } | { kind: 'address'; value: string } | { kind: 'part'; part: AddressPart; value: string };

export interface Fix {
  copies: Copy[];
  /** The checklist step (rules/companion/steps.ts) where this is put right. */
  step: string;
}

const STEP_OF: Record<string, string> = {
  'pga-instead-of-pla': 'associate-pla',
  'pla-country-mismatch': 'associate-pla',
  'unknown-partner-id': 'associate-pla',
  'malformed-partner-id': 'associate-pla',
  'address-differs-from-verified': 'legal-business-profile',
  'region-mismatch': 'choose-distributor',
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : []);

/**
 * The fix for an issue; params of the wrong shape give no copy (never a throw). `verified` is the verified
 * address the extension knows (the whole of it is offered; the diffs name only the parts that differ).
 */
export function fixOf(code: string, params: unknown, verified?: AddressParts): Fix {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  const copies: Copy[] = [];
  if (code === 'pga-instead-of-pla' || code === 'pla-country-mismatch') {
    // One PLA to use: offered. Several: the card's message lists them; the first is offered.
    const pla = strings(p.plas)[0];
    if (pla) copies.push({ kind: 'pla', value: pla });
  }
  if (code === 'address-differs-from-verified' && Array.isArray(p.diffs)) {
    const diffs = (p.diffs as Partial<AddressDiff>[]).filter(
      (d) => typeof d?.part === 'string' && ADDRESS_PARTS.includes(d.part) && typeof d.verified === 'string',
    );
    const first = diffs.find((d) => d.verified);
    if (first) copies.push({ kind: 'part', part: first.part!, value: first.verified! });
    const whole = ADDRESS_PARTS.map((part) => verified?.[part] || diffs.find((d) => d.part === part)?.verified).filter(Boolean);
    if (whole.length > 1) copies.push({ kind: 'address', value: whole.join(', ') });
  }
  // A finding may name its step itself (`portal-error`: the step that fixes the portal's code).
  const step = typeof p.step === 'string' && p.step ? p.step : STEP_OF[code];
  return { copies, step: step ?? (code.includes('email') ? 'primary-contact' : 'legal-business-profile') };
}

/**
 * A field's place for "ignore on this field": the issue code, the field's label and the page's path
 * without its locale, so that the same field is recognised on the next visit and in either language's URL.
 */
export const ignoreKey = (code: string, label: string, path: string) => `${code}|${withoutLocale(path)}|${label.trim().toLowerCase()}`;
