import { describeDomain } from '../../rules/email/domain';
import type { AddressParts } from '../../rules/types';
import type { Learned } from '../contract/page';
import { LIMITS } from '../contract/limits';
import type { Profile } from '../contract/profile';

const clean = (parts: AddressParts): AddressParts =>
  Object.fromEntries(Object.entries(parts).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as AddressParts;

/** Merges what a page showed into the profile. Pure: returns a new profile, or the same one when nothing changed. */
export function applyLearned(profile: Profile, learned: Learned, now: string): Profile {
  const next: Profile = structuredClone(profile);
  switch (learned.kind) {
    case 'identifiers': {
      // The Identifiers page is the source of truth for the IDs it lists; IDs added by hand or by an
      // imported profile that the page does not list are kept.
      for (const p of learned.partnerIds) {
        const i = next.partnerIds.findIndex((q) => q.id === p.id);
        const entry = { id: p.id, type: p.type, ...(p.country ? { country: p.country } : {}), ...(p.name ? { name: p.name } : {}), source: 'identifiers-page' as const };
        if (i >= 0) next.partnerIds[i] = { ...next.partnerIds[i], ...entry };
        else next.partnerIds.push(entry);
      }
      if (learned.associatedPartnerId) next.associatedPartnerId = learned.associatedPartnerId;
      break;
    }
    case 'legal-profile':
      if (learned.companyName) next.company.name = learned.companyName;
      if (learned.country) next.company.country = learned.country;
      if (learned.address && Object.keys(clean(learned.address)).length > 0) next.company.address = clean(learned.address);
      break;
    case 'verified-address':
      next.verifiedAddress = { ...clean(learned.address), source: 'dialog', confirmedAt: now };
      break;
    case 'company-domain': {
      // Only a real company mailbox domain teaches anything: never web-mail or a tenant sign-in name.
      const info = describeDomain(learned.domain.toLowerCase());
      if (info.personal || info.tenantOnly) break;
      const domains = next.company.domains;
      if (!domains.includes(info.registrable) && domains.length < LIMITS.companyDomains) domains.push(info.registrable);
      break;
    }
  }
  const { updatedAt: _a, verifiedAddress: va, ...restNext } = next;
  const { updatedAt: _b, verifiedAddress: vb, ...restOld } = profile;
  const sameAddress = JSON.stringify({ ...va, confirmedAt: undefined }) === JSON.stringify({ ...vb, confirmedAt: undefined });
  if (sameAddress && JSON.stringify(restNext) === JSON.stringify(restOld)) return profile;
  next.updatedAt = now;
  return next;
}
