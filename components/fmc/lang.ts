import { browser } from 'wxt/browser';
import { uiLang } from '../../lib/knowledge/alerts';
import type { Lang } from '../../lib/knowledge/schema';

/** The language of the diagnosis texts: the browser's UI language, as for the message catalogue. */
export function currentLang(): Lang {
  return uiLang(browser.i18n.getUILanguage());
}
