/** How the content script asks the background about keys (email hosts, message texts). */
export interface AskerOptions<A> {
  /** The background's answers, in the order of `keys` (or naming their key). */
  ask(keys: string[]): Promise<A[]>;
  answer(keys: string[], answers: A[]): void;
  /** The most keys one request may carry, and the longest key the background accepts. */
  chunk: number;
  maxKey: number;
  /** For the console: what failed. */
  what: string;
  /** How long a key that failed alone waits before it is asked about again. */
  retryMs?: number;
  now?: () => number;
}

/**
 * Asks the background about keys it has not answered yet: each key once at a time, in chunks the
 * background accepts. A chunk that fails is asked again key by key, so that one bad key never stops the
 * others; a key that fails alone waits a minute, and one too long to ask about is never asked.
 */
export class Asker<A> {
  private readonly pending = new Set<string>();
  private readonly failed = new Map<string, number>();

  constructor(private readonly o: AskerOptions<A>) {}

  /** Asks about the keys not pending and not waiting after a failure; returns them. */
  ask(keys: readonly string[]): string[] {
    const now = this.now();
    const wanted: string[] = [];
    for (const k of new Set(keys)) {
      if (this.pending.has(k) || (this.failed.get(k) ?? -Infinity) > now) continue;
      if (k.length > this.o.maxKey) this.fail(k, Infinity);
      else wanted.push(k);
    }
    for (let i = 0; i < wanted.length; i += this.o.chunk) this.send(wanted.slice(i, i + this.o.chunk), true);
    return wanted;
  }

  private now(): number {
    return this.o.now?.() ?? performance.now();
  }

  private fail(key: string, until: number): void {
    // Bounded: past 500 keys the oldest failure is forgotten (asked about again, at worst).
    if (this.failed.size >= 500) this.failed.delete(this.failed.keys().next().value!);
    this.failed.set(key, until);
  }

  private send(chunk: string[], split: boolean): void {
    for (const k of chunk) this.pending.add(k);
    this.o.ask(chunk).then(
      (answers) => {
        for (const k of chunk) this.pending.delete(k);
        this.o.answer(chunk, answers);
      },
      (error: unknown) => {
        console.warn(`[CSP Reseller Assistant] ${this.o.what} failed`, error);
        for (const k of chunk) this.pending.delete(k);
        if (split && chunk.length > 1) for (const k of chunk) this.send([k], false);
        else for (const k of chunk) this.fail(k, this.now() + (this.o.retryMs ?? 60_000));
      },
    );
  }
}
