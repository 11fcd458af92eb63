// @vitest-environment happy-dom
// The page side in its parts: observer, scanner, learner and event wiring, each on its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noEvidence } from './support';
import { collectPage, headingsOf } from '../../components/page/evidence';
import { pageReads, readPageEvidence } from '../../rules/companion/page-evidence';
import { Learner } from '../../components/page/learner';
import { Lifetime } from '../../components/page/lifetime';
import { Pipeline } from '../../components/page/pipeline';
import { PageObserver, PendingHosts, type PageChange } from '../../components/page/observer';
import { FieldScanner } from '../../components/page/scanner';
import { wirePage, type PageContext } from '../../components/page/wiring';
import { parseAddressLines } from '../../rules/address/compare';
import { CHECKS } from '../../rules/checks';
import { describeDomain } from '../../rules/email/domain';
import type { Learned } from '../../components/contract/page';

/** Mutation records are delivered in a microtask. */
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  document.body.innerHTML = '';
  // happy-dom lays nothing out: every connected element counts as rendered.
  Element.prototype.checkVisibility = function (this: Element) {
    return this.isConnected;
  };
});

describe('PendingHosts', () => {
  it('keeps at most `cap` hosts, dropping the oldest', () => {
    const hosts = new PendingHosts(2, 1000, () => 0);
    const [a, b, c] = ['x-a', 'x-b', 'x-c'].map((t) => document.body.appendChild(document.createElement(t)));
    hosts.add(a!);
    hosts.add(b!);
    hosts.add(c!);
    expect(hosts.size).toBe(2);
    a!.attachShadow({ mode: 'open' });
    c!.attachShadow({ mode: 'open' });
    expect(hosts.takeReady()).toEqual([c]);
  });

  it('drops hosts detached or waited on past the deadline (injectable clock)', () => {
    let now = 0;
    const hosts = new PendingHosts(10, 1000, () => now);
    const detached = document.createElement('x-gone');
    const parked = document.body.appendChild(document.createElement('x-parked'));
    hosts.add(detached);
    hosts.add(parked);
    expect(hosts.takeReady()).toEqual([]);
    expect(hosts.size).toBe(1);
    now = 1001;
    hosts.takeReady();
    expect(hosts.size).toBe(0);
  });
});

describe('PageObserver', () => {
  let observer: PageObserver;
  let changes: boolean[];
  let own: HTMLElement;
  beforeEach(() => {
    document.body.innerHTML = `
      <form><span id="lbl">Email</span><div id="wrap"><input id="mail" aria-labelledby="lbl"></div></form>
      <div id="feed"><p>news</p></div>`;
    own = document.body.appendChild(document.createElement('csp-reseller-assistant'));
    changes = [];
    observer = new PageObserver({ owns: (n) => n === own || own.contains(n), onChange: (c) => changes.push(c.labels) });
    observer.start(document);
    const scanner = new FieldScanner();
    observer.setFieldMap(scanner.collect(observer.roots(document)));
  });
  afterEach(() => observer.stop());

  it('ignores changes far from any field or label (a feed)', async () => {
    document.querySelector('#feed')!.append(Object.assign(document.createElement('p'), { textContent: 'more news' }));
    document.querySelector('#feed p')!.textContent = 'breaking';
    await flush();
    expect(changes).toEqual([]);
  });

  it('a label text change is a label change; a class change near a field is layout only', async () => {
    document.querySelector('#lbl')!.textContent = 'Support email';
    await flush();
    expect(changes).toEqual([true]);
    document.querySelector('#wrap')!.setAttribute('class', 'hidden');
    await flush();
    expect(changes).toEqual([true, false]);
  });

  it('a field added anywhere is a change', async () => {
    document.querySelector('#feed')!.append(document.createElement('input'));
    await flush();
    expect(changes).toEqual([true]);
  });

  it('an input far from every field whose type changes (a hidden one shown) is searched', async () => {
    const hidden = document.querySelector('#feed')!.appendChild(Object.assign(document.createElement('input'), { type: 'hidden' }));
    await flush();
    changes.length = 0;
    observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
    hidden.type = 'email';
    await flush();
    expect(changes).toEqual([true]);
  });

  it('never reacts to its own UI', async () => {
    own.append(document.createElement('button'));
    own.setAttribute('class', 'x');
    await flush();
    expect(changes).toEqual([]);
  });

  it('observes shadow roots added later, and drops them once detached', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<label for="e">Email</label><input id="e">';
    document.body.append(document.createElement('span')); // any mutation: the added host is walked
    await flush();
    expect(observer.roots(document)).toContain(root);
    host.remove();
    expect(observer.roots(document)).not.toContain(root);
  });

  it('finds a custom element that gets its shadow root after it was added', async () => {
    const late = document.createElement('x-late');
    document.body.append(late);
    await flush();
    expect(observer.checkPendingHosts()).toEqual([[], true]);
    late.attachShadow({ mode: 'open' }).innerHTML = '<input>';
    // Its root, which holds a field, is for the next scan to search.
    expect(observer.checkPendingHosts()[0]).toEqual([late.shadowRoot]);
    expect(observer.roots(document)).toContain(late.shadowRoot);
    expect(observer.checkPendingHosts()[0]).toEqual([]);
  });
});

describe('FieldScanner', () => {
  const roots = (): (Document | ShadowRoot)[] => [document];

  it('collects fields with stable ids and classifies those that hold a value', () => {
    document.body.innerHTML = `<label for="a">Email address</label><input id="a" value="jane@gmail.com">
      <label for="b">Company name</label><input id="b">
      <input type="checkbox" checked><input type="hidden" value="x">`;
    const scanner = new FieldScanner();
    scanner.collect(roots());
    const first = scanner.classified();
    expect(first.map((f) => [f.kind, f.descriptor.value])).toEqual([['email', 'jane@gmail.com']]);
    scanner.collect(roots());
    expect(scanner.classified()[0]!.descriptor.id).toBe(first[0]!.descriptor.id);
    expect(scanner.element(first[0]!.descriptor.id)).toBe(document.querySelector('#a'));
  });

  it('keeps a description until invalidated (labels change rarely, values often)', () => {
    document.body.innerHTML = `<label for="a" id="l">Email address</label><input id="a" value="x">`;
    const scanner = new FieldScanner();
    scanner.collect(roots());
    expect(scanner.classified()[0]!.kind).toBe('email');
    document.querySelector('#l')!.textContent = 'Company name';
    (document.querySelector('#a') as HTMLInputElement).value = 'Contoso';
    scanner.readValues();
    expect(scanner.classified()[0]).toMatchObject({ kind: 'email', descriptor: { value: 'Contoso' } });
    scanner.invalidate();
    scanner.readValues();
    expect(scanner.classified()[0]!.kind).toBe('company-name');
  });

  it('stops at its field cap, and tells the observer where fields and labels are', () => {
    document.body.innerHTML = `<span id="l">Email</span>${'<div><input aria-labelledby="l"></div>'.repeat(5)}`;
    const scanner = new FieldScanner(3);
    const map = scanner.collect(roots());
    expect(map.ancestors.has(document.getElementById('l')!)).toBe(true);
    expect([...document.querySelectorAll('input')].filter((i) => map.ancestors.has(i))).toHaveLength(3);
  });

  it('after the first scan, searches only what changed: new fields in document order, moved ones described again, removed ones gone', () => {
    document.body.innerHTML = `<form><div id="top"></div><label for="a" id="la">Email address</label><input id="a" value="jane@contoso.com">
      <div id="mid"></div><div id="box"><label for="b" id="lb">Company name</label><input id="b" value="Contoso"></div><div id="end"></div></form>
      <div id="far">${'<p><span>x</span></p>'.repeat(50)}</div>`;
    const scanner = new FieldScanner();
    scanner.collect(roots());
    const ids = () => scanner.classified().map((f) => `${f.descriptor.htmlId}:${f.kind}`);
    expect(ids()).toEqual(['a:email', 'b:company-name']);
    // Labels change with no invalidation (descriptions are cached); a field is added before the others.
    document.querySelector('#la')!.textContent = 'Company name';
    document.querySelector('#lb')!.textContent = 'Email address';
    const top = document.querySelector('#top')!;
    top.innerHTML = '<label for="c">City</label><input id="c" value="Redmond">';
    // The box is moved to the end (removed and added again): its field is described afresh.
    const box = document.querySelector('#box')!;
    document.querySelector('#end')!.append(box);
    const searched: Node[] = [];
    const spy = (proto: { querySelectorAll: (s: string) => NodeListOf<Element> }) => {
      const original = proto.querySelectorAll;
      proto.querySelectorAll = function (this: Node, selector: string) {
        searched.push(this);
        return original.call(this, selector);
      } as typeof original;
      return () => (proto.querySelectorAll = original);
    };
    const undo = [spy(Document.prototype), spy(Element.prototype)];
    try {
      scanner.collect(roots(), [top, box]);
    } finally {
      for (const u of undo) u();
    }
    expect(ids()).toEqual(['c:city', 'a:email', 'b:email']);
    // Nothing above what changed was searched: not the document, not the form, not the far part.
    expect(searched.filter((n) => n.contains(document.querySelector('#far')) || n.contains(top.parentNode))).toEqual([]);
    document.querySelector('#a')!.remove();
    scanner.collect(roots(), []);
    expect(ids()).toEqual(['c:city', 'b:email']);
    expect(scanner.knows(document.querySelector('#b')!)).toBe(true);
  });

  it('finds the section by walking back to the nearest heading, and a new label[for] is indexed', () => {
    document.body.innerHTML = `<h2>Company</h2><div><div><input id="a" value="x"></div></div><h2>Primary contact</h2>
      <fieldset><div><input id="b" value="y"></div></fieldset><div id="later"></div>`;
    const scanner = new FieldScanner();
    scanner.collect(roots());
    expect(scanner.classified().map((f) => f.descriptor.section)).toEqual(['Company', 'Primary contact']);
    const later = document.querySelector('#later')!;
    later.innerHTML = '<label for="a">Email address</label>';
    scanner.invalidate();
    scanner.collect(roots(), [later]);
    expect(scanner.classified()[0]).toMatchObject({
      kind: 'email',
      descriptor: { labels: [{ source: 'label-for', text: 'Email address' }] },
    });
  });

  it('gives a registered anchor an id marks can use', () => {
    const scanner = new FieldScanner();
    const anchor = document.body.appendChild(document.createElement('h3'));
    expect(scanner.element(scanner.register(anchor))).toBe(anchor);
  });
});

describe('Learner', () => {
  it('sends each distinct thing once, and hands the dialog to the checks with a registered anchor', () => {
    (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(
      'https://partner.microsoft.com/en-us/dashboard/account/v3/enrollment/legal-business-profile',
    );
    document.body.innerHTML = `<header><span>admin@contoso.co.jp</span></header>
      <div role="dialog" aria-label="Verify your address"><table>
        <tr><th></th><th>You entered</th><th>Suggested</th></tr>
        <tr><th>Address line 1</th><td>1 Microsoft Wy</td><td>1 Microsoft Way</td></tr>
        <tr><th>City</th><td>Redmond</td><td>Redmond</td></tr>
        <tr><th>Postal code</th><td>98052</td><td>98052-6399</td></tr>
      </table><label><input type="radio" name="a"> Use suggested address</label></div>`;
    Element.prototype.getClientRects = function () {
      return [{}] as unknown as DOMRectList;
    };
    const learned: Learned[] = [];
    const learner = new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence });
    const anchors: Element[] = [];
    learner.onSubmit([], location.pathname);
    const page = learner.readPage(document, (el) => (anchors.push(el), 'anchor-1'));
    learner.readPage(document, () => 'anchor-1');
    expect(learned.map((l) => l.kind)).toEqual(['company-domain', 'verified-address']);
    expect(page.addressDialog).toMatchObject({ anchorId: 'anchor-1', verified: { line1: '1 Microsoft Way' } });
    expect(anchors).toHaveLength(1);
  });

  it('learns the legal business profile on submit only when it has a company name and a country', () => {
    const learned: Learned[] = [];
    const learner = new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence });
    const field = (kind: string, value: string) => ({ kind, confidence: 1, descriptor: { value } }) as never;
    const path = '/ja-jp/dashboard/account/v3/enrollment/legal-business-profile';
    learner.onSubmit([field('company-name', 'Contoso KK')], path);
    expect(learned).toEqual([]);
    learner.onSubmit(
      [field('company-name', ' Contoso KK '), field('country', '日本'), field('postal-code', '100-0001')],
      '/ja-jp/dashboard/home',
    );
    expect(learned).toEqual([]);
    learner.onSubmit([field('company-name', ' Contoso KK '), field('country', '日本'), field('postal-code', '100-0001')], path);
    expect(learned).toEqual([
      { kind: 'legal-profile', companyName: 'Contoso KK', country: 'JP', address: { postalCode: '100-0001', country: '日本' } },
    ]);
  });
});

describe('wirePage', () => {
  function fakeContext() {
    const listeners: [EventTarget, string, (e: Event) => void][] = [];
    let invalidated: (() => void)[] = [];
    const timers: (() => void)[] = [];
    const frames: FrameRequestCallback[] = [];
    const ctx: PageContext = {
      isValid: true,
      addEventListener: (target, type, handler, options) => {
        listeners.push([target, type, handler]);
        target.addEventListener(type, handler, options);
      },
      setTimeout: (fn) => timers.push(fn),
      requestAnimationFrame: (cb) => frames.push(cb),
      onInvalidated: (cb) => {
        invalidated.push(cb);
        return () => (invalidated = invalidated.filter((x) => x !== cb));
      },
    };
    const invalidate = () => {
      for (const [target, type, handler] of listeners) target.removeEventListener(type, handler, { capture: true });
      for (const cb of invalidated) cb();
    };
    return { ctx, timers, frames, invalidate };
  }
  const pipeline = () => ({
    onUserEdit: vi.fn(),
    onSubmitIntent: vi.fn(),
    onAuthorizeProvider: vi.fn(),
    rescanSoon: vi.fn(),
    checkPendingHosts: vi.fn(() => false),
    stop: vi.fn(),
    marks: { reposition: vi.fn() },
    hooks: { change() {} },
  });

  /** happy-dom makes every dispatched event untrusted, as a page script's would be; this one is the user's. */
  const trusted = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });

  it('#2 a page script clicking Save or submitting (isTrusted false) teaches nothing', () => {
    const { ctx } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    document.body.innerHTML = '<form><input id="i"><button type="button" id="save">Save</button></form>';
    (document.querySelector('#save') as HTMLElement).click();
    document.querySelector('#save')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true }));
    // button.click() on a submit button, or form.requestSubmit(), gives a trusted submit event: with no
    // press or key of the user's just before, it is the script's.
    document.querySelector('form')!.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    expect(p.onSubmitIntent).not.toHaveBeenCalled();
  });

  it('edits re-check; Save / 次へ clicks and submits learn; other clicks do not', () => {
    const { ctx } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    document.body.innerHTML =
      '<form><input id="i"><button type="button" id="save">Save</button><button type="button" id="next">次へ</button><button type="button" id="cancel">Cancel</button></form>';
    document.querySelector('#i')!.dispatchEvent(new Event('input', { bubbles: true }));
    document.querySelector('#i')!.dispatchEvent(new Event('focusout', { bubbles: true }));
    expect(p.onUserEdit).toHaveBeenCalledTimes(2);
    document.querySelector('#cancel')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    expect(p.onSubmitIntent).not.toHaveBeenCalled();
    document.querySelector('#save')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    document.querySelector('#next')!.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    document.querySelector('#i')!.dispatchEvent(trusted(new KeyboardEvent('keydown', { bubbles: true, key: 'Enter' })));
    document.querySelector('form')!.dispatchEvent(trusted(new Event('submit', { bubbles: true })));
    expect(p.onSubmitIntent).toHaveBeenCalledTimes(3);
  });

  it('a script\'s click on "Authorize indirect provider" teaches nothing (only a trusted click does)', () => {
    const { ctx } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    document.body.innerHTML = '<button type="button" id="auth">Authorize indirect provider</button>';
    (document.querySelector('#auth') as HTMLElement).click();
    expect(p.onAuthorizeProvider).not.toHaveBeenCalled();
  });

  it('scrolls move the marks once per frame; a route change rescans', () => {
    const { ctx, frames } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('scroll'));
    window.dispatchEvent(new Event('resize'));
    expect(frames).toHaveLength(1);
    frames[0]!(0);
    expect(p.marks.reposition).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('popstate'));
    expect(p.rescanSoon).not.toHaveBeenCalled();
    history.pushState({}, '', `${location.pathname}?route=2`);
    window.dispatchEvent(new Event('popstate'));
    expect(p.rescanSoon).toHaveBeenCalledTimes(1);
  });

  it('values are read again a second after the user or the page did something, and nothing runs while nothing happens', () => {
    const { ctx, timers } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    // At start (values a page script sets just after load; custom elements waiting for a shadow root).
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(p.onUserEdit).toHaveBeenCalledTimes(1);
    expect(p.checkPendingHosts).toHaveBeenCalledTimes(1);
    // Nothing happens: no timer, however many scrolls.
    for (let i = 0; i < 50; i++) window.dispatchEvent(new Event('scroll'));
    expect(timers).toHaveLength(1);
    // A change that mattered, a user's press: one timer for both; a route changed with no event
    // (history.pushState) is seen then.
    p.hooks.change();
    document.body.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(timers).toHaveLength(2);
    history.pushState({}, '', `${location.pathname}?route=4`);
    timers[1]!();
    expect(p.onUserEdit).toHaveBeenCalledTimes(2);
    expect(p.rescanSoon).toHaveBeenCalledTimes(1);
    // Custom elements still waiting: looked at again a second later, until none waits.
    p.checkPendingHosts.mockReturnValueOnce(true);
    p.hooks.change();
    timers[2]!();
    expect(timers).toHaveLength(4);
    timers[3]!();
    expect(timers).toHaveLength(4);
  });

  it('once the context is invalidated, the pipeline stops and events reach it no more', () => {
    const { ctx, invalidate } = fakeContext();
    const p = pipeline();
    wirePage(ctx, p, window);
    invalidate();
    expect(p.stop).toHaveBeenCalledTimes(1);
    document.body.innerHTML = '<input id="i">';
    document.querySelector('#i')!.dispatchEvent(new Event('input', { bubbles: true }));
    expect(p.onUserEdit).not.toHaveBeenCalled();
  });

  it('the top page has no frame teardown', () => {
    const { ctx } = fakeContext();
    const gone = vi.fn();
    wirePage(ctx, pipeline(), window, { onFrameGone: gone });
    window.dispatchEvent(new Event('pagehide'));
    expect(gone).not.toHaveBeenCalled();
  });
});

describe('enrollment evidence: collected on the page, read in the background', () => {
  const PORTAL = 'https://partner.microsoft.com';
  /** The round trip: headings first, the background says what else to collect, then reads it. */
  const readEvidence = (doc: Document, url: string) => {
    const { reads } = pageReads(url, headingsOf(doc));
    return readPageEvidence(url, collectPage(doc, reads));
  };

  it('collects only what the page needs: headings everywhere, texts, rows or the account where asked', () => {
    document.body.innerHTML = `<header><span>jane@contoso.com</span></header><h1>User management</h1>
      <table><tr><td>Jane</td><td>Admin agent</td></tr></table><p>Some text</p>`;
    const url = `${PORTAL}/en-us/dashboard/v2/customers/list`;
    expect(pageReads(url, headingsOf(document))).toEqual({ reads: ['rows', 'account'], watch: true });
    expect(collectPage(document)).toEqual({ headings: ['User management'] });
    const page = collectPage(document, ['rows', 'account']);
    expect(page.rows).toEqual([['Jane', 'Admin agent']]);
    expect(page.texts).toBeUndefined();
    expect(pageReads(`${PORTAL}/en-us/dashboard/v2/customers/list`, ['Customers'])).toEqual({ reads: [], watch: false });
  });

  it('reads the program status on Legal info, and that the email was verified (no notice left)', () => {
    document.body.innerHTML = `<h1>Legal info</h1><div role="tabpanel"><h2>Program information</h2>
      <div class="row"><span>Indirect reseller</span><span class="badge">Active</span></div></div>`;
    expect(readEvidence(document, `${PORTAL}/en-us/dashboard/v2/account-settings/organization/legalinfo`)).toEqual([
      { kind: 'csp-status', value: 'active', seen: 'Active' },
      { kind: 'email-verification', value: 'verified', seen: 'Active' },
    ]);
  });

  it('the welcome page by its path (en) or only by its heading (ja); an enrollment form; never the introduction', () => {
    document.body.innerHTML = `<div role="heading" aria-level="1">Welcome to the indirect reseller enrollment</div>`;
    expect(readEvidence(document, `${PORTAL}/en-us/pcv/register/joinnow/enrollmentwelcome/valueaddedreseller`)).toEqual([
      { kind: 'welcome-seen', value: 'seen', seen: 'Welcome to the indirect reseller enrollment' },
    ]);
    document.body.innerHTML = `<h1>間接リセラーの登録へようこそ</h1>`;
    expect(readEvidence(document, `${PORTAL}/ja-jp/dashboard/account/v3/enrollment/reseller-start`)).toEqual([
      { kind: 'welcome-seen', value: 'seen', seen: '間接リセラーの登録へようこそ' },
    ]);
    document.body.innerHTML = `<h1>Legal business profile</h1>`;
    expect(readEvidence(document, `${PORTAL}/en-us/dashboard/account/v3/enrollment/legal-business-profile`)).toEqual([
      { kind: 'enrollment-form-seen', value: 'seen', seen: 'Legal business profile' },
    ]);
    document.body.innerHTML = `<h1>Partnership</h1>`;
    expect(readEvidence(document, `${PORTAL}/en-us/dashboard/account/v3/enrollment/introduction/partnership`)).toEqual([]);
    document.body.innerHTML = `<h1>Welcome to the indirect reseller enrollment</h1>`;
    expect(readEvidence(document, 'https://partner.microsoft.com.example/en-us/pcv/register/joinnow/enrollmentwelcome/x')).toEqual([]);
  });

  it('reads nothing of the kind on another page with the same words', () => {
    document.body.innerHTML = `<h1>Home</h1><div><span>Indirect reseller</span><span>Active</span></div>`;
    expect(readEvidence(document, `${PORTAL}/en-us/dashboard/v2/customers/list`)).toEqual([]);
  });

  it('the MPA in a Japanese grid, the distributor in a list', () => {
    document.body.innerHTML = `<h1>契約</h1><div role="grid"><div role="row"><span role="gridcell">マイクロソフト パートナー契約</span><span role="gridcell">同意済み</span></div></div>`;
    expect(readEvidence(document, `${PORTAL}/ja-jp/dashboard/account/v3/settings/agreements`)).toEqual([
      { kind: 'mpa', value: 'accepted', seen: '同意済み' },
    ]);
    document.body.innerHTML = `<h1>間接プロバイダー</h1><ul><li><b>サンプル ディストリビューション</b> <span>アクティブ</span></li></ul>`;
    expect(readEvidence(document, `${PORTAL}/ja-jp/dashboard/v2/customers/indirectproviders`)).toMatchObject([
      { kind: 'distributor-listed', value: 'active' },
    ]);
  });
});

describe('Learner and the background, for the companion', () => {
  it('sends headings, then what the background asks for (once per change); watches the page when told', async () => {
    history.replaceState(null, '', '/en-us/dashboard/v2/account-settings/organization/legalinfo');
    document.body.innerHTML = `<h1>Legal info</h1><p>Indirect reseller</p><p>Active</p>`;
    const sent: unknown[] = [];
    const again = vi.fn();
    const learner = new Learner({
      ...noEvidence,
      learn: () => {},
      parseAddressLines,
      pageEvidence: async (page) => {
        sent.push(page);
        return pageReads(location.href, page.headings);
      },
      readAgain: again,
    });
    expect(learner.watchesAll(location.href)).toBe(false);
    learner.readPage(document, () => 'a');
    await Promise.resolve();
    expect(sent).toEqual([{ headings: ['Legal info'] }]);
    expect(again).toHaveBeenCalledTimes(1);
    expect(learner.watchesAll(location.href)).toBe(true);
    learner.readPage(document, () => 'a');
    learner.readPage(document, () => 'a');
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ headings: ['Legal info'], texts: ['Legal info', 'Indirect reseller', 'Active'] });
    expect(again).toHaveBeenCalledTimes(1);
    document.querySelector('p:last-child')!.textContent = 'Pending';
    learner.readPage(document, () => 'a');
    expect(sent).toHaveLength(3);
  });
});

describe('structural costs (issue 12)', () => {
  it('a grid re-rendered far from every field, and a spinner, cause no scan', async () => {
    document.body.innerHTML = `<header><span id="spin">◐</span></header>
      <main><div class="page"><form><fieldset><div class="row"><span id="l">Email</span><div><input aria-labelledby="l"></div></div></fieldset></form>
      <section><h2>Activity</h2><div role="grid" id="grid"></div></section></div></main>`;
    const changes: unknown[] = [];
    const observer = new PageObserver({ owns: () => false, onChange: (c) => changes.push(c) });
    observer.start(document);
    observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
    const grid = document.getElementById('grid')!;
    for (let round = 0; round < 3; round++) {
      grid.replaceChildren(
        ...Array.from({ length: 50 }, (_, i) => {
          const row = document.createElement('div');
          row.setAttribute('role', 'row');
          row.innerHTML = `<div role="gridcell"><span>Order ${i + round}</span></div><div role="columnheader">Status</div>`;
          return row;
        }),
      );
      document.getElementById('spin')!.textContent = String(round);
      document.getElementById('spin')!.className = `s${round}`;
      await flush();
    }
    expect(changes).toEqual([]);
    // The same grid gaining a field is a change.
    const input = grid.appendChild(Object.assign(document.createElement('input'), { type: 'text' }));
    await flush();
    expect(changes).toEqual([{ fields: true, labels: true, readers: false, added: [input] }]);
    observer.stop();
  });

  it('a grid re-rendered again and again is not walked node by node, yet a render that brings a field is seen', () => {
    document.body.innerHTML = `<main><form><input id="a"></form><section><div role="grid" id="grid"></div></section></main>`;
    const changes: PageChange[] = [];
    const observer = new PageObserver({ owns: () => false, onChange: (c) => changes.push(c) });
    observer.start(document);
    observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
    const grid = document.getElementById('grid')!;
    // A browser hands a whole render over as one record (happy-dom as one per node): delivered by hand.
    const deliver = observer as unknown as { onMutations(records: Partial<MutationRecord>[]): void; findShadowRoots(from: Node): boolean };
    const walks = vi.spyOn(deliver, 'findShadowRoots');
    const query = vi.spyOn(grid, 'querySelector');
    const render = (field = false) => {
      const rows = Array.from({ length: 50 }, () => document.createElement('div'));
      // (A grid switched to editing renders differently: here, one row more, which holds a select.)
      if (field) rows.push(document.createElement('div'));
      if (field) rows[50]!.append(document.createElement('select'));
      const removed = [...grid.children];
      grid.replaceChildren(...rows);
      deliver.onMutations([
        { type: 'childList', target: grid, addedNodes: rows as unknown as NodeList, removedNodes: removed as unknown as NodeList },
      ]);
      return rows;
    };
    try {
      render();
      expect(walks).toHaveBeenCalledTimes(50);
      for (let i = 0; i < 5; i++) render();
      expect(walks).toHaveBeenCalledTimes(50);
      // Asked once whether it holds a control; the renders of the same shape after it, not at all.
      expect(query).toHaveBeenCalledTimes(1);
      expect(changes).toEqual([]);
      const rows = render(true);
      expect(changes).toEqual([{ fields: true, labels: true, readers: false, added: [rows[50]] }]);
    } finally {
      observer.stop();
    }
  });

  describe('an element far from every field that keeps changing its text is no longer observed', () => {
    const started: PageObserver[] = [];
    afterEach(() => started.splice(0).forEach((o) => o.stop()));
    const page = () => {
      document.body.innerHTML = `<header><nav><a href="#">Home</a></nav><span id="spin" class="s0">◐</span></header>
        <main><form><div class="row"><span id="l">Email</span><div><input aria-labelledby="l"></div></div></form>
        <div role="status" id="status">Saving 0%</div></main>`;
      const changes: PageChange[] = [];
      const observer = new PageObserver({ owns: () => false, onChange: (c) => changes.push(c) });
      const calls = vi.spyOn(observer as unknown as { onMutations: (r: MutationRecord[]) => void }, 'onMutations');
      started.push(observer);
      observer.start(document);
      observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
      const spin = document.getElementById('spin')!;
      const tick = async (n: number) => {
        for (let i = 0; i < n; i++) {
          spin.textContent = '◐◓◑◒'[i % 4]!;
          spin.className = `s${i % 4}`;
          await flush();
        }
      };
      return { observer, changes, calls, spin, tick };
    };

    it('after 20 changes: no callback for its changes, while the rest of the page is still heard', async () => {
      const { observer, changes, calls, spin, tick } = page();
      await tick(10); // (at least two records a tick: the text and the class)
      expect(calls.mock.calls.length).toBeGreaterThan(0);
      expect(calls.mock.calls.flatMap(([records]) => records).length).toBeGreaterThanOrEqual(20);
      expect(observer.isExcluded(spin)).toBe(true);
      calls.mockClear();
      await tick(10);
      expect(calls).not.toHaveBeenCalled();
      expect(changes).toEqual([]);
      // Its siblings and the rest of the page are observed as before.
      const input = document.querySelector('header')!.appendChild(document.createElement('input'));
      await flush();
      expect(changes).toEqual([{ fields: true, labels: true, readers: false, added: [input] }]);
      const later = document.querySelector('nav')!.appendChild(document.createElement('input'));
      const label = document.getElementById('l')!;
      label.textContent = 'Email address';
      await flush();
      // (happy-dom may hand the two changes over in two callbacks.)
      expect(changes.slice(1).flatMap((c) => c.added)).toEqual([later]);
      expect(changes.slice(1).every((c) => c.fields && c.labels)).toBe(true);
      observer.stop();
    });

    it('a field that appears inside it is found again once everything is observed again', async () => {
      const { observer, changes, spin, tick } = page();
      await tick(10);
      spin.append(document.createElement('input'));
      await flush();
      expect(changes).toEqual([]);
      observer.includeAll();
      expect(observer.isExcluded(spin)).toBe(false);
      const input = spin.appendChild(document.createElement('input'));
      await flush();
      expect(changes).toEqual([{ fields: true, labels: true, readers: false, added: [input] }]);
      observer.stop();
    });

    it('left out again after 20 more changes once everything was observed again (a route change)', async () => {
      const { observer, spin, tick } = page();
      await tick(10);
      expect(observer.isExcluded(spin)).toBe(true);
      observer.includeAll();
      await tick(2);
      expect(observer.isExcluded(spin)).toBe(false);
      await tick(10);
      expect(observer.isExcluded(spin)).toBe(true);
    });

    it('observed again when a scan finds it near a field', async () => {
      const { observer, spin, tick } = page();
      await tick(10);
      expect(observer.isExcluded(spin)).toBe(true);
      spin.after(document.createElement('input'));
      observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
      expect(observer.isExcluded(spin)).toBe(false);
      observer.stop();
    });

    it('never a message the portal shows: an error code in it after 30 changes is read', async () => {
      const { observer, changes, calls } = page();
      const status = document.getElementById('status')!;
      for (let i = 0; i < 30; i++) {
        status.textContent = `Saving ${i}%`;
        await flush();
      }
      expect(observer.isExcluded(status)).toBe(false);
      expect(calls).toHaveBeenCalledTimes(30);
      status.firstChild!.nodeValue = 'Error 800039: the MPN ID is not valid';
      await flush();
      expect(changes.map((c) => c.readers)).toEqual([true]);
      observer.stop();
    });

    it('never one that gains elements, nor one near a field', async () => {
      const { observer } = page();
      const feed = document.querySelector('nav')!;
      const label = document.getElementById('l')!;
      for (let i = 0; i < 30; i++) {
        feed.append(document.createElement('a'));
        label.className = `c${i}`;
        await flush();
      }
      expect(observer.isExcluded(feed)).toBe(false);
      expect(observer.isExcluded(label)).toBe(false);
      observer.stop();
    });
  });

  it('a feed appended to far from every field: each batch is searched, never the whole feed again', () => {
    document.body.innerHTML = `<main><form><input id="a"></form><section><div role="feed" id="feed">${'<article>Older</article>'.repeat(200)}</div></section></main>`;
    const changes: PageChange[] = [];
    const observer = new PageObserver({ owns: () => false, onChange: (c) => changes.push(c) });
    observer.start(document);
    observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
    const feed = document.getElementById('feed')!;
    const deliver = observer as unknown as { onMutations(records: Partial<MutationRecord>[]): void };
    const whole = vi.spyOn(feed, 'querySelector');
    const append = (field = false) => {
      const items = Array.from({ length: 30 }, () => document.createElement('article'));
      if (field) items[29]!.append(document.createElement('textarea'));
      feed.append(...items);
      deliver.onMutations([
        { type: 'childList', target: feed, addedNodes: items as unknown as NodeList, removedNodes: [] as unknown as NodeList },
      ]);
      return items;
    };
    try {
      for (let i = 0; i < 10; i++) append();
      expect(changes).toEqual([]);
      expect(whole).not.toHaveBeenCalled();
      const items = append(true);
      expect(changes).toEqual([{ fields: true, labels: true, readers: false, added: [items[29]] }]);
    } finally {
      observer.stop();
    }
  });

  it('a dialog mounted at the top of the page is for the readers, wherever the fields are', async () => {
    document.body.innerHTML = `<form><input id="a"></form>`;
    const changes: { readers: boolean }[] = [];
    const observer = new PageObserver({ owns: () => false, onChange: (c) => changes.push(c) });
    observer.start(document);
    observer.setFieldMap(new FieldScanner().collect(observer.roots(document)));
    const layer = document.createElement('div');
    layer.className = 'ms-Layer';
    layer.innerHTML = '<div><div role="dialog" aria-modal="true"><h2>Verify your address</h2></div></div>';
    document.body.append(layer);
    await flush();
    expect(changes.map((c) => c.readers)).toEqual([true]);
    layer.remove();
    await flush();
    expect(changes.map((c) => c.readers)).toEqual([true, true]);
    observer.stop();
  });

  it('timers leave no listener behind once they fire', async () => {
    let added = 0;
    let removed = 0;
    const add = AbortSignal.prototype.addEventListener;
    const remove = AbortSignal.prototype.removeEventListener;
    AbortSignal.prototype.addEventListener = function (...args: Parameters<typeof add>) {
      added++;
      return add.apply(this, args);
    };
    AbortSignal.prototype.removeEventListener = function (...args: Parameters<typeof remove>) {
      removed++;
      return remove.apply(this, args);
    };
    try {
      const life = new Lifetime(() => true);
      let fired = 0;
      for (let i = 0; i < 100; i++) life.setTimeout(() => fired++, 0);
      for (let i = 0; i < 100; i++) life.requestAnimationFrame(() => fired++);
      await new Promise((r) => setTimeout(r, 100));
      expect(fired).toBe(200);
      expect(added - removed).toBe(0);
    } finally {
      AbortSignal.prototype.addEventListener = add;
      AbortSignal.prototype.removeEventListener = remove;
    }
  });

  /** A pipeline wired as the content script wires it, with a real Lifetime; what it schedules is counted. */
  function wired() {
    const scheduled: (() => void)[] = [];
    const pipeline = new Pipeline({
      checks: CHECKS,
      locale: 'en',
      lookupDomains: async (hosts) => hosts.map(describeDomain),
      report: () => {},
      learn: () => {},
      parseAddressLines,
      ...noEvidence,
      recognisePortalErrors: async (texts) => texts.map(() => []),
      schedule: (fn) => scheduled.push(fn),
    });
    const life = new Lifetime(() => true);
    pipeline.start();
    wirePage(life, pipeline, window);
    return { pipeline, life, scheduled };
  }
  const form = (filler: number) => `<header><span id="spin">◐</span></header><main><h1>Legal business profile</h1><form>
    ${Array.from({ length: 12 }, (_, i) => `<div class="f"><div><span id="l${i}">${i % 2 ? 'Email address' : 'Company name'}</span></div><div><input aria-labelledby="l${i}" value="${i % 2 ? `p${i}@contoso.com` : `Contoso ${i}`}"></div></div>`).join('')}
    </form><div id="filler">${'<div><span>item</span><span>more</span></div>'.repeat(filler)}</div></main>`;

  it('a spinner far from the fields costs one callback: no scan, no idle callback, no timer, no listener', async () => {
    document.body.innerHTML = form(10);
    const { pipeline, life, scheduled } = wired();
    await flush();
    scheduled.splice(0).forEach((fn) => fn());
    const timers = vi.spyOn(window, 'setTimeout');
    const idle = vi.fn();
    const rIC = window.requestIdleCallback;
    window.requestIdleCallback = idle;
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener');
    try {
      const spin = document.getElementById('spin')!;
      for (let tick = 0; tick < 20; tick++) {
        spin.textContent = '◐◓◑◒'[tick % 4]!;
        spin.className = `s${tick % 4}`;
        await flush();
      }
      // (flush itself is one setTimeout per tick.)
      expect(timers.mock.calls.length).toBe(20);
      expect(scheduled).toEqual([]);
      expect(idle).not.toHaveBeenCalled();
      expect(add).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
      add.mockRestore();
      window.requestIdleCallback = rIC;
      life.end();
      pipeline.stop();
    }
  });

  it('a field the user edits inside a part of the page no longer observed is checked, and the part observed again', async () => {
    document.body.innerHTML = form(10);
    const { pipeline, life, scheduled } = wired();
    try {
      await flush();
      scheduled.splice(0).forEach((fn) => fn());
      const spin = document.getElementById('spin')!;
      for (let tick = 0; tick < 12; tick++) {
        spin.textContent = '◐◓◑◒'[tick % 4]!;
        spin.className = `s${tick % 4}`;
        await flush();
      }
      const observer = (pipeline as unknown as { observer: PageObserver }).observer;
      expect(observer.isExcluded(spin)).toBe(true);
      const input = spin.appendChild(Object.assign(document.createElement('input'), { value: 'pat@gmail.com' }));
      await flush();
      expect(scheduled).toEqual([]);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      expect(observer.isExcluded(spin)).toBe(false);
      scheduled.splice(0).forEach((fn) => fn());
      expect(pipeline['scanner'].knows(input)).toBe(true);
    } finally {
      life.end();
      pipeline.stop();
    }
  });

  it('a scan keeps the other controls it met (radios, checkboxes) for the marks to keep off, without searching again', () => {
    document.body.innerHTML = `<input id="a"><input type="radio" id="r"><label><input type="checkbox" id="c"> Agree</label>`;
    const scanner = new FieldScanner();
    scanner.collect([document]);
    expect([...scanner.controls()].map((e) => e.id)).toEqual(['a', 'r', 'c']);
    const late = document.body.appendChild(Object.assign(document.createElement('input'), { type: 'radio', id: 'late' }));
    document.getElementById('r')!.remove();
    scanner.collect([document], [late]);
    expect([...scanner.controls()].map((e) => e.id)).toEqual(['a', 'c', 'late']);
  });

  it('moving the marks (a scroll frame) searches no part of the page: the scan told them where controls and dialogs are', async () => {
    document.body.innerHTML = form(3000).replace('p1@contoso.com', 'p1@gmail.com');
    const { pipeline, life, scheduled } = wired();
    try {
      await flush();
      scheduled.splice(0).forEach((fn) => fn());
      const host = pipeline.marks.host;
      expect(host.shadowRoot!.querySelectorAll('button[data-issue-code]').length).toBeGreaterThan(0);
      const searches: unknown[] = [];
      const spies = [document as Document | Element, Element.prototype].flatMap((target) =>
        (['querySelectorAll', 'querySelector', 'getElementsByTagName'] as const).map((name) => {
          const original = target[name] as (...args: unknown[]) => unknown;
          return vi.spyOn(target, name).mockImplementation(function (this: Node, ...args: unknown[]) {
            if (this !== host.shadowRoot && !host.shadowRoot!.contains(this)) searches.push([this, ...args]);
            return original.apply(this, args);
          } as never);
        }),
      );
      try {
        for (let i = 0; i < 5; i++) pipeline.marks.reposition();
      } finally {
        spies.forEach((s) => s.mockRestore());
      }
      expect(searches).toEqual([]);
    } finally {
      life.end();
      pipeline.stop();
    }
  });

  it('no listener is added per timer, per frame, per scroll or per scan', async () => {
    document.body.innerHTML = form(10);
    const { pipeline, life, scheduled } = wired();
    const add = vi.spyOn(EventTarget.prototype, 'addEventListener');
    try {
      for (let i = 0; i < 100; i++) {
        life.setTimeout(() => {}, 0);
        life.requestAnimationFrame(() => {});
        window.dispatchEvent(new Event('scroll'));
        pipeline.hooks.change();
      }
      for (let i = 0; i < 5; i++) {
        (document.getElementById('l0') as HTMLElement).textContent = `Company name ${i}`;
        await flush();
        scheduled.splice(0).forEach((fn) => fn());
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(add).not.toHaveBeenCalled();
    } finally {
      add.mockRestore();
      life.end();
      pipeline.stop();
    }
  });

  it('a scan after a label change searches no part of the page but the fields: its cost does not grow with the page', async () => {
    const searched = (filler: number) => {
      document.body.innerHTML = form(filler);
      const { pipeline, life, scheduled } = wired();
      scheduled.splice(0).forEach((fn) => fn());
      let nodes = 0;
      const count = <
        T extends { querySelectorAll: (s: string) => NodeListOf<Element>; getElementsByTagName: (s: string) => HTMLCollection },
      >(
        proto: T,
      ) => {
        const q = proto.querySelectorAll;
        const g = proto.getElementsByTagName;
        proto.querySelectorAll = function (this: Element, sel: string) {
          nodes += this.getElementsByTagName('*').length;
          return q.call(this, sel);
        } as T['querySelectorAll'];
        proto.getElementsByTagName = function (this: Element, sel: string) {
          const all = g.call(this, sel);
          nodes += all.length;
          return all;
        } as T['getElementsByTagName'];
        return () => Object.assign(proto, { querySelectorAll: q, getElementsByTagName: g });
      };
      return async () => {
        const undo = [count(Document.prototype), count(Element.prototype)];
        try {
          (document.getElementById('l0') as HTMLElement).textContent = 'Company name (legal)';
          await flush();
          expect(scheduled).toHaveLength(1);
          scheduled.splice(0).forEach((fn) => fn());
        } finally {
          undo.forEach((u) => u());
          life.end();
          pipeline.stop();
        }
        return nodes;
      };
    };
    const small = await searched(10)();
    const large = await searched(3000)();
    expect(large).toBe(small);
  });
});
