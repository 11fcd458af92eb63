// Marks that help (#11): where marks and cards go (pure geometry), what a card offers, and what the
// background does with learns (notice, undo, asking first), ignored issues and "forget everything".
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyLearned, wouldReplace } from '../../components/background/learn';
import { PrefsStore } from '../../components/background/prefs-store';
import { ProfileStore } from '../../components/background/profile-store';
import { ProgressStore } from '../../components/background/progress-store';
import { createRouter } from '../../components/background/router';
import { getTabState } from '../../components/background/tab-states';
import { emptyProfile } from '../../components/contract/profile';
import { box, overlaps, placeCard, placeMark } from '../../components/page/place';
import { fixOf, ignoreKey } from '../../rules/fixes';
import { portalPath } from '../../rules/companion/places';

const view = { width: 1000, height: 700 };

describe('placeMark', () => {
  it('puts the mark just after the field when there is room', () => {
    const field = box(100, 100, 300, 32);
    const at = placeMark(field, 0, 24, view, []);
    expect(at.left).toBe(404);
    expect(overlaps(at, field)).toBe(false);
  });

  it('in a row of fields 12 px apart, it goes inside the field end, off the next field', () => {
    const a = box(100, 100, 220, 32);
    const b = box(332, 100, 220, 32);
    const at = placeMark(a, 0, 24, view, [b]);
    expect(overlaps(at, b)).toBe(false);
    expect(at.right).toBeLessThanOrEqual(a.right);
    expect(at.left).toBeGreaterThanOrEqual(a.left);
  });

  it('a narrow field in a tight row gets its mark above (never on another field)', () => {
    const a = box(100, 100, 60, 32);
    const b = box(172, 100, 60, 32);
    const at = placeMark(a, 0, 24, view, [b]);
    expect(overlaps(at, b)).toBe(false);
    expect(at.bottom).toBeLessThanOrEqual(a.top);
  });

  it('stays inside the viewport at the right edge, and off a dialog beside the field', () => {
    const field = box(600, 100, 390, 32);
    expect(placeMark(field, 0, 24, view, []).right).toBeLessThanOrEqual(view.width);
    const dialog = box(420, 0, 580, 700);
    const near = box(100, 100, 316, 32);
    expect(overlaps(placeMark(near, 0, 24, view, [dialog]), dialog)).toBe(false);
  });

  it('a second mark on the same field takes the next place', () => {
    const field = box(100, 100, 300, 32);
    const first = placeMark(field, 0, 24, view, []);
    const second = placeMark(field, 1, 24, view, [first]);
    expect(overlaps(first, second)).toBe(false);
  });
});

describe('placeCard', () => {
  const inView = (b: ReturnType<typeof box>) => b.left >= 0 && b.top >= 0 && b.right <= view.width && b.bottom <= view.height;

  it('below the field, shifted right at the left edge, never over the field', () => {
    const field = box(0, 100, 150, 28);
    const mark = box(154, 102, 24, 24);
    const card = placeCard(field, mark, 360, 120, view);
    expect(inView(card)).toBe(true);
    expect(overlaps(card, field)).toBe(false);
  });

  it('above the field near the bottom of the viewport', () => {
    const field = box(300, 640, 300, 32);
    const card = placeCard(field, box(604, 644, 24, 24), 360, 120, view);
    expect(card.bottom).toBeLessThanOrEqual(field.top);
    expect(inView(card)).toBe(true);
  });

  it('in a small frame, cut to the room left, still off the field', () => {
    const small = { width: 340, height: 200 };
    const field = box(0, 60, 340, 32);
    const card = placeCard(field, box(312, 64, 24, 24), 360, 300, small);
    expect(overlaps(card, field)).toBe(false);
    expect(card.right).toBeLessThanOrEqual(small.width);
    expect(card.bottom).toBeLessThanOrEqual(small.height);
  });
});

describe('fixOf: what a card offers', () => {
  it('the PLA to use', () => {
    expect(fixOf('pga-instead-of-pla', { id: '1234567', plas: ['7654321'] })).toEqual({
      copies: [{ kind: 'pla', value: '7654321' }],
      step: 'associate-pla',
    });
  });

  it('the verified part and the whole verified address', () => {
    const fix = fixOf(
      'address-differs-from-verified',
      { kind: 'material', diffs: [{ part: 'postalCode', entered: '100-0001', verified: '100-0002', material: true }] },
      { line1: '千代田1-1', city: '千代田区', postalCode: '100-0002' },
    );
    expect(fix.copies).toEqual([
      { kind: 'part', part: 'postalCode', value: '100-0002' },
      { kind: 'address', value: '千代田1-1, 千代田区, 100-0002' },
    ]);
    expect(fix.step).toBe('legal-business-profile');
  });

  it('params of the wrong shape give no copy, never a throw', () => {
    for (const params of [null, 7, 'x', { plas: 'no' }, { diffs: [null, { part: 'nope' }] }]) {
      expect(fixOf('pga-instead-of-pla', params).copies).toEqual([]);
      expect(fixOf('address-differs-from-verified', params).copies).toEqual([]);
    }
  });

  it('an ignore key does not depend on the URL locale', () => {
    expect(ignoreKey('x', 'Email ', '/en-us/dashboard/a')).toBe(ignoreKey('x', 'email', '/ja-jp/dashboard/a'));
    // The page's own path (content script) and the background's portalPath give the same key, whatever the locale.
    for (const url of ['https://partner.microsoft.com/zh-hant/dashboard/a', 'https://partner.microsoft.com/en-us'])
      expect(ignoreKey('x', 'Email', new URL(url).pathname)).toBe(ignoreKey('x', 'Email', portalPath(url)));
  });
});

describe('learning asks before replacing what the user gave', () => {
  const profile = { ...emptyProfile(), verifiedAddress: { line1: '1 Main St', city: 'Tokyo', source: 'import' as const } };
  const learned = { kind: 'verified-address' as const, address: { line1: '2 Main St', city: 'Tokyo' } };

  it('a different dialog address asks; the same one or one from a dialog does not', () => {
    expect(wouldReplace(profile, learned)).toBe(true);
    expect(wouldReplace(profile, { ...learned, address: { line1: '1 main st', city: 'Tokyo' } })).toBe(false);
    expect(wouldReplace({ ...profile, verifiedAddress: { ...profile.verifiedAddress, source: 'dialog' } }, learned)).toBe(false);
  });

  it('forced (the user said "use it"), it replaces', () => {
    expect(applyLearned(profile, learned, 'now').verifiedAddress?.line1).toBe('1 Main St');
    expect(applyLearned(profile, learned, 'now', { force: true }).verifiedAddress).toMatchObject({ line1: '2 Main St', source: 'dialog' });
  });
});

const PORTAL = 'https://partner.microsoft.com/en-us/dashboard/account/v3/enrollment/legal-business-profile';
const fromPortal = (tabId = 7) => ({ id: fakeBrowser.runtime.id, tab: { id: tabId, url: PORTAL } as never, frameId: 0, url: PORTAL });
const fromOptions = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
let store: ProfileStore;
let router: ReturnType<typeof createRouter>;
let n = 0;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
  store = new ProfileStore(`help-${n}`);
  router = createRouter(store, new ProgressStore(`help-${n}`), new PrefsStore(`help-${n++}`));
});

describe('the router: notices, undo, asking, ignoring, forgetting', () => {
  const ids = {
    kind: 'identifiers',
    partnerIds: [
      { id: '1234567', type: 'global' },
      { id: '7654321', type: 'location', country: 'JP' },
    ],
  };

  it('a learn says what it learned; Undo (from the same tab only) puts the previous facts back', async () => {
    await router.handle(
      { type: 'import-profile', text: JSON.stringify({ version: 1, partnerIds: [{ id: '7777777', type: 'location', source: 'user' }] }) },
      fromOptions(),
    );
    const answer = (await router.handle({ type: 'learn', learned: ids }, fromPortal())) as {
      notice: { kind: string; count: number; token: string };
    };
    expect(answer.notice).toMatchObject({ kind: 'identifiers', count: 2 });
    expect((await store.current()).profile.partnerIds.map((p) => [p.id, Boolean(p.at)])).toEqual([
      ['7777777', false],
      ['1234567', true],
      ['7654321', true],
    ]);
    expect(await router.handle({ type: 'undo-learn', token: answer.notice.token }, fromPortal(9))).toEqual({ ok: false });
    expect(await router.handle({ type: 'undo-learn', token: answer.notice.token }, fromPortal())).toEqual({ ok: true });
    expect((await store.current()).profile.partnerIds.map((p) => p.id)).toEqual(['7777777']);
  });

  it('a dialog address different from the imported one asks first; "use it" replaces it, with Undo', async () => {
    await router.handle(
      { type: 'import-profile', text: JSON.stringify({ version: 1, verifiedAddress: { line1: '1 Main St', city: 'Tokyo' } }) },
      fromOptions(),
    );
    const asked = (await router.handle(
      { type: 'learn', learned: { kind: 'verified-address', address: { line1: '2 Main St', city: 'Tokyo' } } },
      fromPortal(),
    )) as {
      changed: boolean;
      notice: { kind: string; address: string; token: string };
    };
    expect(asked).toMatchObject({ changed: false, notice: { kind: 'ask-verified-address', address: '2 Main St, Tokyo' } });
    expect((await store.current()).profile.verifiedAddress?.line1).toBe('1 Main St');
    const used = (await router.handle({ type: 'accept-learned', token: asked.notice.token }, fromPortal())) as {
      ok: boolean;
      notice: { kind: string; token: string };
    };
    expect(used).toMatchObject({ ok: true, notice: { kind: 'verified-address' } });
    expect((await store.current()).profile.verifiedAddress?.line1).toBe('2 Main St');
    await router.handle({ type: 'undo-learn', token: used.notice.token }, fromPortal());
    expect((await store.current()).profile.verifiedAddress).toMatchObject({ line1: '1 Main St', source: 'import' });
  });

  it('a submitted company address different from the one in settings asks; the rest is filled in', async () => {
    await router.handle(
      {
        type: 'import-profile',
        text: JSON.stringify({ version: 1, company: { country: 'JP', address: { line1: '1 Main St', city: 'Tokyo' } } }),
      },
      fromOptions(),
    );
    const learned = {
      kind: 'legal-profile',
      companyName: 'Contoso KK',
      country: 'JP',
      address: { line1: '9 Other St', city: 'Osaka' },
    } as const;
    const asked = (await router.handle({ type: 'learn', learned }, fromPortal())) as {
      changed: boolean;
      notice: { kind: string; address: string; token: string };
    };
    expect(asked).toMatchObject({ changed: true, notice: { kind: 'ask-company-address', address: '9 Other St, Osaka' } });
    expect((await store.current()).profile.company).toMatchObject({ name: 'Contoso KK', address: { line1: '1 Main St' } });
    await router.handle({ type: 'accept-learned', token: asked.notice.token }, fromPortal());
    expect((await store.current()).profile.company.address).toEqual({ line1: '9 Other St', city: 'Osaka' });
  });

  it('an ignored issue is kept in the report, marked, and not counted; options lists it and can undo it', async () => {
    const issue = { code: 'personal-email-domain', severity: 'error', fieldId: 'f1', message: 'gmail', fieldLabel: 'Email address' };
    await router.handle(
      {
        type: 'ignore-issue',
        code: issue.code,
        label: 'Email address',
        path: '/en-us/dashboard/account/v3/enrollment/legal-business-profile',
      },
      fromPortal(),
    );
    await router.handle({ type: 'report-issues', url: PORTAL, title: 'x', issues: [issue] }, fromPortal());
    const { state } = await getTabState(7);
    expect(state?.issues[0]).toMatchObject({ ignored: true });
    const { prefs } = (await router.handle({ type: 'get-prefs' }, fromOptions())) as {
      prefs: { ignored: { code: string; label: string; path: string }[] };
    };
    expect(prefs.ignored).toMatchObject([
      { code: issue.code, label: 'Email address', path: '/dashboard/account/v3/enrollment/legal-business-profile' },
    ]);
    await router.handle({ type: 'unignore', ...prefs.ignored[0]! }, fromOptions());
    expect(((await router.handle({ type: 'get-prefs' }, fromOptions())) as { prefs: { ignored: unknown[] } }).prefs.ignored).toEqual([]);
  });

  it('the language and "forget everything" are options-only; forgetting clears profile, progress and ignored issues', async () => {
    await expect(router.handle({ type: 'set-language', language: 'ja' }, fromPortal())).rejects.toThrow(/own pages/);
    await expect(router.handle({ type: 'forget-everything', confirmed: true }, fromPortal())).rejects.toThrow(/own pages/);
    await router.handle({ type: 'set-language', language: 'ja' }, fromOptions());
    await router.handle({ type: 'learn', learned: ids }, fromPortal());
    await router.handle({ type: 'ignore-issue', code: 'x', label: 'y', path: '/en-us/z' }, fromPortal());
    await expect(router.handle({ type: 'forget-everything' }, fromOptions())).rejects.toThrow();
    await router.handle({ type: 'forget-everything', confirmed: true }, fromOptions());
    expect((await store.current()).profile.partnerIds).toEqual([]);
    const { prefs } = (await router.handle({ type: 'get-prefs' }, fromOptions())) as { prefs: { ignored: unknown[]; language?: string } };
    expect(prefs).toEqual({ language: 'ja', ignored: [] });
    expect(((await router.handle({ type: 'get-facts' }, fromPortal())) as { prefs: unknown }).prefs).toEqual({
      language: 'ja',
      ignored: [],
    });
  });
});

describe('placeCard avoids the next field when there is room elsewhere', () => {
  it('goes above when below would cover the next field', () => {
    const field = box(100, 300, 300, 32);
    const next = box(100, 350, 300, 32);
    const card = placeCard(field, box(404, 304, 24, 24), 300, 120, view, 8, [next]);
    expect(overlaps(card, next)).toBe(false);
    expect(overlaps(card, field)).toBe(false);
  });
});
