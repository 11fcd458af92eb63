import { isAuthorizeProviderText } from '../../rules/companion/evidence';
import { isSubmitText } from '../../rules/learn/terms';

/**
 * The part of WXT's content-script context the wiring uses: listeners and timers that stop when the
 * extension is reloaded or updated. (An interface, so that unit tests can hand in their own.)
 */
export interface PageContext {
  readonly isValid: boolean;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  setInterval(handler: () => void, timeout: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  onInvalidated(callback: () => void): () => void;
}

/** What the wiring drives. */
export interface WiredPipeline {
  onUserEdit(): void;
  onSubmitIntent(): void;
  onAuthorizeProvider(text: string): void;
  rescanSoon(): void;
  checkPendingHosts(): void;
  marks: { reposition(): void };
  stop(): void;
}

/** The text of the button a click landed on (a button, a role=button, a submit input), or null. */
function buttonText(event: Event): string | null {
  // (A node-type test, not `instanceof`: page nodes seen from a Firefox content script may fail it.)
  const target = event.composedPath()[0] as Node | undefined;
  const button = target?.nodeType === Node.ELEMENT_NODE ? (target as Element).closest('button, [role="button"], input[type="submit"]') : null;
  return button ? (button as HTMLInputElement).value || button.textContent || '' : null;
}

/**
 * Connects the page's events to the pipeline:
 * - a user edit (input, change, focusout) re-checks at once; DOM changes go through the observer;
 * - submitting, or pressing a Save / Next button, is when a legal business profile is taken as given;
 * - scroll and resize move the marks (once per frame);
 * - a slow safety net (values set by the page's own script fire no event; late shadow roots);
 * - an in-app route change rescans;
 * - a frame that goes away calls `onFrameGone` (its issues go with it).
 */
export function wirePage(ctx: PageContext, pipeline: WiredPipeline, win: Window, options: { onFrameGone?(): void } = {}): void {
  const doc = win.document;
  ctx.addEventListener(doc, 'submit', () => pipeline.onSubmitIntent(), { capture: true });
  ctx.addEventListener(doc, 'click', (e) => {
    const text = buttonText(e);
    if (text === null) return;
    if (isSubmitText(text)) pipeline.onSubmitIntent();
    // Progress is learned only from what the user really did, never from a script's click.
    if (e.isTrusted && isAuthorizeProviderText(text)) pipeline.onAuthorizeProvider(text);
  }, { capture: true });

  const onEdit = () => pipeline.onUserEdit();
  for (const type of ['input', 'change', 'focusout']) ctx.addEventListener(doc, type, onEdit, { capture: true });

  let repositionQueued = false;
  const reposition = () => {
    if (repositionQueued) return;
    repositionQueued = true;
    ctx.requestAnimationFrame(() => {
      repositionQueued = false;
      pipeline.marks.reposition();
    });
  };
  ctx.addEventListener(win, 'scroll', reposition, { capture: true, passive: true });
  ctx.addEventListener(win, 'resize', reposition, { passive: true });

  ctx.setInterval(() => {
    pipeline.checkPendingHosts();
    pipeline.onUserEdit();
  }, 1000);
  ctx.addEventListener(win, 'wxt:locationchange', () => pipeline.rescanSoon());
  if (win !== win.top && options.onFrameGone) ctx.addEventListener(win, 'pagehide', options.onFrameGone);
  ctx.onInvalidated(() => pipeline.stop());
}
