import { describe, expect, it } from 'vitest';
import { knownWordsFromLexicon } from './known-words.js';
import { loadLexicon } from '../../../tools/moderation/load-lexicon.js';

describe('knownWordsFromLexicon', () => {
  const known = knownWordsFromLexicon(loadLexicon());
  it('knows inflected Helsinki streets, districts and person names when capitalised', () => {
    expect(known('Sturenkadun')).toBe(true);
    expect(known('Kalliossa')).toBe(true);
    expect(known('Virtaselle')).toBe(true);
  });
  it('does not vouch for lower-case words or typos', () => {
    expect(known('sturenkadun')).toBe(false);
    expect(known('Sturnekadun')).toBe(false);
  });
});
