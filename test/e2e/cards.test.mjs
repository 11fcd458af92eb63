// Marks that help, end to end in Chromium and Firefox, English and Japanese UI: the card a mark opens (hover,
// onto the card, copy, Escape), the keyboard (field → mark), where marks and cards go (left edge, frame,
// dialog, tight row: bounding boxes asserted), and the notice a learn shows, with Undo.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launch } from './browsers.mjs';
import { listFromEnv, openOptions, openPortal, sleep, viaOptions, waitForMarks } from './helpers.mjs';
import { PORTAL, urlOf } from './portal.mjs';

const BROWSERS = listFromEnv('E2E_BROWSERS', 'chromium,firefox');
const LANGS = listFromEnv('E2E_LANGS', 'en,ja');
const WORDS = {
  en: {
    learned: /^Learned 3 PartnerIDs from Identifiers\.$/,
    copied: /^Copied: 7654321$/,
    copy: /^Copy the PLA ID 7654321$/,
    undone: /previous facts are back/,
  },
  ja: {
    learned: /^識別子ページから PartnerID を 3 件読み込みました。$/,
    copied: /^コピーしました: 7654321$/,
    copy: /^PLA ID 7654321 をコピー$/,
    undone: /元に戻しました/,
  },
};
const OWN_PLA = { id: '7777777', type: 'location', country: 'DE', source: 'user' };
const TEAM = JSON.stringify({ format: 'csp-reseller-assistant/team-profile', version: 1, partnerIds: [OWN_PLA] });

/** Everything the layout assertions read, in one frame: marks, card, fields, dialogs, viewport. */
function layout(frame) {
  return frame.evaluate(() => {
    const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const root = document.querySelector('csp-reseller-assistant')?.shadowRoot;
    const marks = root
      ? [...root.querySelectorAll('.mark')]
          .filter((m) => !m.hidden)
          .map((m) => ({ ...box(m.getBoundingClientRect()), field: m.dataset.fieldId }))
      : [];
    const card = root?.querySelector('.card');
    const fields = [...document.querySelectorAll('input, select, textarea')].map((f) => ({ id: f.id, ...box(f.getBoundingClientRect()) }));
    const dialogs = [...document.querySelectorAll('[role="dialog"]')]
      .filter((d) => d.getClientRects().length)
      .map((d) => ({
        ...box(d.getBoundingClientRect()),
        modal: d.getAttribute('aria-modal') === 'true',
        has: [...d.querySelectorAll('input')].map((i) => i.id),
      }));
    return {
      marks,
      fields,
      dialogs,
      card: card && !card.hidden ? box(card.getBoundingClientRect()) : null,
      view: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  });
}

const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const within = (a, v) => a.left >= 0 && a.top >= 0 && a.right <= v.width && a.bottom <= v.height;

/** The mark of `fieldId` is in view, off every other field and off every dialog its field is not in; its card too. */
function assertPlaced(l, fieldId, what) {
  assert.equal(l.marks.length, 1, `${what}: one mark`);
  const [mark] = l.marks;
  assert.ok(within(mark, l.view), `${what}: the mark is inside the viewport ${JSON.stringify(mark)} in ${JSON.stringify(l.view)}`);
  for (const f of l.fields) if (f.id !== fieldId) assert.ok(!overlaps(mark, f), `${what}: the mark is off field #${f.id}`);
  for (const d of l.dialogs) if (!d.has.includes(fieldId)) assert.ok(!overlaps(mark, d), `${what}: the mark is off the dialog`);
  if (l.card) {
    assert.ok(within(l.card, l.view), `${what}: the card is inside the viewport ${JSON.stringify(l.card)}`);
    assert.ok(
      !overlaps(
        l.card,
        l.fields.find((f) => f.id === fieldId),
      ),
      `${what}: the card does not cover its own field`,
    );
  }
}

/** The shadow root's state: is the card shown, what has focus (page or ours). */
const uiState = (frame) =>
  frame.evaluate(() => {
    const host = document.querySelector('csp-reseller-assistant');
    const root = host.shadowRoot;
    const card = root.querySelector('.card');
    const active = root.activeElement;
    return {
      cardShown: !card.hidden,
      cardCode: card.dataset.cardCode ?? null,
      pageFocus: document.activeElement === host ? null : (document.activeElement?.id ?? null),
      ownFocus: active
        ? active.classList.contains('mark')
          ? `mark:${active.dataset.issueCode}`
          : `button:${active.dataset.action ?? active.className}`
        : null,
      status: root.querySelector('.card .det[data-copied]')?.textContent ?? null,
      copied: root.querySelector('.card .det[data-copied]')?.dataset.copied ?? null,
    };
  });

async function hoverMarkAndCard(tab, frame = tab) {
  // A mark is drawn afresh when its message changes (the background's answer may follow the first,
  // local one): a handle taken just before can be gone by the hover, so the mark is taken again.
  for (let attempt = 0; ; attempt++) {
    const mark = await frame.$('csp-reseller-assistant >>> .mark');
    try {
      await mark.hover();
      await sleep(150);
      return mark;
    } catch (error) {
      if (attempt >= 3 || !/detached/i.test(String(error))) throw error;
      await sleep(200);
    }
  }
}

for (const kind of BROWSERS) {
  for (const lang of LANGS) {
    describe(`${kind}, ${lang} UI`, () => {
      let ext;
      let options;
      const w = WORDS[lang];
      before(async () => {
        ext = await launch(kind, { lang });
        options = await openOptions(ext, await ext.browser.newPage());
      });
      after(async () => {
        await ext?.close();
      });
      const { message, profile } = viaOptions(() => options);

      it('learning shows a notice, and its Undo puts the previous facts back', async () => {
        assert.equal((await message({ type: 'import-profile', text: TEAM })).ok, true);
        const tab = await openPortal(ext, urlOf('en/identifiers.html'));
        try {
          await tab.waitForSelector('csp-reseller-assistant >>> .note:not([hidden])', { timeout: 10000 });
          const text = await tab.$eval('csp-reseller-assistant >>> .note p', (p) => p.textContent);
          assert.match(text, w.learned);
          assert.equal((await profile()).partnerIds.length, 4, 'three learned next to the one entered');
          const undo = await tab.$('csp-reseller-assistant >>> .note button:not(.x)');
          await undo.click();
          let ids;
          for (let i = 0; i < 50; i++) {
            ids = (await profile()).partnerIds;
            if (ids.length === 1) break;
            await sleep(100);
          }
          assert.deepEqual(ids, [OWN_PLA], 'Undo leaves exactly the PartnerID entered before');
          await tab.waitForSelector('csp-reseller-assistant >>> .note:not([hidden])', { timeout: 5000 });
          assert.match(await tab.$eval('csp-reseller-assistant >>> .note p', (p) => p.textContent), w.undone);
        } finally {
          await tab.close();
        }
        // Learned again for the next tests (and the notice says so again).
        const again = await openPortal(ext, urlOf('en/identifiers.html'));
        for (let i = 0; i < 50 && (await profile()).partnerIds.length < 4; i++) await sleep(100);
        await again.close();
        assert.equal((await profile()).partnerIds.length, 4);
      });

      /** The PLA association form with the PGA typed in: one pga-instead-of-pla mark. */
      async function plaForm() {
        const tab = await openPortal(ext, urlOf('en/pla-association.html'));
        await tab.click('#TextField91');
        await tab.keyboard.type('1234567');
        const marks = await waitForMarks(tab, (m) => m.some((x) => x.code === 'pga-instead-of-pla'), 8000);
        assert.ok(
          marks.some((x) => x.code === 'pga-instead-of-pla'),
          'the PGA is flagged',
        );
        return tab;
      }

      it('a card: opens on hover, the pointer moves onto it, its copy action copies the PLA, Escape closes it and focus returns', async () => {
        const tab = await plaForm();
        try {
          if (kind === 'chromium')
            await ext.browser
              .defaultBrowserContext()
              .overridePermissions(PORTAL, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
          // Away from the field first: its focus would open the card on its own.
          await tab.evaluate(() => document.activeElement?.blur());
          await tab.mouse.move(5, 5);
          await sleep(500);
          assert.equal((await uiState(tab)).cardShown, false, 'hidden until asked for');
          const mark = await hoverMarkAndCard(tab);
          assert.equal((await uiState(tab)).cardShown, true, 'shown on hover');
          // Across the gap onto the card, in small steps, and stay a while.
          const from = await mark.boundingBox();
          const card = await tab.$('csp-reseller-assistant >>> .card');
          const to = await card.boundingBox();
          await tab.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
          await sleep(700);
          assert.equal(
            (await uiState(tab)).cardShown,
            true,
            `still shown with the pointer on the card (from ${JSON.stringify(from)} to ${JSON.stringify(to)})`,
          );
          const copy = await tab.$('csp-reseller-assistant >>> .card [data-action="copy-pla"]');
          assert.match(await copy.evaluate((b) => b.textContent), w.copy);
          await copy.click();
          let state;
          for (let i = 0; i < 20; i++) {
            state = await uiState(tab);
            if (state.copied) break;
            await sleep(100);
          }
          assert.equal(state.copied, '7654321', 'the card says which value it copied');
          if (kind === 'chromium') {
            assert.match(state.status, w.copied);
            assert.equal(await tab.evaluate(() => navigator.clipboard.readText()), '7654321', 'the clipboard holds the PLA');
          }
          assert.equal(state.ownFocus, 'button:copy-pla', 'the copy button has focus');
          await tab.keyboard.press('Escape');
          await sleep(100);
          state = await uiState(tab);
          assert.equal(state.cardShown, false, 'Escape closes the card');
          assert.equal(state.ownFocus, 'mark:pga-instead-of-pla', 'focus returns to the mark');
          // The close button does the same.
          await tab.keyboard.press('Enter');
          await sleep(100);
          assert.equal((await uiState(tab)).cardShown, true, 'Enter on the mark opens its card');
          const close = await tab.$('csp-reseller-assistant >>> .card button.x');
          await close.click();
          await sleep(100);
          state = await uiState(tab);
          assert.equal(state.cardShown, false, 'the close button closes it');
          assert.equal(state.ownFocus, 'mark:pga-instead-of-pla', 'and gives focus back to the mark');
        } finally {
          await tab.close();
        }
      });

      it('focusing the flagged field shows its card without taking focus; Tab goes to its mark next, then on', async () => {
        const tab = await plaForm();
        try {
          await tab.evaluate(() => document.activeElement?.blur());
          await tab.mouse.move(5, 5);
          await sleep(500);
          await tab.focus('#TextField91');
          await sleep(150);
          let state = await uiState(tab);
          assert.equal(state.cardShown, true, 'the card shows for the focused field');
          assert.equal(state.cardCode, 'pga-instead-of-pla');
          assert.equal(state.pageFocus, 'TextField91', 'focus stays in the field');
          const said = await tab.evaluate(
            () => document.querySelector('csp-reseller-assistant').shadowRoot.querySelector('[role="status"]').textContent,
          );
          assert.ok(said.length > 20, `the live region says the field's issue (${said})`);
          await tab.keyboard.press('Tab');
          await sleep(100);
          state = await uiState(tab);
          assert.equal(state.pageFocus, null, 'Tab leaves the field for our UI');
          assert.equal(state.ownFocus, 'mark:pga-instead-of-pla', 'its mark is next');
          const name = await tab.evaluate(() =>
            document.querySelector('csp-reseller-assistant').shadowRoot.activeElement.getAttribute('aria-label'),
          );
          const label = await tab.evaluate(() =>
            (document.querySelector('label[for="TextField91"]')?.textContent ?? '').replace(/\*\s*$/, '').trim(),
          );
          assert.ok(label && name.startsWith(label), `the mark's name starts with the field's label: "${name}" / "${label}"`);
          // Through the card's buttons, then on to the page's next control (never back to the start).
          for (let i = 0; i < 8 && (await uiState(tab)).pageFocus === null; i++) await tab.keyboard.press('Tab');
          state = await uiState(tab);
          assert.notEqual(state.pageFocus, null, 'Tab leaves our UI for the page');
          assert.notEqual(state.pageFocus, 'TextField91', 'onward, not back to the field');
          // Shift+Tab from the next control reaches the field, and Shift+Tab from the mark goes back to it.
        } finally {
          await tab.close();
        }
      });

      it('marks and cards stay in view, off other fields and off dialogs: tight row, left edge, dialog, frame', async () => {
        for (const [file, fieldId] of [
          ['en/layout-tight-row.html', 'TextField13'],
          ['en/layout-left-edge.html', 'c-mail'],
          ['en/layout-dialog.html', 'lp-mail'],
        ]) {
          const tab = await openPortal(ext, urlOf(file));
          try {
            await waitForMarks(tab, (m) => m.length === 1, 8000);
            assertPlaced(await layout(tab), fieldId, file);
            await hoverMarkAndCard(tab);
            const l = await layout(tab);
            assert.ok(l.card, `${file}: the card opened`);
            assertPlaced(l, fieldId, `${file} with its card`);
            if (file === 'en/layout-dialog.html') {
              await tab.mouse.move(5, 5);
              await tab.click('#verify');
              let shown;
              for (let i = 0; i < 40; i++) {
                shown = await layout(tab);
                if (shown.marks.length === 0) break;
                await sleep(100);
              }
              const modal = shown.dialogs.find((d) => d.modal);
              assert.ok(modal, 'the modal dialog is open');
              for (const m of shown.marks) assert.ok(!overlaps(m, modal), 'no mark of a field behind the modal is drawn over it');
            }
          } finally {
            await tab.close();
          }
        }
        const tab = await openPortal(ext, urlOf('en/layout-frame-host.html'));
        try {
          let frame;
          for (let i = 0; i < 50 && !frame; i++) {
            frame = tab.frames().find((f) => f.url().endsWith('/legacy/layout-frame'));
            if (!frame) await sleep(100);
          }
          assert.ok(frame, 'the frame loaded');
          let l;
          for (let i = 0; i < 80; i++) {
            l = await layout(frame).catch(() => null);
            if (l?.marks.length) break;
            await sleep(100);
          }
          assertPlaced(l, 'f-mail', 'in a frame');
          await hoverMarkAndCard(tab, frame);
          l = await layout(frame);
          assert.ok(l.card, 'the card opened in the frame');
          assertPlaced(l, 'f-mail', 'in a frame, with its card');
        } finally {
          await tab.close();
        }
      });
    });
  }
}
