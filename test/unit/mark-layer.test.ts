// @vitest-environment happy-dom
// The mark layer's words and keys (#11): the live region says only what changed, naming the field, and
// nothing on a page without issues; a mark's name starts with the field's label; Tab from a flagged field
// goes to its mark; ignoring hides the mark at once; the language can change without a re-check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MarkLayer, type PlacedIssue } from '../../components/page/marks';
import { ignoreKey } from '../../rules/fixes';

const wait = (ms = 100) => new Promise((r) => setTimeout(r, ms));
let layer: MarkLayer;
let input: HTMLInputElement;

const issue = (over: Partial<PlacedIssue> = {}): PlacedIssue => ({
  code: 'personal-email-domain',
  severity: 'error',
  fieldId: 'f1',
  message: 'gmail.com is a personal mail service.',
  params: { domain: 'gmail.com' },
  element: input,
  label: 'Email address',
  ...over,
});
const root = () => layer.host.shadowRoot!;
const live = () => root().querySelector('[role="status"]')!.textContent;

beforeEach(() => {
  document.body.innerHTML = '<label for="e">Email address</label><input id="e" value="jane@gmail.com"><button id="next">Next</button>';
  input = document.querySelector('#e')!;
  // (happy-dom lays nothing out: the field gets a box of its own.)
  input.getBoundingClientRect = () => ({ left: 100, top: 100, right: 400, bottom: 132, width: 300, height: 32, x: 100, y: 100 }) as DOMRect;
  layer = new MarkLayer('en');
});
afterEach(() => layer.destroy());

describe('the live region', () => {
  it('is silent on a page without issues, and when nothing changed', async () => {
    layer.render([]);
    await wait();
    expect(live()).toBe('');
  });

  it('names the field when an issue appears and when it goes', async () => {
    layer.render([issue()]);
    await wait();
    expect(live()).toMatch(/^Email address: Error\. /);
    const said = vi.fn();
    new MutationObserver(said).observe(root().querySelector('[role="status"]')!, { childList: true, characterData: true, subtree: true });
    layer.render([issue()]);
    await wait();
    expect(said).not.toHaveBeenCalled();
    layer.render([]);
    await wait();
    expect(live()).toBe('Email address: no longer flagged.');
  });
});

describe('marks', () => {
  it("a mark's accessible name starts with the field's label", () => {
    layer.render([issue()]);
    expect(root().querySelector('.mark')!.getAttribute('aria-label')).toMatch(/^Email address: Error: /);
  });

  it("Tab from the flagged field goes to its mark (the page's Tab is prevented)", () => {
    layer.render([issue()]);
    input.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true, composed: true });
    input.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(root().activeElement).toBe(root().querySelector('.mark'));
  });

  it("a portal error's mark is named after the portal's message, not a field", () => {
    layer.render([issue({ code: 'portal-error', label: '', params: { code: '2201', errors: [] } })]);
    expect(root().querySelector('.mark')!.getAttribute('aria-label')).toMatch(/^Partner Center message: /);
  });

  it('an ignored issue is not marked; the language changes without a re-check', () => {
    layer.render([issue()]);
    layer.setLanguage('ja');
    expect(root().querySelector('.mark')!.getAttribute('aria-label')).toMatch(/^Email address: エラー: gmail\.com は/);
    layer.setIgnored([ignoreKey('personal-email-domain', 'Email address', location.pathname)]);
    expect(root().querySelectorAll('.mark')).toHaveLength(0);
  });
});

describe('dialogs', () => {
  const withDialog = (style: string) => {
    const d = document.createElement('div');
    d.setAttribute('role', 'dialog');
    d.setAttribute('aria-modal', 'true');
    d.setAttribute('style', style);
    d.textContent = 'Verify your address';
    d.getBoundingClientRect = () => ({ left: 500, top: 300, right: 800, bottom: 500, width: 300, height: 200, x: 500, y: 300 }) as DOMRect;
    document.body.append(d);
  };
  const shown = () => [...root().querySelectorAll<HTMLElement>('.mark')].filter((m) => !m.hidden);

  it('a modal dialog floating over the page hides the marks of the fields under it', () => {
    withDialog('position: fixed; inset: 0');
    layer.render([issue()]);
    layer.reposition();
    expect(shown()).toHaveLength(0);
  });

  it('a dialog drawn in the flow of the page, even marked modal, hides nothing beside it', () => {
    withDialog('position: static');
    layer.render([issue()]);
    layer.reposition();
    expect(shown()).toHaveLength(1);
  });
});
