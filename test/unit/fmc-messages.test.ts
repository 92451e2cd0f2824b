import { describe, expect, it } from 'vitest';
import { FMC_MESSAGES, formatFmcMessage } from '../../lib/fmc/error-text';
import { FmcError } from '../../lib/fmc/errors';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('FMC messages', () => {
  it.each(Object.entries(FMC_MESSAGES))(
    '%s has English and French with the same placeholders',
    (_code, texts) => {
      expect(texts.en.trim()).not.toBe('');
      expect(texts.fr.trim()).not.toBe('');
      expect(texts.fr).not.toBe(texts.en);
      expect(placeholders(texts.fr)).toEqual(placeholders(texts.en));
    },
  );

  it('fills parameters and leaves unknown placeholders visible', () => {
    expect(formatFmcMessage('timeout', { endpoint: 'health/alerts', seconds: 30 })).toBe(
      'The FMC did not answer health/alerts within 30 s.',
    );
    expect(formatFmcMessage('timeout', {}, 'fr')).toBe('Le FMC n’a pas répondu à {endpoint} en {seconds} s.');
  });

  it('keeps code and parameters on the error and renders the FMC description after our sentence', () => {
    const error = new FmcError({
      code: 'forbidden',
      params: { endpoint: 'health/alerts' },
      status: 403,
      fmcMessages: ['Insufficient privileges'],
    });
    expect(error).toMatchObject({ code: 'forbidden', params: { endpoint: 'health/alerts' }, status: 403 });
    expect(error.message).toMatch(
      /^The FMC user is not allowed to read health\/alerts \(403\)\..* The FMC says: Insufficient privileges$/,
    );
    expect(error.localized('fr')).toMatch(/Le FMC indique : Insufficient privileges$/);
  });
});
