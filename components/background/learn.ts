import { describeDomain } from '../../rules/email/domain';
import { ADDRESS_PARTS } from '../../rules/address/compare';
import type { AddressParts } from '../../rules/types';
import type { Learned } from '../contract/page';
import { LIMITS } from '../contract/limits';
import type { Profile } from '../contract/profile';

const clean = (parts: AddressParts): AddressParts =>
  Object.fromEntries(Object.entries(parts).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as AddressParts;

const sameAddress = (a: AddressParts | undefined, b: AddressParts | undefined) => {
  const key = (x: AddressParts | undefined) => JSON.stringify(ADDRESS_PARTS.map((p) => (x?.[p] ?? '').trim().toLowerCase()));
  return key(a) === key(b);
};

/**
 * Whether a learn would replace a fact the user entered or imported (then it asks first: nothing is
 * changed until the user says "use it"): a verified address other than the one known (unless that one came
 * from a dialog too), or a submitted company address other than the one in the profile.
 */
export function wouldReplace(profile: Profile, learned: Learned): boolean {
  if (learned.kind === 'legal-profile') {
    const known = clean(profile.company.address ?? {});
    const address = clean(learned.address ?? {});
    return Object.keys(known).length > 0 && Object.keys(address).length > 0 && !sameAddress(known, address);
  }
  if (learned.kind !== 'verified-address') return false;
  const known = profile.verifiedAddress;
  if (!known || known.source === 'dialog') return false;
  const address = clean(learned.address);
  return Object.keys(address).length > 0 && !sameAddress(known, address);
}

/** The address in one line, in its parts' order. */
export const addressLine = (a: AddressParts) =>
  ADDRESS_PARTS.map((p) => a[p])
    .filter(Boolean)
    .join(', ');

/**
 * Merges what a page showed into the profile. Pure: returns a new profile, or the same one when nothing
 * changed. `force`: the user accepted a fact that replaces one they entered or imported.
 */
export function applyLearned(profile: Profile, learned: Learned, now: string, { force = false } = {}): Profile {
  const next: Profile = structuredClone(profile);
  switch (learned.kind) {
    case 'identifiers': {
      // The Identifiers page is the source of truth for the learned IDs it lists; what the user added or
      // imported is never changed by a page (it may be wrong, or not the portal at all: see SECURITY.md).
      for (const p of learned.partnerIds.slice(0, LIMITS.partnerIds)) {
        const i = next.partnerIds.findIndex((q) => q.id === p.id);
        if (i >= 0 && next.partnerIds[i]!.source !== 'identifiers-page') continue;
        const at = i >= 0 ? next.partnerIds[i]!.at : now;
        const entry = {
          id: p.id,
          type: p.type,
          ...(p.country ? { country: p.country } : {}),
          ...(p.name ? { name: p.name } : {}),
          source: 'identifiers-page' as const,
          ...(at ? { at } : {}),
        };
        // Seen again: moved to the end, the newest.
        if (i >= 0) next.partnerIds.splice(i, 1);
        next.partnerIds.push(entry);
      }
      // A bounded list that keeps the newest: past the limit the oldest learned IDs go (never the user's).
      while (next.partnerIds.length > LIMITS.partnerIds) {
        const oldest = next.partnerIds.findIndex((q) => q.source === 'identifiers-page');
        if (oldest < 0) break;
        next.partnerIds.splice(oldest, 1);
      }
      if (learned.associatedPartnerId && !next.associatedPartnerId) next.associatedPartnerId = learned.associatedPartnerId;
      break;
    }
    case 'legal-profile':
      // The user submitting the form (a trusted click on the legal business profile page) fills in what
      // is missing; a name or country already in the profile (typed or imported) is kept.
      if (learned.companyName && !next.company.name) next.company.name = learned.companyName;
      if (learned.country && !next.company.country) next.company.country = learned.country;
      // The address last submitted; one the profile already holds is replaced only when the user says so
      // (wouldReplace: the router asks first).
      if (learned.address && Object.keys(clean(learned.address)).length > 0 && (force || !wouldReplace(profile, learned)))
        next.company.address = clean(learned.address);
      break;
    case 'verified-address':
      // A verified address the user entered or imported is never replaced by what a page shows.
      if (!force && next.verifiedAddress && next.verifiedAddress.source !== 'dialog') break;
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
  const sameVerified = JSON.stringify({ ...va, confirmedAt: undefined }) === JSON.stringify({ ...vb, confirmedAt: undefined });
  if (sameVerified && JSON.stringify(restNext) === JSON.stringify(restOld)) return profile;
  next.updatedAt = now;
  return next;
}

/** How many PartnerIDs a learn added that the profile did not have. */
export const newPartnerIds = (before: Profile, after: Profile) =>
  after.partnerIds.filter((p) => !before.partnerIds.some((q) => q.id === p.id)).length;
