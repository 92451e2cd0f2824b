import { browser } from 'wxt/browser';

/** The keys of `public/_locales/en/messages.json`; a test checks French has the same ones. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** The browser picks the language (its UI language), falling back to English. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
