import { CHECKS } from '../../rules/checks';
import { fixOf, ignoreKey } from '../../rules/fixes';
import { renderMessage } from '../../rules/run-checks';
import type { AddressParts, Issue, Locale } from '../../rules/types';
import { pageStrings } from '../i18n';
import { FIELD_SELECTOR } from './describe';
import { placeCard, placeMark, type Box } from './place';

/**
 * The only UI the content script puts into the portal: one host element with an open shadow root.
 * - Each issue becomes a mark beside its field (`data-issue-code`, `data-severity`): severity by shape
 *   (octagon, triangle, circle) and word, never by colour alone; placed off every other field and dialog.
 * - A card (one at a time) opens on hover, on the mark's focus, and when the flagged field gets focus
 *   (focus stays there); the pointer can move onto it; Escape or its close button closes it and gives
 *   focus back. It offers what can be done: copy the value to use, open the step, ignore on this field.
 * - Keyboard: Tab from a flagged field goes to its mark, then the card's buttons, then on to the page.
 * - One live region: says what changed (naming the field), and the focused field's issue; nothing on a
 *   page without issues.
 * - Notices: what was learned, with Undo.
 * The page's own elements, attributes and styles are never touched.
 */

export const HOST_TAG = 'csp-reseller-assistant';
const SIZE = 24;

const CSS = `
:host{all:initial;position:fixed;inset:0 auto auto 0;width:0;height:0;z-index:2147483647;color-scheme:light dark}
*{box-sizing:border-box}
.mark{all:initial;position:fixed;width:${SIZE}px;height:${SIZE}px;cursor:pointer;display:block;forced-color-adjust:none}
.mark svg{width:100%;height:100%;display:block;filter:drop-shadow(0 1px 2px rgba(0,0,0,.4))}
.mark .s{stroke:#fff;stroke-width:1.5}
.mark text{font:700 14px "Segoe UI",system-ui,sans-serif;fill:#fff}
.mark[data-severity=error] .s{fill:#c50f1f}.mark[data-severity=warning] .s{fill:#a33d00}.mark[data-severity=info] .s{fill:#0f6cbd}
.mark[hidden],.card[hidden],.note[hidden]{display:none}
.mark:focus-visible{outline:2px solid #000;outline-offset:1px;box-shadow:0 0 0 4px #fff}
.card{overflow:auto}.card,.note{position:fixed;width:max-content;max-width:360px;padding:8px 10px;border:1px solid #8a8a8a;border-radius:6px;
background:#fff;color:#242424;font:400 13px/1.45 "Segoe UI","Yu Gothic UI",Meiryo,"Noto Sans CJK JP",system-ui,sans-serif;
box-shadow:0 4px 14px rgba(0,0,0,.28);text-align:left;white-space:normal}
.note{right:16px;bottom:16px}
.head{display:flex;gap:8px;align-items:flex-start;justify-content:space-between;font-weight:600}
p{margin:4px 0}.det{color:#595959;font-size:12px}
.acts{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0 2px}
button{font:inherit;min-height:24px;min-width:24px;padding:2px 8px;border:1px solid #0f5ea8;border-radius:4px;background:#fff;color:#0f5ea8;cursor:pointer}
button.x{border-color:transparent;padding:0 4px;color:inherit}
button:focus-visible{outline:2px solid #0f5ea8;outline-offset:1px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-color-scheme:dark){.card,.note{background:#292929;color:#fff;border-color:#8a8a8a}.det{color:#c8c8c8}
button{background:#292929;color:#9ccbf5;border-color:#9ccbf5}button:focus-visible{outline-color:#9ccbf5}}
@media (forced-colors:active){.mark[data-severity] .s{fill:Canvas;stroke:CanvasText;stroke-width:2}.mark text{fill:CanvasText}.mark svg{filter:none}
.mark:focus-visible{outline-color:Highlight;box-shadow:none}.card,.note{forced-color-adjust:none;background:Canvas;color:CanvasText;border:2px solid CanvasText}
.det{color:CanvasText}button{background:ButtonFace;color:ButtonText;border-color:ButtonText}button:focus-visible{outline-color:Highlight}}
`;

const SHAPE: Record<Issue['severity'], [string, string, number]> = {
  error: ['<polygon class="s" points="7,1 17,1 23,7 23,17 17,23 7,23 1,17 1,7"/>', '!', 17],
  warning: ['<polygon class="s" points="12,1 23.5,22.5 .5,22.5"/>', '!', 20],
  info: ['<circle class="s" cx="12" cy="12" r="11"/>', 'i', 17],
};

export interface PlacedIssue extends Issue {
  element: Element;
  /** The field's label as the page shows it ('' when it has none). */
  label?: string;
}

/** What the page's cards and notices ask of the extension (set by the content script). */
export interface MarkActions {
  ignore(issue: { code: string; label: string }): void;
  openStep(step: string): void;
  openOptions(): void;
}

/** A notice: its text and its buttons (each closes it). */
export interface Notice {
  text: string;
  buttons: { label: string; run(): void }[];
}

type Entry = { mark: HTMLButtonElement; element: Element; key: string; slot: number; issue: PlacedIssue };
type Mode = 'hover' | 'focus' | 'field' | 'pinned';

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls = '', text = ''): HTMLElementTagNameMap[K] => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text) e.textContent = text;
  return e;
};
const rectOf = (r: DOMRect): Box => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
// (A node-type test, not `instanceof`: page nodes seen from a Firefox content script may fail it.)
const isNode = (t: unknown): t is Node => typeof (t as Node | null)?.nodeType === 'number';
/**
 * Whether a dialog hides the page under it: a modal one (`showModal`'s top layer, or `aria-modal`) that
 * floats over the page (it or an ancestor is fixed). A dialog drawn in the page's flow, even one marked
 * modal, hides nothing: the page's fields and messages beside it keep their marks.
 */
function overlays(d: Element): boolean {
  try {
    if (d.matches(':modal')) return true;
  } catch {
    // (an engine without :modal)
  }
  if (d.getAttribute('aria-modal') !== 'true') return false;
  for (let e: Element | null = d; e && e !== document.body; e = e.parentElement) {
    if (getComputedStyle(e).position === 'fixed') return true;
  }
  return false;
}
/** The viewport the page lays out in (without scrollbars), where marks and cards must stay. */
const viewport = () => ({
  width: document.documentElement.clientWidth || innerWidth,
  height: document.documentElement.clientHeight || innerHeight,
});
const inFieldOf = (e: Pick<Entry, 'element'>, t: unknown) => isNode(t) && (e.element === t || e.element.contains(t));

export class MarkLayer {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly live: HTMLElement;
  private readonly card: HTMLElement;
  private readonly note: HTMLElement;
  private readonly marks = new Map<string, Entry>();
  private readonly listening = new AbortController();
  private open: { entry: Entry; mode: Mode } | null = null;
  private closeTimer = 0;
  private refocusing = false;
  /**
   * Where the page's controls and dialogs are (marks keep off them): the pipeline's scan knows them, so that
   * a reposition (every scroll frame while marks show) never searches the page; by default, the document.
   */
  page: PageParts = {
    controls: () => document.querySelectorAll(FIELD_SELECTOR),
    dialogs: () => document.querySelectorAll(DIALOGS),
  };
  /** The page's fields in view at the last reposition (a card avoids covering them when it can). */
  private fieldBoxes: { element: Element; rect: Box }[] = [];
  private noteTimer = 0;
  /** Fields whose next Tab is the page's own (focus came back to the field from its marks). */
  private passTab: Element | null = null;
  private ignored = new Set<string>();
  private verified: AddressParts | undefined;
  private last: PlacedIssue[] = [];
  private said = new Map<string, string>();
  actions: MarkActions | null = null;

  constructor(private locale: Locale) {
    this.host = document.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = el('style', '', CSS);
    this.live = el('div', 'sr');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.card = el('div', 'card');
    this.card.id = 'card';
    this.card.hidden = true;
    this.card.setAttribute('role', 'dialog');
    this.card.setAttribute('aria-labelledby', 'card-h');
    this.note = el('div', 'note');
    this.note.hidden = true;
    this.note.setAttribute('role', 'region');
    this.root.append(style, this.live, this.card, this.note);
    const on = (t: EventTarget, type: string, fn: (e: Event) => void) =>
      t.addEventListener(type, fn, { capture: true, signal: this.listening.signal });
    on(this.card, 'pointerenter', () => clearTimeout(this.closeTimer));
    on(this.card, 'pointerleave', () => this.closeSoon());
    on(this.root, 'keydown', (e) => this.onOwnKey(e as KeyboardEvent));
    on(document, 'focusin', (e) => this.onPageFocus(e));
    on(document, 'keydown', (e) => this.onPageKey(e as KeyboardEvent));
    // Focus leaving the field for nowhere (a click on the page's background) closes its card; a press
    // anywhere on the page outside our UI closes a card opened by a click on its mark.
    on(document, 'focusout', (e) => {
      if (this.open?.mode === 'field' && !(e as FocusEvent).relatedTarget) this.closeCard(false);
    });
    on(document, 'pointerdown', (e) => {
      const target = e.composedPath()[0];
      if (this.open && this.open.mode !== 'field' && !(isNode(target) && this.owns(target))) this.closeCard(false);
    });
  }

  /** Opaque blocks over `rects` (a screenshot is being taken), or none: `null` removes them. */
  cover(rects: DOMRect[] | null): void {
    this.root.querySelector('.cover')?.remove();
    if (!rects) return;
    const layer = document.createElement('div');
    layer.className = 'cover';
    for (const r of rects) {
      const b = document.createElement('div');
      b.style.cssText = `position:fixed;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px;background:#444`;
      layer.append(b);
    }
    this.attach();
    this.root.append(layer);
  }

  private attachedOnce = false;
  private reattached = 0;
  private notBefore = 0;

  /**
   * Keeps the host attached (a single-page app may replace the whole body). Re-attaching backs off
   * (0.5 s, 1 s, 2 s … up to a minute): a page that removes the host whenever it is added gets no loop.
   * What the marks say is reported to the popup and sidebar either way.
   */
  attach(now = performance.now()): void {
    if (this.host.isConnected) return;
    if (this.attachedOnce) {
      if (now < this.notBefore) return;
      this.reattached++;
      this.notBefore = now + Math.min(60_000, 250 * 2 ** Math.min(this.reattached, 8));
    }
    this.attachedOnce = true;
    document.documentElement.append(this.host);
  }

  /** Removes hosts an earlier instance of the content script left (after an extension reload or update). */
  removeStale(): void {
    for (const e of document.querySelectorAll(HOST_TAG)) if (e !== this.host) e.remove();
  }

  /** Whether a node belongs to our own UI (so the observer can ignore our mutations). */
  owns(node: Node): boolean {
    // (Hosts of earlier instances count too: they are ours to remove, never the page's fields.)
    return node === this.host || this.host.contains(node) || node.getRootNode() === this.root || node.nodeName === HOST_TAG.toUpperCase();
  }

  /** The language of every word shown (the browser's, or the one chosen in options). */
  setLanguage(locale: Locale): void {
    if (locale === this.locale) return;
    this.locale = locale;
    this.redraw();
  }

  /** Issues the user chose to ignore on a field (`ignoreKey`s): not marked here, greyed in reports. */
  setIgnored(keys: readonly string[]): void {
    this.ignored = new Set(keys);
    this.redraw();
  }

  /** The verified address known, offered whole on address cards. */
  setVerified(address: AddressParts | undefined): void {
    this.verified = address;
  }

  private redraw(): void {
    for (const { mark } of this.marks.values()) mark.remove();
    this.marks.clear();
    this.closeCard(false);
    this.render(this.last, true);
  }

  private keyOf(issue: PlacedIssue): string {
    return ignoreKey(issue.code, issue.label ?? '', location.pathname);
  }

  private text(issue: Issue): string {
    return renderMessage(CHECKS, issue, this.locale);
  }

  private labelOf(issue: PlacedIssue): string {
    // A portal error's mark sits beside the portal's message, not a field.
    const t = pageStrings(this.locale);
    return issue.label || (issue.code === 'portal-error' ? t.portalMessage : t.field);
  }

  render(issues: PlacedIssue[], quiet = false): void {
    this.attach();
    this.last = issues;
    const t = pageStrings(this.locale);
    // One mark per issue; a field with several issues gets a row of marks, most severe first.
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = issues.filter((i) => !this.ignored.has(this.keyOf(i))).sort((a, b) => order[a.severity] - order[b.severity]);
    const slots = new Map<string, number>();
    const wanted = new Set<string>();
    for (const issue of sorted) {
      const id = `${issue.fieldId}|${issue.code}`;
      const slot = slots.get(issue.fieldId) ?? 0;
      slots.set(issue.fieldId, slot + 1);
      wanted.add(id);
      const message = this.text(issue);
      const key = `${issue.severity}|${message}|${slot}|${issue.label}`;
      const existing = this.marks.get(id);
      if (existing && existing.key === key && existing.element === issue.element) {
        existing.issue = issue;
        continue;
      }
      if (existing && this.open?.entry === existing) this.closeCard(false);
      existing?.mark.remove();
      const mark = el('button', 'mark');
      mark.type = 'button';
      mark.dataset.issueCode = issue.code;
      mark.dataset.severity = issue.severity;
      mark.dataset.fieldId = issue.fieldId;
      const [shape, glyph, y] = SHAPE[issue.severity];
      mark.innerHTML = `<svg viewBox="0 0 24 24" aria-hidden="true">${shape}<text x="12" y="${y}" text-anchor="middle">${glyph}</text></svg>`;
      // The name starts with the field's label: a screen reader says which field before what is wrong.
      mark.setAttribute('aria-label', `${this.labelOf(issue)}: ${t.severity[issue.severity]}: ${message}`);
      mark.setAttribute('aria-haspopup', 'dialog');
      mark.setAttribute('aria-expanded', 'false');
      mark.setAttribute('aria-controls', 'card');
      const entry: Entry = { mark, element: issue.element, key, slot, issue };
      mark.addEventListener('pointerenter', () => {
        clearTimeout(this.closeTimer);
        if (this.open?.mode !== 'pinned') this.openCard(entry, 'hover');
      });
      mark.addEventListener('pointerleave', () => this.closeSoon());
      mark.addEventListener('focus', () => {
        if (this.refocusing) return;
        if (this.open?.entry !== entry || this.open.mode === 'field') this.openCard(entry, 'focus');
      });
      mark.addEventListener('click', () => {
        this.openCard(entry, 'pinned');
        this.card.querySelector<HTMLElement>('.acts button, button.x')?.focus();
      });
      this.root.insertBefore(mark, this.card);
      this.marks.set(id, entry);
    }
    for (const [id, entry] of this.marks) {
      if (wanted.has(id)) continue;
      if (this.open?.entry === entry) this.closeCard(this.root.activeElement !== null);
      entry.mark.remove();
      this.marks.delete(id);
    }
    this.announceChanges(sorted, quiet);
    this.reposition();
  }

  /** Says what appeared and what went, naming the fields; nothing when nothing changed. */
  private announceChanges(issues: PlacedIssue[], quiet: boolean): void {
    const t = pageStrings(this.locale);
    const now = new Map(issues.map((i) => [`${i.fieldId}|${i.code}`, this.labelOf(i)]));
    const added = issues.filter((i) => !this.said.has(`${i.fieldId}|${i.code}`));
    const gone = [...this.said].filter(([id]) => !now.has(id)).map(([, label]) => label);
    this.said = now;
    if (quiet) return;
    const parts = added.slice(0, 2).map((i) => t.found(this.labelOf(i), t.severity[i.severity], this.text(i)));
    if (added.length > 2) parts.push(t.more(added.length - 2));
    parts.push(...[...new Set(gone)].slice(0, 3).map((label) => t.fixed(label)));
    if (parts.length > 0) this.say(parts.join(' '));
  }

  /** Puts a sentence in the live region (emptied first, so that the same words are said again). */
  private say(text: string): void {
    this.live.textContent = '';
    setTimeout(() => (this.live.textContent = text), 60);
  }

  private entriesOf(element: Element): Entry[] {
    return [...this.marks.values()].filter((e) => e.element === element).sort((a, b) => a.slot - b.slot);
  }

  private openCard(entry: Entry, mode: Mode): void {
    clearTimeout(this.closeTimer);
    if (this.open?.entry !== entry) this.fillCard(entry);
    if (this.open && this.open.entry !== entry) this.open.entry.mark.setAttribute('aria-expanded', 'false');
    this.open = { entry, mode };
    entry.mark.setAttribute('aria-expanded', 'true');
    this.card.hidden = false;
    this.placeCard();
  }

  /** Closes the card; `refocus`: focus goes back to where the card was opened from (mark, or field). */
  private closeCard(refocus: boolean): void {
    clearTimeout(this.closeTimer);
    const was = this.open;
    this.open = null;
    this.card.hidden = true;
    if (!was) return;
    was.entry.mark.setAttribute('aria-expanded', 'false');
    if (refocus) {
      if (was.mode === 'field' || !was.entry.mark.isConnected) (was.entry.element as HTMLElement).focus?.();
      else {
        // Focus comes back to the mark without opening the card again.
        this.refocusing = true;
        was.entry.mark.focus();
        this.refocusing = false;
      }
    }
  }

  private closeSoon(): void {
    clearTimeout(this.closeTimer);
    this.closeTimer = window.setTimeout(() => {
      if (this.open?.mode === 'hover') this.closeCard(false);
    }, 400);
  }

  private fillCard(entry: Entry): void {
    const t = pageStrings(this.locale);
    const { issue } = entry;
    const fix = fixOf(issue.code, issue.params, this.verified);
    const head = el('div', 'head');
    const title = el('span', '', `${t.severity[issue.severity]} · ${this.labelOf(issue)}`);
    title.id = 'card-h';
    const close = el('button', 'x', '×');
    close.type = 'button';
    close.setAttribute('aria-label', t.close);
    close.onclick = () => this.closeCard(true);
    head.append(title, close);
    const status = el('p', 'det');
    const acts = el('div', 'acts');
    const button = (label: string, run: () => void, action: string) => {
      const b = el('button', '', label);
      b.type = 'button';
      b.dataset.action = action;
      // Only the user's own click: a page script clicking into our (open) shadow root changes nothing.
      b.onclick = (e) => e.isTrusted && run();
      acts.append(b);
    };
    for (const c of fix.copies) {
      const label = c.kind === 'pla' ? t.copyPla(c.value) : c.kind === 'address' ? t.copyAddress : t.copyPart(t.parts[c.part]);
      button(label, () => void this.copy(c.value, status), `copy-${c.kind}`);
    }
    const a = this.actions;
    if (a) {
      button(t.openStep, () => a.openStep(fix.step), 'open-step');
      button(
        t.ignore,
        () => {
          a.ignore({ code: issue.code, label: issue.label ?? '' });
          // At once here; the background's answer (prefs-changed) says the same.
          this.ignored.add(this.keyOf(issue));
          this.closeCard(false);
          this.render(this.last, true);
          (entry.element as HTMLElement).focus?.();
          this.say(t.ignored);
        },
        'ignore',
      );
    }
    const details = el('p', 'det', t.details(issue.code));
    this.card.replaceChildren(head, el('p', '', this.text(issue)), acts, status, details);
    this.card.dataset.cardCode = issue.code;
  }

  private async copy(value: string, status: HTMLElement): Promise<void> {
    const t = pageStrings(this.locale);
    let said: string;
    try {
      await navigator.clipboard.writeText(value);
      said = t.copied(value);
    } catch {
      said = t.copyFailed(value);
    }
    status.textContent = said;
    status.dataset.copied = value;
    this.say(said);
  }

  private placeCard(): void {
    if (!this.open || this.card.hidden) return;
    const { entry } = this.open;
    const view = viewport();
    this.card.style.left = '0px';
    this.card.style.top = '0px';
    this.card.style.maxHeight = '';
    this.card.style.maxWidth = `${Math.min(360, view.width - 16)}px`;
    const size = this.card.getBoundingClientRect();
    const others = this.fieldBoxes.filter((f) => f.element !== entry.element && !entry.element.contains(f.element)).map((f) => f.rect);
    const at = placeCard(
      rectOf(entry.element.getBoundingClientRect()),
      rectOf(entry.mark.getBoundingClientRect()),
      size.width,
      size.height,
      view,
      8,
      others,
    );
    this.card.style.left = `${Math.round(at.left)}px`;
    this.card.style.top = `${Math.round(at.top)}px`;
    if (at.bottom - at.top < size.height) this.card.style.maxHeight = `${Math.floor(at.bottom - at.top)}px`;
  }

  /** A page element got focus: a flagged field opens its card (focus stays) and its issue is said. */
  private onPageFocus(event: Event): void {
    const target = event.composedPath()[0];
    if (isNode(target) && this.owns(target)) return;
    if (this.passTab && !inFieldOf({ element: this.passTab }, target)) this.passTab = null;
    const entry = [...this.marks.values()].find((e) => inFieldOf(e, target) && e.slot === 0 && !e.mark.hidden);
    if (entry) {
      const t = pageStrings(this.locale);
      this.openCard(entry, 'field');
      this.say(`${t.found(this.labelOf(entry.issue), t.severity[entry.issue.severity], this.text(entry.issue))} ${t.tabToMark}`);
    } else if (this.open && this.open.mode !== 'hover') this.closeCard(false);
  }

  /** Tab from a flagged field goes to its first mark; Escape closes a card it opened. */
  private onPageKey(event: KeyboardEvent): void {
    const target = event.composedPath()[0];
    if (isNode(target) && this.owns(target)) return;
    if (event.key === 'Escape' && this.open) this.closeCard(false);
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    const entry = [...this.marks.values()].find((e) => inFieldOf(e, target) && !e.mark.hidden);
    if (!entry || this.passTab === entry.element) {
      this.passTab = null;
      return;
    }
    const first = this.entriesOf(entry.element).find((e) => !e.mark.hidden);
    if (!first) return;
    event.preventDefault();
    first.mark.focus();
  }

  /** Keys in our own UI: Escape closes the card; Tab walks field → marks → card → the page's next control. */
  private onOwnKey(event: KeyboardEvent): void {
    const active = this.root.activeElement as HTMLElement | null;
    if (event.key === 'Escape') {
      if (!this.open) return;
      event.stopPropagation();
      this.closeCard(true);
      return;
    }
    if (event.key !== 'Tab' || !active) return;
    const entry =
      [...this.marks.values()].find((e) => e.mark === active) ?? (this.open && this.card.contains(active) ? this.open.entry : null);
    if (!entry) return;
    const sequence: HTMLElement[] = [];
    for (const e of this.entriesOf(entry.element)) {
      if (e.mark.hidden) continue;
      sequence.push(e.mark);
      if (this.open?.entry === e)
        sequence.push(...this.card.querySelectorAll<HTMLElement>('.acts button'), this.card.querySelector<HTMLElement>('button.x')!);
    }
    const next = sequence[sequence.indexOf(active) + (event.shiftKey ? -1 : 1)];
    event.preventDefault();
    event.stopPropagation();
    if (next) {
      next.focus();
      return;
    }
    this.closeCard(false);
    const field = entry.element as HTMLElement;
    if (event.shiftKey) {
      this.passTab = field;
      field.focus();
      return;
    }
    const after = nextTabbable(field);
    if (after) after.focus();
    else {
      this.passTab = field;
      field.focus();
    }
  }

  /** Puts each mark beside its field, off other fields and dialogs; hides marks of fields behind a modal dialog. */
  reposition(): void {
    if (this.marks.size === 0) return;
    // Read every position first, then write: interleaving reads and writes would force one layout per mark.
    const view = viewport();
    const visible = (r: DOMRect) =>
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < view.height && r.left < view.width;
    const fields: { element: Element; rect: Box }[] = [];
    for (const f of this.page.controls()) {
      if (fields.length > 400) break;
      const r = f.getBoundingClientRect();
      if (visible(r)) fields.push({ element: f, rect: rectOf(r) });
    }
    this.fieldBoxes = fields;
    const dialogs: { element: Element; rect: Box; modal: boolean }[] = [];
    for (const d of this.page.dialogs()) {
      const r = d.getBoundingClientRect();
      if (visible(r)) dialogs.push({ element: d, rect: rectOf(r), modal: overlays(d) });
    }
    const placed = [...this.marks.values()]
      .map((m) => ({ ...m, rect: m.element.isConnected ? m.element.getBoundingClientRect() : null }))
      .sort((a, b) => a.slot - b.slot);
    const taken: Box[] = [];
    const spots: [HTMLButtonElement, Box | null][] = [];
    for (const { mark, rect, slot, element } of placed) {
      const own = rect && (rect.width > 0 || rect.height > 0) ? rectOf(rect) : null;
      const behindModal = dialogs.some((d) => d.modal && !d.element.contains(element));
      if (!own || behindModal) {
        spots.push([mark, null]);
        continue;
      }
      // A field in a dialog competes only with the dialog's own fields (the page's lie under it).
      const home = dialogs.find((d) => d.element.contains(element));
      const obstacles = [
        ...fields
          .filter(
            (f) =>
              f.element !== element &&
              !f.element.contains(element) &&
              !element.contains(f.element) &&
              (!home || home.element.contains(f.element)),
          )
          .map((f) => f.rect),
        ...dialogs.filter((d) => !d.element.contains(element)).map((d) => d.rect),
        ...taken,
      ];
      const at = placeMark(own, slot, SIZE, view, obstacles);
      taken.push(at);
      spots.push([mark, at]);
    }
    for (const [mark, at] of spots) {
      mark.hidden = at === null;
      if (!at) continue;
      mark.style.left = `${Math.round(at.left)}px`;
      mark.style.top = `${Math.round(at.top)}px`;
    }
    if (this.open?.entry.mark.hidden) this.closeCard(false);
    else this.placeCard();
  }

  /** Shows a notice (bottom right of the page) until closed, acted on, or 20 s without attention. */
  notify(notice: Notice, now = false): void {
    // While the page shows a modal dialog in the top layer (`showModal`), everything outside it, our notice
    // too, is inert: it waits (up to two minutes) until the dialog closes, so that its buttons can be used.
    clearTimeout(this.noteTimer);
    if (!now && topModalOpen()) {
      const since = performance.now();
      const wait = () => {
        if (!topModalOpen() || performance.now() - since > 120_000) this.notify(notice, true);
        else this.noteTimer = window.setTimeout(wait, 500);
      };
      this.noteTimer = window.setTimeout(wait, 500);
      return;
    }
    const t = pageStrings(this.locale);
    this.attach();
    const close = () => {
      this.note.hidden = true;
      clearTimeout(this.noteTimer);
    };
    const head = el('div', 'head');
    const x = el('button', 'x', '×');
    x.type = 'button';
    x.setAttribute('aria-label', t.close);
    x.onclick = close;
    head.append(el('span', '', t.notice), x);
    const acts = el('div', 'acts');
    for (const b of [...notice.buttons, { label: t.settings, run: () => this.actions?.openOptions() }]) {
      const button = el('button', '', b.label);
      button.type = 'button';
      button.onclick = (e) => {
        if (!e.isTrusted) return;
        close();
        b.run();
      };
      acts.append(button);
    }
    this.note.setAttribute('aria-label', t.notice);
    this.note.replaceChildren(head, el('p', '', notice.text), acts);
    this.note.hidden = false;
    this.say(notice.text);
    const later = () => {
      this.noteTimer = window.setTimeout(() => (this.note.matches(':hover, :focus-within') ? later() : close()), 20_000);
    };
    later();
  }

  get size(): number {
    return this.marks.size;
  }

  destroy(): void {
    this.listening.abort();
    clearTimeout(this.closeTimer);
    clearTimeout(this.noteTimer);
    this.host.remove();
    this.marks.clear();
  }
}

/** The dialogs marks keep off (and hide under, when modal). */
export const DIALOGS = 'dialog[open], [role="dialog"], [role="alertdialog"]';

/** The page's controls and dialogs, as the last scan found them. */
export interface PageParts {
  controls(): Iterable<Element>;
  dialogs(): Iterable<Element>;
}

/** Whether the page shows a modal `<dialog>` (the top layer: the rest of the page is inert). */
function topModalOpen(): boolean {
  try {
    return document.querySelector('dialog:modal') !== null;
  } catch {
    return false; // (an engine without :modal)
  }
}

/** The page's next control in tab order after `field` (document order; positive tabindex is rare in the portal). */
function nextTabbable(field: Element): HTMLElement | null {
  const all = field.ownerDocument.querySelectorAll<HTMLElement>(
    'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]',
  );
  let past = false;
  for (const e of all) {
    if (e === field || field.contains(e)) {
      past = true;
      continue;
    }
    if (
      !past ||
      e.tabIndex < 0 ||
      (e as HTMLInputElement).disabled ||
      (e as HTMLInputElement).type === 'hidden' ||
      e.getClientRects().length === 0
    )
      continue;
    if (e.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
    return e;
  }
  return null;
}
