import { readPartnerId } from '../partner/ids';
import type { AddressParts, FieldKind } from '../types';
import { emptySensitive, type KnownPartnerId, type Sensitive } from './redact';

/** A field as the content script shows it to the report page: its kind, label and value. */
export interface FieldSeen {
  id: string;
  kind: FieldKind | string;
  label: string;
  value: string;
}

/** The parts of the team profile that hold personal or company values (a structural subset of `Profile`). */
export interface ProfileValues {
  company?: { name?: string; address?: AddressParts };
  partnerIds?: (KnownPartnerId & { name?: string })[];
  associatedPartnerId?: string;
  verifiedAddress?: AddressParts;
  distributor?: { name?: string; email?: string };
}

/** A field that holds a person's name, by its label (the classifier has no kind for it). */
const PERSON =
  /\b(?:first|last|given|family|full|contact|display|your)?\s*name\b|氏名|名前|姓|(?<![会社社団法])名(?![称簿前])|ふりがな|フリガナ/i;
const NOT_PERSON = /company|business|organi[sz]ation|legal|domain|user ?name|file|会社|法人|組織|ドメイン|ファイル/i;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const EMAIL_KINDS = new Set(['email', 'primary-contact-email', 'support-email']);

/** Walks an issue's params for values worth hiding: IDs, emails, GUIDs, address lines. */
function fromParams(params: unknown, out: Sensitive, depth = 0): void {
  if (depth > 6 || params === null || params === undefined) return;
  if (typeof params === 'string') {
    if (/^\d{5,8}$/.test(params)) out.partnerIds.push({ id: params });
    else if (params.includes('@')) out.emails.push(params);
    for (const g of params.match(GUID) ?? []) out.tenantIds.push(g);
    return;
  }
  if (Array.isArray(params)) {
    for (const p of params) fromParams(p, out, depth + 1);
    return;
  }
  if (typeof params !== 'object') return;
  const o = params as Record<string, unknown>;
  // An address difference: { part, entered, verified } (address-differs-from-verified).
  if (typeof o.part === 'string' && ('entered' in o || 'verified' in o)) {
    const target = o.part === 'postalCode' ? out.postalCodes : o.part === 'line1' || o.part === 'line2' ? out.streets : null;
    for (const v of [o.entered, o.verified]) if (target && typeof v === 'string' && v) target.push(v);
  }
  for (const v of Object.values(o)) fromParams(v, out, depth + 1);
}

function addAddress(a: AddressParts | undefined, out: Sensitive): void {
  if (!a) return;
  for (const v of [a.line1, a.line2]) if (v) out.streets.push(v);
  if (a.postalCode) out.postalCodes.push(a.postalCode);
}

/** Every value the page and the profile held that a report hides by default. */
export function collectSensitive(fields: readonly FieldSeen[], profile: ProfileValues | undefined, params: readonly unknown[]): Sensitive {
  const out = emptySensitive();
  for (const f of fields) {
    const v = f.value.trim();
    if (!v) continue;
    for (const g of v.match(GUID) ?? []) out.tenantIds.push(g);
    if (EMAIL_KINDS.has(f.kind) || /@/.test(v)) out.emails.push(v);
    else if (f.kind === 'partner-id') {
      const r = readPartnerId(v);
      out.partnerIds.push({ id: r.kind === 'ok' ? r.id : v });
      if (r.kind === 'ok' && r.id !== v) out.partnerIds.push({ id: v });
    } else if (f.kind === 'address-line1' || f.kind === 'address-line2') out.streets.push(v);
    else if (f.kind === 'postal-code') out.postalCodes.push(v);
    else if (f.kind === 'company-name') out.companyNames.push(v);
    else if (f.kind === 'unknown' && PERSON.test(f.label) && !NOT_PERSON.test(f.label)) out.personNames.push(v);
  }
  if (profile) {
    if (profile.company?.name) out.companyNames.push(profile.company.name);
    addAddress(profile.company?.address, out);
    addAddress(profile.verifiedAddress, out);
    for (const p of profile.partnerIds ?? []) {
      out.partnerIds.push({ id: p.id, ...(p.type ? { type: p.type } : {}), ...(p.country ? { country: p.country } : {}) });
      if (p.name) out.companyNames.push(p.name);
    }
    if (profile.associatedPartnerId) out.partnerIds.push({ id: profile.associatedPartnerId });
    if (profile.distributor?.name) out.companyNames.push(profile.distributor.name);
    if (profile.distributor?.email) out.emails.push(profile.distributor.email);
  }
  for (const p of params) fromParams(p, out);
  // What the profile says about an ID (type, country) wins over a bare ID seen on the page.
  const ids = new Map<string, KnownPartnerId>();
  for (const p of out.partnerIds) {
    const prev = ids.get(p.id);
    const type = p.type ?? prev?.type;
    const country = p.country ?? prev?.country;
    ids.set(p.id, { id: p.id, ...(type ? { type } : {}), ...(country ? { country } : {}) });
  }
  out.partnerIds = [...ids.values()];
  return out;
}
