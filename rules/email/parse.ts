import { fold } from '../text';

export interface ParsedEmail {
  /** Local part, folded (NFKC, lower case). */
  local: string;
  /** Host, folded, without trailing dot, IDN converted to punycode (ASCII). */
  host: string;
}

/** Converts a Unicode host name to its ASCII (punycode) form with the platform's URL parser; null when invalid. */
export function toAsciiHost(host: string): string | null {
  if (/^[\x21-\x7e]+$/.test(host)) return host;
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

const HOST_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Reads what a user typed into an email field. Tolerates what people paste: surrounding spaces, `mailto:`,
 * angle brackets, full-width characters (ＮＦＫＣ), a trailing dot on the host, upper case, IDN hosts.
 * Returns null when the text is not (yet) an address: the portal validates syntax itself, we only read it.
 */
export function parseEmail(raw: string): ParsedEmail | null {
  let text = fold(raw);
  text = text
    .replace(/^mailto:/, '')
    .replace(/^<(.*)>$/, '$1')
    .trim();
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return null;
  const local = text.slice(0, at);
  let host = text.slice(at + 1).replace(/\.+$/, '');
  if (/\s/.test(local) || host.length === 0) return null;
  const ascii = toAsciiHost(host);
  if (ascii === null) return null;
  host = ascii;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) return null;
  if (/^\d+$/.test(labels[labels.length - 1]!)) return null;
  return { local, host };
}
