import { browser } from 'wxt/browser';
import { localeFrom } from '../../rules/locale';
import type { Locale } from '../../rules/types';

/** The language chosen in options, once read (unset: the browser's). */
let chosen: Locale | undefined;

/** Set by `mount` from the stored prefs before anything renders. */
export function setUiLanguage(language: Locale | undefined): void {
  chosen = language;
}

/** The extension pages follow the browser's UI language, unless another was chosen in options. */
export function uiLocale(): Locale {
  return chosen ?? localeFrom(browser.i18n.getUILanguage());
}

/** Whether a language was chosen in options (else the browser's is followed). */
export const chosenLanguage = (): Locale | undefined => chosen;
