// @vitest-environment happy-dom
// Regression tests for issue 9 on the page side: each reproduces an attack or a fault that the content
// script used to fall for (the number is the issue's item).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { noEvidence } from './support';
import { LIMITS } from '../../components/contract/limits';
import type { Learned, TabIssue } from '../../components/contract/page';
import { Learner } from '../../components/page/learner';
import { Lifetime } from '../../components/page/lifetime';
import { HOST_TAG, MarkLayer } from '../../components/page/marks';
import { PageObserver } from '../../components/page/observer';
import { clipIssues, clipPage, Pipeline } from '../../components/page/pipeline';
import { parseAddressLines } from '../../rules/address/compare';
import { CHECKS } from '../../rules/checks';
import { describeDomain } from '../../rules/email/domain';
import type { Check, DomainInfo } from '../../rules/types';

const flush = () => new Promise((r) => setTimeout(r, 0));
const setURL = (url: string) => (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
const PORTAL = 'https://partner.microsoft.com';

beforeEach(() => {
  document.body.innerHTML = '';
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
  Element.prototype.checkVisibility = function (this: Element) {
    return this.isConnected;
  };
  Element.prototype.getClientRects = function () {
    return [{}] as unknown as DOMRectList;
  };
});

function pipelineWith(deps: Partial<ConstructorParameters<typeof Pipeline>[0]> = {}) {
  const reports: { issues: TabIssue[]; omitted: number }[] = [];
  const learned: Learned[] = [];
  const pipeline = new Pipeline({
    checks: CHECKS,
    locale: 'en',
    lookupDomains: async (hosts) => hosts.map(describeDomain),
    report: (issues, omitted) => reports.push({ issues, omitted }),
    learn: (l) => learned.push(l),
    parseAddressLines,
    ...noEvidence,
    recognisePortalErrors: async (texts) => texts.map(() => []),
    schedule: (fn) => setTimeout(fn, 0),
    ...deps,
  });
  return { pipeline, reports, learned };
}

describe('#2 the learner cannot be poisoned by the page', () => {
  const table = `<table><tr><th></th><th>You entered</th><th>Suggested</th></tr>
    <tr><th>Address line 1</th><td>1 Real St</td><td>666 Fake Rd</td></tr>
    <tr><th>City</th><td>Redmond</td><td>Redmond</td></tr></table>`;
  const read = (learner: Learner) => learner.readPage(document, () => 'a1');

  it('#2 an Identifiers page named only in the query string teaches no PartnerID', () => {
    setURL(`${PORTAL}/en-us/dashboard/home?from=/identifiers`);
    document.body.innerHTML = '<table><tr><td>9999999</td><td>Global</td><td>North Korea</td></tr></table>';
    const learned: Learned[] = [];
    read(new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence }));
    expect(learned).toEqual([]);
  });

  it('#2 a <header> inside content, or on a page outside the dashboard, teaches no company domain', () => {
    const learned: Learned[] = [];
    setURL(`${PORTAL}/en-us/dashboard/home`);
    document.body.innerHTML = '<main><article><header>Posted by mallory@evil.example</header></article></main>';
    read(new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence }));
    setURL(`${PORTAL}/en-us/blog/post`);
    document.body.innerHTML = '<header>mallory@evil.example</header>';
    read(new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence }));
    expect(learned).toEqual([]);
    setURL(`${PORTAL}/en-us/dashboard/home`);
    read(new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence }));
    expect(learned).toEqual([{ kind: 'company-domain', domain: 'evil.example' }]);
  });

  it('#2 a class*="modal" look-alike is checked against but never learned from, even after a submit', () => {
    setURL(`${PORTAL}/en-us/dashboard/account/v3/enrollment/legal-business-profile`);
    document.body.innerHTML = `<div class="fake-modal">${table}</div>`;
    const learned: Learned[] = [];
    const learner = new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence });
    learner.onSubmit([], location.pathname);
    expect(read(learner).addressDialog?.verified.line1).toBe('666 Fake Rd');
    expect(learned).toEqual([]);
  });

  it('#2 a real dialog (role and address title) is learned only after the user submitted', () => {
    setURL(`${PORTAL}/en-us/dashboard/account/v3/enrollment/legal-business-profile`);
    document.body.innerHTML = `<div role="dialog" aria-labelledby="t"><h2 id="t">Confirm your address</h2>${table}</div>`;
    const learned: Learned[] = [];
    const learner = new Learner({ learn: (l) => learned.push(l), parseAddressLines, ...noEvidence });
    read(learner);
    expect(learned).toEqual([]);
    learner.onSubmit([], location.pathname);
    read(learner);
    expect(learned.map((l) => l.kind)).toEqual(['verified-address']);
  });
});

describe('#3 reports stay within the schema limits', () => {
  it('#3 600 issues with over-long texts are clipped to 500 and the rest counted', () => {
    const issues: TabIssue[] = Array.from({ length: 600 }, (_, i) => ({
      code: 'personal-email-domain',
      severity: i % 2 ? 'warning' : 'error',
      fieldId: `f${i}`,
      message: 'm'.repeat(3000),
      fieldLabel: 'L'.repeat(900),
    }));
    const clipped = clipIssues(issues);
    expect(clipped.issues).toHaveLength(LIMITS.issues);
    expect(clipped.omitted).toBe(100);
    expect(clipped.issues.every((i) => i.message.length <= LIMITS.message && i.fieldLabel.length <= LIMITS.fieldLabel)).toBe(true);
    expect(clipped.issues.filter((i) => i.severity === 'error')).toHaveLength(300);
    const page = clipPage(`${PORTAL}/?${'q'.repeat(5000)}`, 'T'.repeat(2000));
    expect(page.url.length).toBeLessThanOrEqual(LIMITS.url);
    expect(page.title.length).toBeLessThanOrEqual(LIMITS.title);
  });
});

describe('#4 one bad host does not switch the email check off', () => {
  it('#4 a 300-character host and 150 other hosts: Gmail is still flagged, and a failure is not retried every second', async () => {
    setURL(`${PORTAL}/en-us/dashboard/account/v3/enrollment/legal-business-profile`);
    const long = `a@${'x'.repeat(290)}.com`;
    const others = Array.from({ length: 150 }, (_, i) => `u@host${i}.example`);
    document.body.innerHTML = [long, ...others, 'jane@gmail.com']
      .map((v, i) => `<label for="e${i}">Email address</label><input id="e${i}" type="email" value="${v}">`)
      .join('');
    const calls: string[][] = [];
    // As the background's schema answers: more than 100 hosts, or one over 253 characters, is refused.
    const lookupDomains = async (hosts: string[]): Promise<DomainInfo[]> => {
      calls.push(hosts);
      if (hosts.length > 100 || hosts.some((h) => h.length > 253)) throw new Error('refused by the schema');
      if (hosts.includes('host7.example')) throw new Error('this one host fails');
      return hosts.map(describeDomain);
    };
    const { pipeline, reports } = pipelineWith({ lookupDomains });
    pipeline.start();
    for (let i = 0; i < 5; i++) await flush();
    const last = reports.at(-1)!;
    expect(last.issues.some((i) => i.code === 'personal-email-domain')).toBe(true);
    expect(calls.every((c) => c.length <= 100 && c.every((h) => h.length <= 253))).toBe(true);
    const before = calls.length;
    for (let i = 0; i < 5; i++) {
      (document.querySelector('#e0') as HTMLInputElement).value = `b${i}@${'x'.repeat(290)}.com`;
      pipeline.onUserEdit();
      await flush();
    }
    // The over-long hosts are never sent; host7's failure is remembered.
    expect(calls.length).toBe(before);
    pipeline.stop();
  });
});

describe('#5 the page cannot switch the content script off', () => {
  it('#5 a forged "newer instance started" claim is ignored while the extension is there', async () => {
    const life = new Lifetime(() => true);
    const stopped = vi.fn();
    life.onInvalidated(stopped);
    await life.onClaimedInvalid(async () => true);
    expect(life.isValid).toBe(true);
    expect(stopped).not.toHaveBeenCalled();
  });

  it('#5 …but an instance whose extension is gone (runtime.id, or no answer) ends, and its timers stop', async () => {
    let alive = true;
    const life = new Lifetime(() => alive);
    const tick = vi.fn();
    life.setTimeout(tick, 5);
    life.requestAnimationFrame(tick);
    await life.onClaimedInvalid(async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(life.isValid).toBe(false);
    const other = new Lifetime(() => alive);
    alive = false;
    expect(other.isValid).toBe(false);
    await new Promise((r) => setTimeout(r, 20));
    expect(tick).not.toHaveBeenCalled();
  });
});

describe('#8 a host left by an earlier instance', () => {
  it('#8 is removed on start: one host, no stale mark', () => {
    const stale = document.createElement(HOST_TAG);
    stale.attachShadow({ mode: 'open' }).innerHTML = '<button data-issue-code="personal-email-domain">!</button>';
    document.documentElement.append(stale);
    const { pipeline } = pipelineWith();
    pipeline.start();
    expect(document.querySelectorAll(HOST_TAG)).toHaveLength(1);
    expect(document.querySelector(HOST_TAG)).not.toBe(stale);
    pipeline.stop();
  });
});

describe('#9 CPU', () => {
  it('#9 the idle safety net does not re-run the checks when nothing changed', () => {
    setURL(`${PORTAL}/en-us/dashboard/account/v3/enrollment/legal-business-profile`);
    document.body.innerHTML = '<label for="a">Address line 1</label><input id="a" value="1 Main St">';
    const run = vi.fn(() => []);
    const probe: Check = { ...CHECKS[0]!, code: 'probe', reads: ['address-line1'] as never, run };
    const { pipeline } = pipelineWith({ checks: [probe] });
    pipeline.start();
    const after = run.mock.calls.length;
    for (let i = 0; i < 10; i++) pipeline.onUserEdit();
    expect(run.mock.calls.length).toBe(after);
    (document.querySelector('#a') as HTMLInputElement).value = '2 Main St';
    pipeline.onUserEdit();
    expect(run.mock.calls.length).toBe(after + 1);
    pipeline.stop();
  });

  it('#9 a 1 MB value is clipped before any check reads it', () => {
    document.body.innerHTML = `<label for="e">Email address</label><input id="e" type="email" value="jane@gmail.com">`;
    (document.querySelector('#e') as HTMLInputElement).value = `jane@gmail.com${' '.repeat(1_000_000)}x`;
    const seen: number[] = [];
    const probe: Check = {
      ...CHECKS[0]!,
      code: 'probe',
      reads: ['email'] as never,
      run: (ctx) => (seen.push(...ctx.fields.map((f) => f.descriptor.value.length)), []),
    };
    const { pipeline } = pipelineWith({ checks: [probe] });
    pipeline.start();
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(LIMITS.value);
    pipeline.stop();
  });

  it('#9 our own host being added or removed is not a page change', async () => {
    const layer = new MarkLayer('en');
    const onChange = vi.fn();
    const observer = new PageObserver({ owns: (n) => layer.owns(n), onChange });
    document.body.innerHTML = '<label for="i">Email</label><input id="i">';
    observer.start(document);
    observer.setFieldMap({
      ancestors: new Map<Node, number>([
        [document, 3],
        [document.documentElement, 2],
        [document.body, 1],
      ]),
    });
    for (let i = 0; i < 5; i++) {
      layer.attach();
      await flush();
      layer.host.remove();
      await flush();
    }
    expect(onChange).not.toHaveBeenCalled();
    observer.stop();
  });

  it('#9 a page that removes our host whenever it is added gets backed-off re-attachment', () => {
    const layer = new MarkLayer('en');
    let attaches = 0;
    for (let t = 0; t < 10_000; t += 10) {
      layer.attach(t);
      if (layer.host.isConnected) {
        attaches++;
        layer.host.remove();
      }
    }
    // 1000 tries in 10 s: a handful of re-attachments (0.5 s, 1 s, 2 s, 4 s …), not 1000.
    expect(attaches).toBeLessThan(10);
  });
});

describe('marks anchored by the page readers', () => {
  it("a portal error's mark stays through a scan that does not read the page again (typing elsewhere)", async () => {
    setURL(`${PORTAL}/en-us/dashboard/v2/customers/indirectresellers/por`);
    document.body.innerHTML = `<div role="alert">Error code: 2201. The CSP region of the requested PartnerID doesn't match.</div>
      <label for="e">Email address</label><input id="e" type="email" value="">`;
    const { explainPortalErrors } = await import('../../rules/portal/explain');
    const { pipeline, reports } = pipelineWith({ recognisePortalErrors: async (texts) => texts.map(explainPortalErrors) });
    pipeline.start();
    for (let i = 0; i < 20 && !reports.at(-1)?.issues.some((x) => x.code === 'portal-error'); i++) await flush();
    expect(reports.at(-1)?.issues.map((x) => x.code)).toContain('portal-error');
    // A field's label changes: a scan without the readers (they run on a route change or a dialog).
    document.querySelector('label')!.textContent = 'Work email address';
    for (let i = 0; i < 5; i++) await flush();
    const inner = pipeline as unknown as { scan(): void; readersDue: boolean };
    inner.readersDue = false;
    inner.scan();
    // Then the user types: the issues are checked again, and the message's mark is still placed.
    document.querySelector('input')!.value = 'jane@contoso.com';
    pipeline.onUserEdit(document.querySelector('input'));
    for (let i = 0; i < 5; i++) await flush();
    expect(reports.at(-1)?.issues.map((x) => x.code)).toContain('portal-error');
    pipeline.stop();
  });
});
