// A Partner-Center-like busy page for the benchmark: a 40-field form in nested divs labelled with
// aria-labelledby, a spinner mutating every 100 ms, a 500-row ARIA grid re-rendered every 2 s, and custom
// elements whose shadow roots (with fields) arrive late. About 6,000 nodes. The page measures its own
// script time (`window.__pageMs`, from its timer callbacks), so that the extension's share is a ratio
// taken in one run.

const FIELDS = [
  'Company name',
  'Address line 1',
  'Address line 2',
  'City',
  'State/Province',
  'ZIP/Postal code',
  'Country or region',
  'Phone number',
  'First name',
  'Last name',
  'Email address',
  'Partner location account (PLA) ID',
  'Website',
  'Job title',
  'DUNS number',
  'Support email',
  '会社名',
  '郵便番号',
  'メール アドレス',
  '電話番号',
];

/** One Fluent-like text field, five divs deep, named by aria-labelledby; `value` pre-filled. */
function field(i, label, value) {
  return `<div class="ms-TextField" data-automation-id="field-${i}"><div class="ms-TextField-wrapper"><div class="lbl-row">
<span class="ms-Label" id="lbl-${i}">${label}</span><span class="req" aria-hidden="true">*</span></div>
<div class="ms-TextField-fieldGroup"><div class="prefix"></div><input class="ms-TextField-field" aria-labelledby="lbl-${i}" value="${value}"></div>
<div class="desc" id="desc-${i}">Enter the ${label.toLowerCase()} as registered.</div></div></div>`;
}

/**
 * @param {{ rows?: number, fields?: number, filler?: number }} [o] `filler`: extra non-field nodes (for the
 *   page-size sweep); `fields`: how many fields (for the field-count sweep).
 */
export function busyPage({ rows = 500, fields = 40, filler = 0 } = {}) {
  const form = [];
  for (let i = 0; i < fields; i++) {
    const label = FIELDS[i % FIELDS.length];
    const value = label.includes('mail') || label.includes('メール') ? `user${i}@contoso.com` : i % 3 === 0 ? `value ${i}` : '';
    form.push(field(i, label, value));
  }
  const fillerHtml =
    filler > 0 ? `<div id="filler">${'<div class="f"><span>item</span><span>more</span></div>'.repeat(Math.ceil(filler / 3))}</div>` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Legal info | Partner Center</title>
<style>body{font:14px/20px "Segoe UI",sans-serif;margin:0}.ms-TextField{margin:6px 0;max-width:420px}.ms-TextField-field{width:100%}
[role=row]{display:flex;gap:8px}[role=gridcell]{flex:1}.spin{display:inline-block;width:12px;height:12px}</style></head>
<body><header role="banner"><nav>${'<a href="#">Menu item</a>'.repeat(30)}</nav><span class="spin" id="spinner" aria-hidden="true">◐</span></header>
<main><h1>Legal business profile</h1><form id="form"><fieldset><legend>Company</legend>${form.join('\n')}</fieldset></form>
<section><h2>Recent activity</h2><div role="grid" id="grid" aria-label="Activity"></div></section>
<section id="late"><h2>Contacts</h2><contact-card></contact-card><contact-card></contact-card></section>${fillerHtml}</main>
<script>
  window.__pageMs = 0;
  const timed = (fn) => () => { const t = performance.now(); fn(); window.__pageMs += performance.now() - t; };
  const spinner = document.getElementById('spinner');
  const glyphs = ['◐', '◓', '◑', '◒'];
  let tick = 0;
  setInterval(timed(() => { spinner.textContent = glyphs[++tick % 4]; spinner.className = 'spin s' + (tick % 4); }), 100);
  const grid = document.getElementById('grid');
  let round = 0;
  const render = timed(() => {
    round++;
    const frag = document.createDocumentFragment();
    for (let r = 0; r < ${rows}; r++) {
      const row = document.createElement('div');
      row.setAttribute('role', 'row');
      for (const text of ['Order ' + (r + round), 'Contoso', 'Tokyo', 'Active', round + ' min ago']) {
        const cell = document.createElement('div');
        cell.setAttribute('role', 'gridcell');
        const span = document.createElement('span');
        span.textContent = text;
        cell.append(span);
        row.append(cell);
      }
      frag.append(row);
    }
    grid.replaceChildren(frag);
  });
  render();
  setInterval(render, 2000);
  // Custom elements upgraded a second late, with a field in their shadow root.
  setTimeout(timed(() => {
    customElements.define('contact-card', class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML = '<label>Contact email <input type="email" value="pat@contoso.com"></label>';
      }
    });
  }), 1000);
</script></body></html>`;
}
