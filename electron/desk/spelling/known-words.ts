import { nameLemmaCandidates, type ModerationLexicon } from '../../../shared/moderation/index.js';

/**
 * Accept capitalised Helsinki street and district names and DVV person names in any inflected form
 * (Sturenkadun, Pikku-Huopalahden, Virtaselle): the spelling dictionaries do not list them, and a
 * moderator should not have to dismiss every street name. Lower-case words are left to the engines.
 */
export function knownWordsFromLexicon(lex: ModerationLexicon): (word: string) => boolean {
  return (word) => {
    if (!/^\p{Lu}/u.test(word)) return false;
    return nameLemmaCandidates(word).some((c) => lex.streets.has(c) || lex.districts.has(c) || lex.firstNames.has(c) || lex.surnames.has(c));
  };
}
