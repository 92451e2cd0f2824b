import { describe, expect, it } from 'vitest';
import { alertMatchers } from '../../lib/alert/alerts';
import { entryById, knowledgeBase } from '../../lib/knowledge';

describe('alert matchers, the part of the knowledge base the content script bundles', () => {
  it('has one matcher per entry, with the entry’s own match', () => {
    expect(alertMatchers.map((m) => m.id).sort()).toEqual(knowledgeBase.map((e) => e.id).sort());
    for (const matcher of alertMatchers) {
      const { id, ...match } = matcher;
      expect(entryById(id)?.match).toEqual(match);
    }
  });
});
