import { afterEach, beforeEach, expect, vi } from 'vitest';

/**
 * Every test file: a message the UI could not word (`[i18n]` on console.error, see components/i18n.ts) fails
 * the test that caused it, so a missing key or a missing substitution never reaches a user unnoticed.
 */
let errors: string[] = [];
beforeEach(() => {
  errors = [];
  const original = console.error;
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    const text = args.map(String).join(' ');
    if (text.startsWith('[i18n]')) errors.push(text);
    else original(...args);
  });
});
afterEach(() => {
  vi.mocked(console.error).mockRestore?.();
  expect(errors, 'messages the UI could not word').toEqual([]);
});
