import { squash } from './dom';

/** Attributes FMC-like UIs use for the user menu; the markup differs between releases, so several are tried. */
const USER_ELEMENTS =
  '[class*="user" i], [id*="user" i], [aria-label*="user" i], [title*="user" i], [data-user]';
const LOGGED_IN_AS = /\b(?:logged in as|signed in as|connecté en tant que)\s+([^\s,;()]{1,64})/i;
/** Inside these, "user" elements are data (device lists, user tables), not the session's user menu. */
const NOT_THE_HEADER = 'table, [role="grid"], [role="row"], form, main, [role="main"]';
const USER_NAME = /^[\p{L}\p{N}._@\\-]{1,64}$/u;

/**
 * The user name the FMC page shows as logged in (its header's user menu), or null when the page shows none
 * that we can tell. Best effort: used only to warn before signing in to the API with the same account.
 */
export function findLoggedInUser(doc: Document): string | null {
  for (const element of doc.querySelectorAll(USER_ELEMENTS)) {
    if (element.closest(NOT_THE_HEADER)) continue;
    const text = squash(element.textContent ?? '');
    const phrase = LOGGED_IN_AS.exec(text);
    if (phrase?.[1]) return phrase[1];
    if (USER_NAME.test(text) && !/^users?$/i.test(text)) return text;
  }
  const banner = doc.querySelector('header, [role="banner"]');
  const phrase = banner && LOGGED_IN_AS.exec(squash(banner.textContent ?? ''));
  return phrase?.[1] ?? null;
}
