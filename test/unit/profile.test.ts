import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyLearned } from '../../components/background/learn';
import { emptyProfile, factsOf, parseProfile, PROFILE_FORMAT, setDistributorRegion } from '../../components/contract/profile';
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

describe('the distributor', () => {
  it('a region set from options or the first-run page keeps its name and contact email; none clears it', () => {
    const p = emptyProfile();
    p.distributor = { name: 'Example Distribution KK', region: 'japan', email: 'partners@distributor.example' };
    setDistributorRegion(p, 'asia-pacific');
    expect(p.distributor).toEqual({ name: 'Example Distribution KK', region: 'asia-pacific', email: 'partners@distributor.example' });
    setDistributorRegion(p, '');
    expect(p.distributor).toBeUndefined();
    setDistributorRegion(p, 'japan');
    expect(p.distributor).toEqual({ name: '', region: 'japan' });
  });
});

describe('learning', () => {
  it('merges Identifiers into the profile, keeping IDs added by hand', () => {
    const start = { ...emptyProfile(), partnerIds: [{ id: '5555555', type: 'location' as const, source: 'user' as const }] };
    const next = applyLearned(
      start,
      { kind: 'identifiers', partnerIds: [{ id: '1234567', type: 'global', country: 'JP' }], associatedPartnerId: '7654321' },
      NOW,
    );
    expect(next.partnerIds.map((p) => `${p.id}:${p.type}:${p.source}`)).toEqual([
      '5555555:location:user',
      '1234567:global:identifiers-page',
    ]);
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

describe('learning cannot be poisoned (#2)', () => {
  const ids = (n: number, from = 1000000) =>
    Array.from({ length: n }, (_, i) => ({ id: String(from + i), type: 'location' as const, country: 'JP' }));

  it('#2 past 100 learned IDs the oldest learned go and the newest are kept: a learn is never refused for good', async () => {
    const store = new ProfileStore(`test-${Math.random()}`);
    await store.update((p) => applyLearned(p, { kind: 'identifiers', partnerIds: ids(100) }, NOW));
    await store.update((p) => applyLearned(p, { kind: 'identifiers', partnerIds: ids(5, 2000000) }, NOW));
    const { profile } = await store.read();
    expect(profile.partnerIds).toHaveLength(100);
    expect(profile.partnerIds.slice(-5).map((p) => p.id)).toEqual(['2000000', '2000001', '2000002', '2000003', '2000004']);
    expect(profile.partnerIds.some((p) => p.id === '1000000')).toBe(false);
  });

  it("#2 a page never changes the user's or an import's PartnerID, verified address, company name or country", () => {
    const mine = parseProfile({
      version: 1,
      company: { name: 'Contoso Japan KK', country: 'JP' },
      partnerIds: [{ id: '7654321', type: 'location', country: 'JP', source: 'user' }],
      verifiedAddress: { line1: '1 Real St', source: 'user' },
    });
    if (!mine.ok) throw new Error(mine.errors.join());
    let p = applyLearned(mine.profile, { kind: 'identifiers', partnerIds: [{ id: '7654321', type: 'global', country: 'KP' }] }, NOW);
    p = applyLearned(p, { kind: 'verified-address', address: { line1: '666 Fake Rd' } }, NOW);
    p = applyLearned(p, { kind: 'legal-profile', companyName: 'Evil Shell Corp', country: 'KP' }, NOW);
    expect(p.partnerIds).toEqual([{ id: '7654321', type: 'location', country: 'JP', source: 'user' }]);
    expect(p.verifiedAddress?.line1).toBe('1 Real St');
    expect(p.company).toMatchObject({ name: 'Contoso Japan KK', country: 'JP' });
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
    expect(JSON.parse((await broken.setAsideText(state.setAside[0]!.id))!)).toMatchObject({ partnerIds: 'broken' });
  });

  it('#7 every unreadable profile gets its own timestamped copy; Dismiss keeps them; only a confirmed delete removes one', async () => {
    const { set, createStore } = await import('idb-keyval');
    const name = `test-${Math.random()}`;
    const db = createStore(name, 'kv');
    const store = new ProfileStore(name);
    await set('profile', { version: 1, partnerIds: 'first' }, db);
    await store.read();
    await set('profile', { version: 1, partnerIds: 'second' }, db);
    const state = await store.read();
    expect(state.setAside).toHaveLength(2);
    expect(state.setAside.every((c) => /^\d{4}-\d\d-\d\dT/.test(c.at))).toBe(true);
    const texts = await Promise.all(state.setAside.map((c) => store.setAsideText(c.id)));
    expect(texts.map((t) => JSON.parse(t!).partnerIds)).toEqual(['first', 'second']);
    await store.dismissUnreadable();
    const dismissed = await store.read();
    expect(dismissed.problem).toBeUndefined();
    expect(dismissed.setAside.map((c) => c.dismissed)).toEqual([true, true]);
    expect(await store.setAsideText(state.setAside[0]!.id)).toBe(texts[0]);
    await store.deleteSetAside(state.setAside[0]!.id);
    expect((await store.read()).setAside.map((c) => c.id)).toEqual([state.setAside[1]!.id]);
  });

  it('#7 a copy in the single slot of earlier versions is moved into the list, not lost', async () => {
    const { set, createStore } = await import('idb-keyval');
    const name = `test-${Math.random()}`;
    await set('profile.unreadable', { value: { old: true }, errors: ['x: bad'], at: '2025-01-01T00:00:00.000Z' }, createStore(name, 'kv'));
    const store = new ProfileStore(name);
    const { setAside } = await store.read();
    expect(setAside).toMatchObject([{ at: '2025-01-01T00:00:00.000Z', errors: ['x: bad'], dismissed: false }]);
    expect(JSON.parse((await store.setAsideText(setAside[0]!.id))!)).toEqual({ old: true });
  });

  it('every write bumps the revision', async () => {
    const store = new ProfileStore(`test-${Math.random()}`);
    const r0 = (await store.read()).revision;
    await store.update((p) => applyLearned(p, { kind: 'company-domain', domain: 'contoso.com' }, NOW));
    expect((await store.read()).revision).toBe(r0 + 1);
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
    await Promise.all(
      ['a.com', 'b.com', 'c.com'].map((domain) => store.update((p) => applyLearned(p, { kind: 'company-domain', domain }, NOW))),
    );
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
