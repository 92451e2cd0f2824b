import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

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

/**
 * What `browser.i18n.getMessage` answers: named placeholders (`$CMD$`) replaced by their `content`, then the
 * positional `$1`…`$9` by the substitutions; an unknown key gives ''.
 */
export function formatMessage(
  messages: LocaleMessages,
  key: string,
  substitutions: string | string[] = [],
): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '')
    .replace(/\$\$/g, '$');
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
