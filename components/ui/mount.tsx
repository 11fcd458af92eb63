import { render, type ComponentChild } from 'preact';
import { browser } from 'wxt/browser';
import { sendFromExtension as send } from '../send';
import { chosenLanguage, setUiLanguage, uiLocale } from './locale';

/**
 * Renders an extension page in the browser's UI language (or the one chosen in options), with `<html lang>`
 * set to it. A language chosen later (in options, in another tab) reloads the page in it.
 */
export function mount(app: () => ComponentChild): void {
  const start = () => {
    document.documentElement.lang = uiLocale();
    render(app(), document.getElementById('app')!);
  };
  send({ type: 'get-prefs' })
    .then(({ prefs }) => setUiLanguage(prefs.language))
    .catch(() => {})
    .finally(start);
  browser.runtime.onMessage.addListener((message: unknown) => {
    const m = message as { type?: string; prefs?: { language?: 'en' | 'ja' } } | null;
    if (m?.type === 'prefs-changed' && m.prefs?.language !== chosenLanguage()) location.reload();
  });
}
