import { timed } from './bench';
import type { PageContext } from './wiring';

/**
 * How long this content script instance lives: until its extension is gone (reloaded, updated, removed),
 * never because the page says so. WXT's context ends when it hears a "content script started" event on
 * the document, which a page script can dispatch too (the event's name holds the public extension id):
 * that claim is believed only when `browser.runtime.id` is gone, or a round trip to the background fails.
 * Listeners and timers registered here stop when the instance ends.
 */
export class Lifetime implements PageContext {
  private readonly controller = new AbortController();

  /** @param runtimeAlive whether this instance's extension is still there (`browser.runtime?.id`). */
  constructor(private readonly runtimeAlive: () => boolean) {}

  get isValid(): boolean {
    if (!this.controller.signal.aborted && !this.alive()) this.end();
    return !this.controller.signal.aborted;
  }

  private alive(): boolean {
    try {
      return this.runtimeAlive();
    } catch {
      // Firefox: a dead wrapper throws once the extension is gone.
      return false;
    }
  }

  end(): void {
    this.controller.abort();
  }

  /**
   * Someone says a newer instance started. `verify` makes a round trip to the background: it succeeds
   * only while this instance's extension is running, so a claim forged by the page changes nothing.
   */
  async onClaimedInvalid(verify: () => Promise<boolean>): Promise<void> {
    if (!this.alive()) return this.end();
    const ok = await verify().catch(() => false);
    if (!ok) this.end();
  }

  onInvalidated(callback: () => void): void {
    if (this.controller.signal.aborted) callback();
    else this.controller.signal.addEventListener('abort', callback);
  }

  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, timed(handler), { ...options, signal: this.controller.signal });
  }

  // Timers add no listener to end them: one that fires after the end does nothing. (A listener per timer, even
  // one removed when it fires, is a page's worth of listener objects made and collected while it scrolls.)
  setTimeout(handler: () => void, timeout: number): number {
    return setTimeout(
      timed(() => this.isValid && handler()),
      timeout,
    ) as unknown as number;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    return requestAnimationFrame(timed((t: number) => this.isValid && callback(t)));
  }
}
