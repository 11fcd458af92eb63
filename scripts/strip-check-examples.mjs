// A Vite plugin for the extension's bundles: drops each check's `examples` and `sandbox` (test data that
// only the unit tests, the meta-tests and the accuracy script read) from rules/checks/*.ts, so that the
// content script does not carry them (about 1.5 KB gzip of its 50 KB budget). Tests load the sources as
// they are. A property that cannot be cut cleanly is left in place, never half-cut.
const PROPS = ['examples', 'sandbox'];

/** The end of the object literal that starts at `open` (index of `{`), skipping strings and comments. */
function closeOf(code, open) {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === '\\') i++;
    } else if (c === '/' && code[i + 1] === '/') i = code.indexOf('\n', i);
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
    if (i < 0) return -1;
  }
  return -1;
}

export function stripCheckExamples() {
  return {
    name: 'csp-strip-check-examples',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/rules\/checks\/(?!index)[a-z-]+\.ts$/.test(id)) return null;
      let out = code;
      for (const prop of PROPS) {
        const start = out.search(new RegExp(`\\n  ${prop}: \\{`));
        if (start < 0) continue;
        const open = out.indexOf('{', start);
        const close = closeOf(out, open);
        if (close < 0 || out[close + 1] !== ',') continue;
        out = `${out.slice(0, open)}${prop === 'examples' ? '{ flags: [], passes: [] }' : '{ flags: [], quiet: [] }'}${out.slice(close + 1)}`;
      }
      return out === code ? null : { code: out, map: null };
    },
  };
}
