import type { Issue, Locale } from '../../rules/types';
import { pageStrings } from '../i18n';

/**
 * The only UI the content script puts into the portal: one host element with an open shadow root. Each
 * issue becomes a mark beside its field (`data-issue-code`, `data-severity`), with the message shown on
 * hover and focus and given to screen readers. The page's own elements and styles are never touched.
 */

export const HOST_TAG = 'csp-reseller-assistant';
const MARK_SIZE = 20;

const CSS = `
:host { all: initial; position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
.mark { all: initial; position: fixed; box-sizing: border-box; width: ${MARK_SIZE}px; height: ${MARK_SIZE}px;
  border-radius: 50%; display: flex; align-items: center; justify-content: center; cursor: help;
  font: 700 13px/1 "Segoe UI", system-ui, sans-serif; color: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.mark[data-severity="error"] { background: #c50f1f; }
.mark[data-severity="warning"] { background: #bc4b09; }
.mark[data-severity="info"] { background: #0f6cbd; }
.mark[hidden] { display: none; }
.mark:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
.tip { display: none; position: absolute; top: ${MARK_SIZE + 6}px; right: 0; width: max-content; max-width: 340px;
  padding: 8px 10px; border-radius: 4px; background: #242424; color: #fff; text-align: left; white-space: normal;
  font: 400 13px/1.4 "Segoe UI", "Yu Gothic UI", "Meiryo", system-ui, sans-serif; box-shadow: 0 4px 12px rgba(0,0,0,.3); }
.mark:hover .tip, .mark:focus .tip { display: block; }
.tip p { margin: 0 0 6px; } .tip p:last-child { margin: 0; }
.tip b { font-weight: 600; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const ICON: Record<Issue['severity'], string> = { error: '!', warning: '!', info: 'i' };

export interface PlacedIssue extends Issue {
  element: Element;
}

export class MarkLayer {
  readonly host: HTMLElement;
  private readonly root: ShadowRoot;
  private readonly live: HTMLElement;
  private readonly marks = new Map<string, { mark: HTMLButtonElement; element: Element; key: string; slot: number }>();
  private lastSummary = '';

  constructor(private readonly locale: Locale) {
    this.host = document.createElement(HOST_TAG);
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    this.live = document.createElement('div');
    this.live.className = 'sr';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.root.append(style, this.live);
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
    for (const el of document.querySelectorAll(HOST_TAG)) if (el !== this.host) el.remove();
  }

  /** Whether a node belongs to our own UI (so the observer can ignore our mutations). */
  owns(node: Node): boolean {
    // (Hosts of earlier instances count too: they are ours to remove, never the page's fields.)
    return node === this.host || this.host.contains(node) || node.getRootNode() === this.root || node.nodeName === HOST_TAG.toUpperCase();
  }

  render(issues: PlacedIssue[]): void {
    this.attach();
    const t = pageStrings(this.locale);
    // One mark per issue; a field with several issues gets a row of marks, most severe first.
    const order = { error: 0, warning: 1, info: 2 };
    const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
    const slots = new Map<string, number>();
    const wanted = new Set<string>();
    for (const issue of sorted) {
      const id = `${issue.fieldId}|${issue.code}`;
      const slot = slots.get(issue.fieldId) ?? 0;
      slots.set(issue.fieldId, slot + 1);
      wanted.add(id);
      const key = `${issue.severity}|${issue.message}|${slot}`;
      const existing = this.marks.get(id);
      if (existing && existing.key === key && existing.element === issue.element) continue;
      existing?.mark.remove();
      const mark = document.createElement('button');
      mark.type = 'button';
      mark.className = 'mark';
      mark.dataset.issueCode = issue.code;
      mark.dataset.severity = issue.severity;
      mark.dataset.fieldId = issue.fieldId;
      const icon = document.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = ICON[issue.severity];
      const tip = document.createElement('span');
      tip.className = 'tip';
      tip.setAttribute('role', 'tooltip');
      const b = document.createElement('b');
      b.textContent = `${t.severity[issue.severity]}: `;
      tip.append(b, issue.message);
      mark.setAttribute('aria-label', `${t.severity[issue.severity]}: ${issue.message}`);
      mark.append(icon, tip);
      this.root.append(mark);
      this.marks.set(id, { mark, element: issue.element, key, slot });
    }
    for (const [id, { mark }] of this.marks) {
      if (!wanted.has(id)) {
        mark.remove();
        this.marks.delete(id);
      }
    }
    const summary = t.liveSummary(issues.length);
    if (summary !== this.lastSummary) this.live.textContent = this.lastSummary = summary;
    this.reposition();
  }

  /** Puts each mark beside its field: just right of it when there is room, else inside its right edge. */
  reposition(): void {
    if (this.marks.size === 0) return;
    // Read every position first, then write: interleaving reads and writes would force one layout per mark.
    const width = document.documentElement.clientWidth;
    const placed = [...this.marks.values()].map((m) => ({ ...m, rect: m.element.isConnected ? m.element.getBoundingClientRect() : null }));
    for (const { mark, rect, slot } of placed) {
      const shown = rect !== null && (rect.width > 0 || rect.height > 0);
      mark.hidden = !shown;
      if (!shown) continue;
      const step = MARK_SIZE + 4;
      const outside = rect.right + 6 + step * (slot + 1) <= width;
      const left = outside ? rect.right + 6 + step * slot : rect.right - step * (slot + 1);
      const top = rect.top + (rect.height - MARK_SIZE) / 2;
      mark.style.left = `${Math.round(left)}px`;
      mark.style.top = `${Math.round(top)}px`;
    }
  }

  get size(): number {
    return this.marks.size;
  }

  destroy(): void {
    this.host.remove();
    this.marks.clear();
  }
}
