/**
 * Benchmark hooks. `__CSP_BENCH__` is a build-time constant (wxt.config.ts): true only in the build that
 * `npm run bench` makes, so that every `if (__CSP_BENCH__)` branch, and the names in it, is dropped from
 * the extension users install (a manifest test checks the shipped bundle).
 */
declare global {
  const __CSP_BENCH__: boolean;
}

/** Records `name` from `start` to `end` on the page's performance timeline, where the benchmark reads it. */
export function benchMark(name: string, start: number, end = performance.now()): void {
  performance.measure(name, { start, end });
}
