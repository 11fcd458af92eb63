// @vitest-environment happy-dom
// The portal-error reader on markup: which element is the message (the innermost that holds the code),
// which markup counts as a message, and what is left alone; and the Learner handing them to the checks.
import { beforeEach, describe, expect, it } from 'vitest';
import { noEvidence } from './support';
import { Learner } from '../../components/page/learner';
import { readPortalErrors } from '../../components/page/portal-errors';
import { parseAddressLines } from '../../rules/address/compare';
import { explainPortalErrors } from '../../rules/portal/explain';
import type { PortalErrorInfo } from '../../rules/types';

beforeEach(() => {
  document.body.innerHTML = '';
  // happy-dom lays nothing out: every connected element counts as rendered.
  Element.prototype.getClientRects = function (this: Element) {
    return (this.isConnected ? [{}] : []) as unknown as DOMRectList;
  };
});

const read = () => readPortalErrors(document, explainPortalErrors).errors.map((e) => ({ code: e.code, id: e.anchor.id }));

describe('readPortalErrors', () => {
  it('marks the innermost message: a Fluent MessageBar text, not its bar; a dialog when nothing inside is a message', () => {
    document.body.innerHTML = `
      <div class="ms-MessageBar ms-MessageBar--error" id="bar"><div class="ms-MessageBar-text" role="alert" id="bar-text">Error code: 2201. …</div></div>
      <div role="dialog" id="dlg"><h2>We couldn't assign the partner of record</h2><p>Status not active (800039).</p></div>
      <mat-error class="mat-mdc-form-field-error" id="mat">MPN Id must be numeric</mat-error>
      <div class="toast" id="toast">エラー コード: 900123</div>
      <p role="status" id="status">Address check status: Verified</p>`;
    expect(read()).toEqual([
      { code: '2201', id: 'bar-text' },
      { code: '800039', id: 'dlg' },
      { code: 'mpn-not-numeric', id: 'mat' },
      { code: '900123', id: 'toast' },
      { code: 'Verified', id: 'status' },
    ]);
  });

  it('leaves alone codes outside messages, numbers that are no codes, and words in prose', () => {
    document.body.innerHTML = `
      <p>Error 2203 means the agreement is missing.</p>
      <h2>Error 2201</h2>
      <div class="alert alert-info" role="alert">Order #2204 was placed. Your email address is verified.</div>
      <div class="alert">Call 0120-2200-15.</div>
      <label>Partner ID <input value="(2200)"></label>`;
    expect(read()).toEqual([]);
  });

  it('asks only about texts that may hold a code, and each once per read', () => {
    document.body.innerHTML = `<div role="alert">Saved.</div><div role="alert">Error 2201</div><div role="alert">Error 2201</div>`;
    const { unknown } = readPortalErrors(document, () => undefined);
    expect(unknown).toEqual(['Error 2201']);
  });

  it('a hidden message is not read', () => {
    document.body.innerHTML = `<div role="alert" id="gone">Error 2200</div>`;
    Element.prototype.getClientRects = () => [] as unknown as DOMRectList;
    expect(read()).toEqual([]);
  });

  it('the Learner registers each message as an anchor for the portal-error check', () => {
    document.body.innerHTML = `<div role="alert" id="a">Error 2204</div><div class="alert-danger" id="b">Requested MPN Id 1234567 is either invalid or does not exist in Partner Center.</div>`;
    const asked: string[][] = [];
    const known = new Map<string, PortalErrorInfo[]>();
    const learner = new Learner({
      learn: () => {},
      parseAddressLines,
      ...noEvidence,
      portalErrors: (t) => known.get(t),
      recognise: (t) => asked.push(t),
    });
    // First read: the texts are unknown, so the background is asked and nothing is marked yet.
    expect(learner.readPage(document, () => 'x').portalErrors).toEqual([]);
    expect(asked).toEqual([['Error 2204', 'Requested MPN Id 1234567 is either invalid or does not exist in Partner Center.']]);
    for (const t of asked[0]!) known.set(t, explainPortalErrors(t));
    const anchors: Element[] = [];
    const page = learner.readPage(document, (el) => `p${anchors.push(el)}`);
    // Each with its explanation and step, as the background gave them (the message's text stays out).
    expect(page.portalErrors).toEqual([
      { anchorId: 'p1', ...explainPortalErrors('Error 2204')[0] },
      { anchorId: 'p2', ...explainPortalErrors('Error 2200')[0] },
    ]);
    expect(page.portalErrors!.map((e) => [e.code, e.step])).toEqual([
      ['2204', 'share-associated-partner-id'],
      ['2200', 'associate-pla'],
    ]);
    expect(page.portalErrors![0]!.means.ja).toMatch(/CSP 間接リセラー/);
    expect(anchors.map((a) => a.id)).toEqual(['a', 'b']);
    expect(learner.portalErrors[1]!.text).toContain('1234567');
  });
});
