import { browser } from 'wxt/browser';
import {
  type Catalogue,
  formatCatalogueMessage,
  type Lang,
  substitutionsExpected,
  uiLang,
} from '../lib/i18n';

/** The keys of `public/_locales/en/messages.json`; a test checks French has the same ones. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/** Catalogues an extension page bundles (see `bundleMessages`); a content script has none. */
let bundled: Readonly<Record<'en' | 'fr', Catalogue>> | undefined;

/**
 * Extension pages pass their own copy of the catalogues. Chromium's `i18n.getMessage` answers '' when the
 * renderer holds no message bundle for the extension (it asks the browser once per process, synchronously,
 * and keeps what it got, empty or not), so a page whose first call met an empty answer would show every key
 * for the life of that process. With the catalogues at hand, such an answer is filled in here instead.
 */
export function bundleMessages(catalogues: Readonly<Record<'en' | 'fr', Catalogue>> | undefined): void {
  bundled = catalogues;
}

/**
 * The language of our words: the browser's UI language, English unless it is French. The message catalogue
 * speaks it (`t`), and so do the texts the diagnosis and the knowledge base word in both languages.
 */
export function currentLang(): Lang {
  return uiLang(browser.i18n.getUILanguage());
}

/**
 * The message in the browser's language (its UI language, falling back to English). The user never sees a
 * key. Reported on the console as `[i18n]` errors, which the test suites fail on: a key the catalogue lacks,
 * and a call with fewer substitutions than the message has placeholders. An empty answer from the browser for
 * a key the page's catalogue has is filled from that catalogue and only warned about (the browser's state,
 * not a bug of ours).
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  const entry = bundled?.[currentLang()][key];
  if (bundled && !entry && !key.startsWith('@@')) console.error(`[i18n] no message ${key} in the catalogue`);
  if (entry && substitutions.length < substitutionsExpected(entry))
    console.error(
      `[i18n] ${key} needs ${substitutionsExpected(entry)} substitution(s), got ${substitutions.length}`,
    );
  const answer = browser.i18n.getMessage(key, substitutions);
  if (answer) return answer;
  if (entry) {
    console.warn(`[i18n] the browser gave no message for ${key}; the page's catalogue filled it`);
    return formatCatalogueMessage(entry, substitutions);
  }
  // `@@` messages are the browser's own; anything else here is a key nobody can word.
  if (!key.startsWith('@@')) console.error(`[i18n] no message for ${key}`);
  return key;
}
