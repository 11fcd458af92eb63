import { browser } from 'wxt/browser';
import { localeFrom } from '../../rules/locale';
import type { Locale } from '../../rules/types';

/** The extension pages follow the browser's UI language. */
export function uiLocale(): Locale {
  return localeFrom(browser.i18n.getUILanguage());
}
