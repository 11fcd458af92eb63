import { render, type ComponentChild } from 'preact';
import { uiLocale } from './locale';

/** Renders an extension page in the browser's UI language, with `<html lang>` set to it. */
export function mount(app: ComponentChild): void {
  document.documentElement.lang = uiLocale();
  render(app, document.getElementById('app')!);
}
