import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLearned } from '../../components/background/learn';
import { emptyProfile, factsOf, parseProfile, PROFILE_FORMAT } from '../../components/contract/profile';
import { ProfileStore } from '../../components/background/profile-store';

const NOW = '2026-11-25T00:00:00.000Z';
const good = {
  format: PROFILE_FORMAT,
  version: 1,
  company: { name: 'Contoso Japan KK', country: 'jp', domains: ['Contoso.co.jp'] },
  partnerIds: [
    { id: '1234567', type: 'global', country: 'JP' },
    { id: '7654321', type: 'location', country: 'JP' },
  ],
  associatedPartnerId: '7654321',
  verifiedAddress: { line1: '千代田1丁目1番1号', city: '千代田区', state: '東京都', postalCode: '100-0001', country: 'JP' },
  distributor: { name: 'Example Distribution KK', region: 'japan' },
};

describe('team profile JSON', () => {
  it('accepts a documented profile and normalizes it', () => {
    const r = parseProfile(JSON.stringify(good));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.profile.company).toEqual({ name: 'Contoso Japan KK', country: 'JP', domains: ['contoso.co.jp'] });
    expect(factsOf(r.profile)).toMatchObject({ companyCountry: 'JP', distributorRegion: 'japan', associatedPartnerId: '7654321' });
  });

  it.each([
    ['not JSON', '{ nope', /^Not JSON/],
    ['no version', JSON.stringify({ ...good, version: undefined }), /^version:/],
    ['a newer version', JSON.stringify({ ...good, version: 9 }), /newer than this extension/],
    ['a bad PartnerID', JSON.stringify({ ...good, partnerIds: [{ id: '12ab', type: 'global' }] }), /^partnerIds\.0\.id: a PartnerID/],
    ['an unknown region', JSON.stringify({ ...good, distributor: { name: 'x', region: 'mars' } }), /^distributor\.region:/],
    ['an unknown key', JSON.stringify({ ...good, extra: 1 }), /extra/],
    ['a bad domain', JSON.stringify({ ...good, company: { domains: ['not a domain'] } }), /^company\.domains\.0: a domain name/],
  ])('refuses %s with a clear message', (_name, text, message) => {
    const r = parseProfile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(message);
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue()), (v) => void parseProfile(v)));
  });
});

describe('learning', () => {
  it('merges Identifiers into the profile, keeping IDs added by hand', () => {
    const start = { ...emptyProfile(), partnerIds: [{ id: '5555555', type: 'location' as const, source: 'user' as const }] };
    const next = applyLearned(start, { kind: 'identifiers', partnerIds: [{ id: '1234567', type: 'global', country: 'JP' }], associatedPartnerId: '7654321' }, NOW);
    expect(next.partnerIds.map((p) => `${p.id}:${p.type}:${p.source}`)).toEqual(['5555555:location:user', '1234567:global:identifiers-page']);
    expect(next.associatedPartnerId).toBe('7654321');
    expect(next.updatedAt).toBe(NOW);
  });

  it('returns the same profile when nothing changed', () => {
    const once = applyLearned(emptyProfile(), { kind: 'company-domain', domain: 'contoso.com' }, NOW);
    expect(applyLearned(once, { kind: 'company-domain', domain: 'contoso.com' }, 'later')).toBe(once);
    const dialog = applyLearned(once, { kind: 'verified-address', address: { line1: '1 Microsoft Way' } }, NOW);
    expect(applyLearned(dialog, { kind: 'verified-address', address: { line1: '1 Microsoft Way' } }, 'later')).toBe(dialog);
  });
});

describe('ProfileStore (IndexedDB)', () => {
  it('stores, validates on read, and sets an unreadable value aside instead of losing it', async () => {
    const store = new ProfileStore(`test-${Math.random()}`);
    expect((await store.read()).profile).toEqual(emptyProfile());
    await store.update((p) => applyLearned(p, { kind: 'company-domain', domain: 'contoso.com' }, NOW));
    expect((await store.read()).profile.company.domains).toEqual(['contoso.com']);

    const { set } = await import('idb-keyval');
    const { createStore } = await import('idb-keyval');
    const name = `test-${Math.random()}`;
    await set('profile', { version: 1, partnerIds: 'broken' }, createStore(name, 'kv'));
    const broken = new ProfileStore(name);
    const state = await broken.read();
    expect(state.profile).toEqual(emptyProfile());
    expect(state.problem?.join()).toMatch(/partnerIds/);
    expect(await broken.unreadable()).toMatchObject({ value: { partnerIds: 'broken' } });
  });

  it('a read asked for after an update sees that update', async () => {
    const store = new ProfileStore(`test-${Math.random()}`);
    const writing = store.update((p) => applyLearned(p, { kind: 'company-domain', domain: 'contoso.com' }, NOW));
    const seen = await store.current();
    expect(seen.profile.company.domains).toEqual(['contoso.com']);
    await writing;
  });

  it('serializes concurrent updates', async () => {
    const store = new ProfileStore(`test-${Math.random()}`);
    await Promise.all(['a.com', 'b.com', 'c.com'].map((domain) => store.update((p) => applyLearned(p, { kind: 'company-domain', domain }, NOW))));
    expect((await store.read()).profile.company.domains.sort()).toEqual(['a.com', 'b.com', 'c.com']);
  });
});

describe('export', () => {
  it('an exported profile imports back unchanged', () => {
    const r = parseProfile(JSON.stringify(good));
    if (!r.ok) throw new Error(r.errors.join());
    const again = parseProfile(JSON.stringify(r.profile, null, 2));
    expect(again).toEqual({ ok: true, profile: r.profile });
  });
});

describe('team profile version 2: the distributor contact email', () => {
  it('migrates a version-1 file: everything kept, version 2, no email', () => {
    const r = parseProfile(JSON.stringify(good));
    expect(r.ok && r.profile.version).toBe(2);
    expect(r.ok && r.profile.distributor).toEqual({ name: 'Example Distribution KK', region: 'japan' });
  });

  it('keeps a version-2 email, trimmed', () => {
    const r = parseProfile({ ...good, version: 2, distributor: { ...good.distributor, email: ' partners@distributor.example ' } });
    expect(r.ok && r.profile.distributor?.email).toBe('partners@distributor.example');
  });

  it('refuses a bad email with its place in the file; reads a version-1 file that already has one as version 2', () => {
    const bad = parseProfile({ ...good, version: 2, distributor: { ...good.distributor, email: 'not an address' } });
    expect(bad).toEqual({ ok: false, errors: [expect.stringMatching(/^distributor\.email: an email address/)] });
    // A version-1 file never had the key: the migration adds the version, the email validates as version 2.
    expect(parseProfile({ ...good, distributor: { ...good.distributor, email: 'partners@distributor.example' } }).ok).toBe(true);
  });
});
