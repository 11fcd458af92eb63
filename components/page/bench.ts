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

/**
 * Every entry into the content script (an observer callback, an event, a timer) measured as 'csp:cpu' in
 * the bench build, so that the benchmark can add up the extension's time in browsers with no profiler
 * reachable from puppeteer (Firefox). In the shipped build this is the function itself.
 */
export function timed<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  if (!__CSP_BENCH__) return fn;
  return (...args: A) => {
    const start = performance.now();
    try {
      return fn(...args);
    } finally {
      performance.measure('csp:cpu', { start, end: performance.now() });
    }
  };
}
