import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../i18n';

/** Extension pages take the browser's language for `lang`, direction and title (screen readers use them). */
export function localizeDocument(titleKey: MessageKey): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.documentElement.dir = t('@@bidi_dir' as MessageKey) === 'rtl' ? 'rtl' : 'ltr';
  document.title = t(titleKey);
}
