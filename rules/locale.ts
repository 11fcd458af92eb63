import type { Locale } from './types';

/** Picks the UI language from a BCP 47 tag (`ja`, `ja-JP` → ja; anything else → en). */
export function localeFrom(tag: string | null | undefined): Locale {
  return /^ja\b/i.test((tag ?? '').trim()) ? 'ja' : 'en';
}
