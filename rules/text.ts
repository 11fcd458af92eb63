/** Text normalization shared by classifiers and checks. Pure. */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** NFKC (full-width → ASCII, compatibility forms), invisible characters removed, lower case, spaces collapsed. */
export function fold(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
