import { browser } from 'wxt/browser';
import type { Lang } from '../../lib/i18n';
import { uiLang } from '../../lib/i18n';

/** The language of the diagnosis texts: the browser's UI language, as for the message catalogue. */
export function currentLang(): Lang {
  return uiLang(browser.i18n.getUILanguage());
}
