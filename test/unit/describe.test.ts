// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { describeField, isField, valueOf } from '../../components/page/describe';

function first(html: string, selector = 'input, select, textarea, [role="combobox"]') {
  document.body.innerHTML = html;
  const el = document.querySelector(selector)!;
  return { el, d: describeField(el as HTMLElement, 'f1') };
}
const labelOf = (html: string, selector?: string) => first(html, selector).d.labels.map((l) => `${l.source}:${l.text}`);

describe('describeField label sources', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('label[for]', () => expect(labelOf('<label for="a">Email address</label><input id="a">')).toContain('label-for:Email address'));
  it('wrapping label, without the options of a nested select', () => {
    expect(labelOf('<label>メール アドレス <input></label>')).toContain('label-wrap:メール アドレス');
    expect(labelOf('<label>Country <select><option>Japan</option></select></label>', 'select')).toContain('label-wrap:Country');
  });
  it('aria-labelledby with several ids, in order', () => {
    expect(labelOf('<span id="x">Primary contact</span><span id="y">Email</span><input aria-labelledby="x y">')).toContain(
      'aria-labelledby:Primary contact Email',
    );
  });
  it('aria-label, placeholder, title', () => {
    expect(labelOf('<input aria-label="Work email" placeholder="name@company.com" title="Your email">')).toEqual([
      'aria-label:Work email',
      'placeholder:name@company.com',
      'title:Your email',
    ]);
  });
  it('preceding text drawn as divs', () => {
    expect(labelOf('<div class="row"><div class="lbl">メールアドレス</div><div><input></div></div>')).toContain(
      'preceding-text:メールアドレス',
    );
  });
  it('the previous table cell and dt', () => {
    expect(labelOf('<table><tr><th>会社名</th><td><input></td></tr></table>')).toContain('table-cell:会社名');
    expect(labelOf('<dl><dt>City</dt><dd><input></dd></dl>')).toContain('dt:City');
  });
  it('section from the fieldset legend or the nearest heading', () => {
    expect(first('<fieldset><legend>Primary contact info</legend><label>Email <input></label></fieldset>').d.section).toBe(
      'Primary contact info',
    );
    expect(first('<h2>サポート連絡先</h2><div><div><label>メール <input></label></div></div>').d.section).toBe('サポート連絡先');
  });
  it('attributes and hints', () => {
    const { d } = first(
      '<input name="primaryContact.email" id="TextField37" type="email" autocomplete="email" inputmode="email" formcontrolname="email" data-automation-id="contact-email">',
    );
    expect(d).toMatchObject({
      name: 'primaryContact.email',
      htmlId: 'TextField37',
      type: 'email',
      autocomplete: 'email',
      inputMode: 'email',
    });
    expect(d.hints).toEqual(['email', 'contact-email']);
  });
});

describe('values', () => {
  it('select: shown text and option value', () => {
    const { el } = first('<select><option value="US">United States</option><option value="JP" selected>Japan</option></select>');
    expect(valueOf(el as HTMLElement)).toEqual({ value: 'Japan', optionValue: 'JP' });
  });
  it('combobox widgets: their text or inner input', () => {
    expect(valueOf(first('<div role="combobox" aria-label="Country">United States</div>').el as HTMLElement).value).toBe('United States');
    const { el } = first('<div role="combobox"><input value="Japan"></div>');
    expect(valueOf(el as HTMLElement).value).toBe('Japan');
    const fluent = first('<div role="combobox"><span class="title">India</span><span><i aria-hidden="true">v</i>\uE70D</span></div>');
    expect(valueOf(fluent.el as HTMLElement).value).toBe('India');
    expect(valueOf(first('<div role="combobox" aria-valuetext="日本">x</div>').el as HTMLElement).value).toBe('日本');
  });
});

describe('isField', () => {
  it('skips buttons, hidden, checkboxes and passwords; keeps text-like inputs', () => {
    document.body.innerHTML =
      '<input type="hidden"><input type="submit"><input type="checkbox"><input type="password"><input type="email"><input><textarea></textarea><select></select>';
    expect(
      [...document.querySelectorAll('input, select, textarea')]
        .filter((e) => isField(e))
        .map((e) => e.tagName + ((e as HTMLInputElement).type ?? '')),
    ).toEqual(['INPUTemail', 'INPUTtext', 'TEXTAREAtextarea', 'SELECTselect-one']);
  });
});

describe('leafTexts', () => {
  it('reads texts, input values and the shown option, in page order, without the other options', async () => {
    const { leafTexts } = await import('../../components/page/readers');
    document.body.innerHTML =
      '<div>Country <select><option>India</option><option selected>Japan</option></select><span>after</span> <input value="7654321"><script>x</script></div>';
    expect(leafTexts(document.body)).toEqual(['Country', 'Japan', 'after', '7654321']);
  });
});
