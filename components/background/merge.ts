import type { Profile } from '../contract/profile';

/**
 * Three-way merge of a profile edit made from a stale base. The profile is cut into atoms (a company
 * field, one domain, one PartnerID, the verified address as a whole, …); what the editor changed relative
 * to its base is applied to what is stored now. An atom both changed, to different values, is a conflict:
 * the save is refused, never a silent overwrite either way. Pure.
 */

type Atoms = Map<string, string>;

const json = (v: unknown) => JSON.stringify(v);

function atomsOf(p: Profile): Atoms {
  const a: Atoms = new Map();
  const put = (k: string, v: unknown) => {
    if (v !== undefined) a.set(k, json(v));
  };
  put('format', p.format);
  put('version', p.version);
  put('company.name', p.company.name);
  put('company.country', p.company.country);
  put('company.address', p.company.address);
  for (const d of p.company.domains) put(`company.domains:${d}`, true);
  for (const id of p.partnerIds) put(`partnerIds:${id.id}`, id);
  put('associatedPartnerId', p.associatedPartnerId);
  if (p.verifiedAddress) {
    // When it was confirmed is no change of its own.
    const { confirmedAt: _c, ...address } = p.verifiedAddress;
    a.set('verifiedAddress', json(address));
  }
  put('distributor', p.distributor);
  return a;
}

export type MergeResult = { ok: true; profile: Profile } | { ok: false; conflicts: string[] };

export function mergeProfiles(base: Profile, edited: Profile, current: Profile): MergeResult {
  const b = atomsOf(base);
  const e = atomsOf(edited);
  const c = atomsOf(current);
  const conflicts: string[] = [];
  const take = new Map<string, string | undefined>();
  for (const key of new Set([...b.keys(), ...e.keys()])) {
    if (b.get(key) === e.get(key)) continue; // not edited
    if (c.get(key) !== b.get(key) && c.get(key) !== e.get(key)) conflicts.push(key.replace(/:.*/, (m) => `[${m.slice(1)}]`));
    else take.set(key, e.get(key));
  }
  if (conflicts.length > 0) return { ok: false, conflicts };
  const next: Profile = structuredClone(current);
  const value = (k: string) => {
    const v = take.get(k);
    return v === undefined ? undefined : JSON.parse(v);
  };
  const scalar = (k: string, setter: (v: never) => void) => {
    if (take.has(k)) setter(value(k) as never);
  };
  scalar('company.name', (v) => (next.company.name = v));
  scalar('company.country', (v) => (next.company.country = v));
  scalar('company.address', (v) => (next.company.address = v));
  scalar('associatedPartnerId', (v) => (next.associatedPartnerId = v));
  scalar('distributor', (v) => (next.distributor = v));
  if (take.has('verifiedAddress')) {
    next.verifiedAddress = edited.verifiedAddress ? structuredClone(edited.verifiedAddress) : undefined;
  }
  for (const [k] of take) {
    if (k.startsWith('company.domains:')) {
      const d = k.slice('company.domains:'.length);
      next.company.domains = next.company.domains.filter((x) => x !== d);
      if (take.get(k) !== undefined) next.company.domains.push(d);
    } else if (k.startsWith('partnerIds:')) {
      const id = k.slice('partnerIds:'.length);
      const at = next.partnerIds.findIndex((x) => x.id === id);
      const v = value(k);
      if (v === undefined) {
        if (at >= 0) next.partnerIds.splice(at, 1);
      } else if (at >= 0) next.partnerIds[at] = v;
      else next.partnerIds.push(v);
    }
  }
  return { ok: true, profile: next };
}
