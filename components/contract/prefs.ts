import { z } from 'zod';

/**
 * The user's own choices, apart from the team profile (never exported with it): the language of every
 * surface, and the issues ignored on a field. Stored in the extension's IndexedDB next to the profile.
 */

export const LANGUAGES = ['en', 'ja'] as const;

/** One issue ignored on one field: the check's code, the field's label and the page's path (locale-free). */
export const ignoredSchema = z.object({
  code: z.string().max(64),
  label: z.string().max(300),
  path: z.string().max(500),
  at: z.string().max(40),
});
export type Ignored = z.infer<typeof ignoredSchema>;

export const prefsSchema = z.object({
  /** Unset: the browser's UI language. */
  language: z.enum(LANGUAGES).optional(),
  ignored: z.array(ignoredSchema).max(500).default([]),
});
export type Prefs = z.infer<typeof prefsSchema>;

export const emptyPrefs = (): Prefs => ({ ignored: [] });

/** What a content script needs of them: the language chosen and the ignore keys (`rules/fixes.ts`). */
export const pagePrefsSchema = z.object({ language: z.enum(LANGUAGES).optional(), ignored: z.array(z.string()) });
export type PagePrefs = z.infer<typeof pagePrefsSchema>;
