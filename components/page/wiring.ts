import { isAuthorizeProviderText } from '../../rules/companion/evidence';
import { timed } from './bench';
import { isSubmitText } from '../../rules/learn/terms';

/**
 * The part of WXT's content-script context the wiring uses: listeners and timers that stop when the
 * extension is reloaded or updated. (An interface, so that unit tests can hand in their own.)
 */
export interface PageContext {
  readonly isValid: boolean;
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  setTimeout(handler: () => void, timeout: number): number;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  onInvalidated(callback: () => void): void;
}

/** What the wiring drives. */
export interface WiredPipeline {
  /** `target`: the element the user edited (through shadow roots), when an event says. */
  onUserEdit(target?: EventTarget | null): void;
  onSubmitIntent(): void;
  onAuthorizeProvider(text: string): void;
  rescanSoon(): void;
  /** Custom elements that got their shadow root are scanned; true while some still wait for one. */
  checkPendingHosts(): boolean;
  marks: { reposition(): void };
  stop(): void;
  /** Set by the wiring: called when a page change mattered (or custom elements wait for a shadow root). */
  hooks: { change(): void };
}

/** How soon after the user's own press or key a submit event counts as theirs. */
const USER_SUBMIT_MS = 1500;

/** The text of the button a click landed on (a button, a role=button, a submit input), or null. */
function buttonText(event: Event): string | null {
  // (A node-type test, not `instanceof`: page nodes seen from a Firefox content script may fail it.)
  const target = event.composedPath()[0] as Node | undefined;
  const button =
    target?.nodeType === Node.ELEMENT_NODE ? (target as Element).closest('button, [role="button"], input[type="submit"]') : null;
  return button ? (button as HTMLInputElement).value || button.textContent || '' : null;
}

/**
 * Connects the page's events to the pipeline:
 * - a user edit (input, change, focusout) re-checks at once; DOM changes go through the observer;
 * - submitting, or pressing a Save / Next button, is when a legal business profile is taken as given;
 * - scroll, resize and the page's growing or shrinking move the marks (once per frame);
 * - a second after the user or the page did something, values are read again (a page's own script sets
 *   values with no event) and late shadow roots looked for; nothing runs while nothing happens;
 * - an in-app route change rescans;
 * - a frame that goes away calls `onFrameGone` (its issues go with it).
 */
export function wirePage(ctx: PageContext, pipeline: WiredPipeline, win: Window, options: { onFrameGone?(): void } = {}): void {
  const doc = win.document;
  // Only the user's own actions teach: a page script's synthetic click is not trusted. A submit event is
  // trusted even when a script called `button.click()` or `form.requestSubmit()`, so a submit counts only
  // right after the user's own press or key (the submit that press caused).
  let lastGesture = -Infinity;
  const gesture = (e: Event) => {
    if (!e.isTrusted) return;
    lastGesture = performance.now();
    // (A click may make the page's own script fill fields, with no event: read them a second later.)
    settle();
  };
  for (const type of ['pointerdown', 'keydown']) ctx.addEventListener(doc, type, gesture, { capture: true });
  ctx.addEventListener(
    doc,
    'submit',
    (e) => {
      if (e.isTrusted && performance.now() - lastGesture < USER_SUBMIT_MS) pipeline.onSubmitIntent();
    },
    { capture: true },
  );
  ctx.addEventListener(
    doc,
    'click',
    (e) => {
      // Only the user's own clicks teach (a profile submitted, a distributor authorized).
      if (!e.isTrusted) return;
      const text = buttonText(e);
      if (text === null) return;
      if (isSubmitText(text)) pipeline.onSubmitIntent();
      if (isAuthorizeProviderText(text)) pipeline.onAuthorizeProvider(text);
    },
    { capture: true },
  );

  const onEdit = (e: Event) => pipeline.onUserEdit(e.composedPath()[0] ?? e.target);
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
  // Content above a field grew or shrank (a banner, a panel opening): the page's height changed.
  const resized = new ResizeObserver(timed(reposition));
  resized.observe(doc.documentElement);

  let href = win.location.href;
  const onRoute = () => {
    if (win.location.href === href) return;
    href = win.location.href;
    pipeline.rescanSoon();
  };
  let settling = false;
  const settle = () => {
    if (settling) return;
    settling = true;
    ctx.setTimeout(() => {
      settling = false;
      onRoute();
      pipeline.onUserEdit();
      if (pipeline.checkPendingHosts()) settle();
    }, 1000);
  };
  pipeline.hooks = { change: settle };
  settle();
  // An in-app route change: at once where the Navigation API tells, else a second after the change or the
  // gesture that came with it.
  const navigation = (win as { navigation?: EventTarget }).navigation;
  if (navigation) ctx.addEventListener(navigation, 'navigatesuccess', onRoute);
  ctx.addEventListener(win, 'popstate', onRoute);
  if (win !== win.top && options.onFrameGone) ctx.addEventListener(win, 'pagehide', options.onFrameGone);
  ctx.onInvalidated(() => {
    resized.disconnect();
    pipeline.stop();
  });
}
