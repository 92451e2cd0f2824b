import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatCatalogueMessage } from '../../../lib/i18n';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type LocaleMessages = Record<string, LocaleMessage>;

/** A locale's `messages.json` from `public/_locales`. */
export function readLocale(lang: 'en' | 'fr'): LocaleMessages {
  // A path, not a URL: under happy-dom the global URL is the DOM's, which node:fs does not take.
  const file = join(
    dirname(fileURLToPath(import.meta.url)),
    '../../../public/_locales',
    lang,
    'messages.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as LocaleMessages;
}

/** What `browser.i18n.getMessage` answers (the same rules as `formatCatalogueMessage`); an unknown key gives ''. */
export function formatMessage(
  messages: LocaleMessages,
  key: string,
  substitutions: string | string[] = [],
): string {
  const entry = messages[key];
  if (!entry) return '';
  return formatCatalogueMessage(entry, Array.isArray(substitutions) ? substitutions : [substitutions]);
}

/** Makes the fake browser's `i18n.getMessage` answer from the English (or given) locale file. */
export function stubI18n(lang: 'en' | 'fr' = 'en') {
  const messages = readLocale(lang);
  const getMessage = vi.fn((key: string, substitutions?: string | string[]) =>
    formatMessage(messages, key, substitutions),
  );
  fakeBrowser.i18n.getMessage = getMessage as unknown as typeof fakeBrowser.i18n.getMessage;
  return {
    messages,
    getMessage,
    text: (key: string, ...subs: string[]) => formatMessage(messages, key, subs),
  };
}
