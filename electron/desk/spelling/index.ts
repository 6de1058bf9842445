export { createSpeller, SPELL_LANGUAGES, type SpellAvailability, type SpellIssue, type SpellLanguage, type Speller, type SpellerOptions } from './speller.js';
export { knownWordsFromLexicon } from './known-words.js';
export { tokenizeWords } from './tokenize.js';
