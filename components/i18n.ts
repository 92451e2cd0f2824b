import { browser } from 'wxt/browser';
import {
  type Catalogue,
  formatCatalogueMessage,
  type Lang,
  pluralCategory,
  substitutionsExpected,
  uiLang,
} from '../lib/i18n';

/** The keys of `public/_locales/en/messages.json`; a test checks French has the same ones. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/**
 * Set by `bundleMessages` on extension pages: their checks of a call, and their catalogue's answer where the
 * browser gave none. Only `bundleMessages` refers to the catalogue code, so a content script (which never calls
 * it) bundles none of it: 265 bytes gzipped of the content script's 20 KB budget (bench/content-script.ts).
 */
let fromPage: ((key: MessageKey, substitutions: string[], answer: string) => string) | undefined;

/**
 * Extension pages pass their own copy of the catalogues. Chromium's `i18n.getMessage` answers '' when the
 * renderer holds no message bundle for the extension (it asks the browser once per process, synchronously,
 * and keeps what it got, empty or not), so a page whose first call met an empty answer would show every key
 * for the life of that process. With the catalogues at hand, such an answer is filled in here instead.
 */
export function bundleMessages(catalogues: Readonly<Record<'en' | 'fr', Catalogue>> | undefined): void {
  fromPage =
    catalogues &&
    ((key, substitutions, answer) => {
      const entry = catalogues[currentLang()][key];
      if (!entry && !key.startsWith('@@')) console.error(`[i18n] no message ${key} in the catalogue`);
      if (entry && substitutions.length < substitutionsExpected(entry))
        console.error(
          `[i18n] ${key} needs ${substitutionsExpected(entry)} substitution(s), got ${substitutions.length}`,
        );
      if (answer || !entry) return answer;
      console.warn(`[i18n] the browser gave no message for ${key}; the page's catalogue filled it`);
      return formatCatalogueMessage(entry, substitutions);
    });
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
  const browserAnswer = browser.i18n.getMessage(key, substitutions);
  const answer = fromPage ? fromPage(key, substitutions, browserAnswer) : browserAnswer;
  if (answer) return answer;
  // `@@` messages are the browser's own; anything else here is a key nobody can word.
  if (!key.startsWith('@@')) console.error(`[i18n] no message for ${key}`);
  return key;
}

/** The keys that come in two forms, `<key>_one` and `<key>_other`: what `tn` takes. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}_one`
    ? `${Base}_other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

/**
 * A message with a count in it, in the form that count takes in the page's language (`pluralCategory`, by
 * `Intl.PluralRules`): `<key>_one` or `<key>_other`. The count is the first substitution (`$1`), the others
 * follow. The browser's `i18n.getMessage` has no plural forms of its own (developer.chrome.com "i18n": a
 * message is one string), hence the two keys.
 */
export function tn(key: PluralKey, count: number, ...substitutions: string[]): string {
  const form = `${key}_${pluralCategory(currentLang(), count)}` as MessageKey;
  return t(form, String(count), ...substitutions);
}
