import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { bundleMessages, type MessageKey, t } from '../../components/i18n';
import { readLocale, stubI18n } from './support/i18n-stub';

const en = readLocale('en');
const fr = readLocale('fr');

/** The `[i18n]` lines t() writes, caught here instead of failing the test (see support/fail-on-i18n.ts). */
function reported() {
  const lines: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) =>
    lines.push(args.map(String).join(' ')),
  );
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => lines.push(`warn ${args.join(' ')}`));
  return lines;
}

afterEach(() => {
  bundleMessages(undefined);
});

describe('t(): a key never reaches the user', () => {
  it('fills the message from the page’s catalogue when the browser answers empty (the flaky popupDisabled)', () => {
    stubI18n('en');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    bundleMessages({ en, fr });
    fakeBrowser.i18n.getMessage = (() => '') as unknown as typeof fakeBrowser.i18n.getMessage;
    const lines = reported();
    expect(t('popupDisabled', 'http://127.0.0.2')).toBe('Not enabled on http://127.0.0.2');
    expect(lines).toEqual([
      expect.stringMatching(/^warn \[i18n\] the browser gave no message for popupDisabled/),
    ]);
  });

  it('in French too', () => {
    stubI18n('fr');
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    bundleMessages({ en, fr });
    fakeBrowser.i18n.getMessage = (() => '') as unknown as typeof fakeBrowser.i18n.getMessage;
    reported();
    expect(t('popupDisabled', 'http://127.0.0.2')).toBe(
      fr.popupDisabled?.message.replace('$ORIGIN$', 'http://127.0.0.2'),
    );
  });

  it('reports a key the catalogue lacks and a call short of substitutions, as errors the suites fail on', () => {
    stubI18n('en');
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    bundleMessages({ en, fr });
    const lines = reported();
    t('noSuchMessage' as MessageKey);
    t('popupDisabled');
    expect(lines).toEqual([
      '[i18n] no message noSuchMessage in the catalogue',
      '[i18n] no message for noSuchMessage',
      '[i18n] popupDisabled needs 1 substitution(s), got 0',
    ]);
  });
});
