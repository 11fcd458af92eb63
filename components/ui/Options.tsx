import { browser } from 'wxt/browser';
import { strings } from '../i18n';
import { uiLocale } from './locale';

export function Options() {
  const locale = uiLocale();
  const t = strings(locale);
  return (
    <main class="options" lang={locale}>
      <h1>{t.optionsTitle}</h1>
      <p class="privacy">{t.privacy}</p>
      <p class="version">v{browser.runtime.getManifest().version}</p>
    </main>
  );
}
