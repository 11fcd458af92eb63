/** Text normalization shared by classifiers and checks. Pure. */

/** Zero-width characters, soft hyphens, and private-use glyphs (icon fonts draw carets and checks with them). */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\uE000-\uF8FF]/g;

/**
 * Remembers a pure string function's results. Labels, names and ids repeat across fields and across the
 * content script's rescans of the same form, so most calls are hits. Bounded: cleared when full.
 */
export function memoize<T>(fn: (key: string) => T, limit = 5000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

/** NFKC (full-width → ASCII, compatibility forms), invisible characters removed, lower case, spaces collapsed. */
export const fold = memoize((text: string): string =>
  text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim(),
);
