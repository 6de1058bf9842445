export { createSpeller, SPELL_LANGUAGES, type SpellAvailability, type SpellIssue, type SpellLanguage, type Speller, type SpellerOptions } from './speller.js';
export { tokenizeWords } from './tokenize.js';
