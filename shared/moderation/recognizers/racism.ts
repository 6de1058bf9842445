import type { Finding, Recognizer } from '../types.js';

/**
 * Generalising statements about an ethnic or national group (P19e, "indirect" racism): a group noun,
 * then within the same sentence a demeaning predicate or a demand to remove them. Slurs themselves
 * are in wordlists.ts.
 */
const GROUPS = {
  fi: '(?:somali\\p{L}*|maahanmuuttaj\\p{L}*|ulkomaalai\\p{L}*|pakolai\\p{L}*|turvapaikanhakij\\p{L}*|mustat|mustia|mustien|romani\\p{L}*|venäläi\\p{L}*|virolai\\p{L}*|muslim\\p{L}*|arabi\\p{L}*|afrikkalai\\p{L}*|kerjäläi\\p{L}*|aasialai\\p{L}*|juutalai\\p{L}*|ulkkar\\p{L}*)',
  sv: '(?:invandrar\\p{L}*|somalier\\p{L}*|romer\\p{L}*|muslim\\p{L}*|arab\\p{L}*|flykting\\p{L}*|utlänning\\p{L}*|svartingar|judar\\p{L}*|afrikan\\p{L}*)',
  en: '(?:immigrants?|refugees?|muslims?|blacks|gypsies|roma|somalis?|arabs?|foreigners|africans?|asians?|jews|migrants?)',
};
const PREDICATES = {
  fi: '(?:laisk\\p{L}*|rikolli\\p{L}*|lois\\p{L}*|sivistymät\\p{L}*|eläim\\p{L}*|likai\\p{L}*|karkot\\p{L}*|heittää ulos|pois maasta|ampu\\p{L}*|takaisin|hävit\\p{L}*|tappa\\p{L}*|raiskaaj\\p{L}*|varka\\p{L}*|tyhm\\p{L}*|saastu\\p{L}*|ei kuulu tänne|eivät kuulu tänne|ei kuulu suomeen|eivät kuulu suomeen)',
  sv: '(?:kriminell\\p{L}*|lata|parasit\\p{L}*|djur|utvisa\\p{L}*|kastas ut|åka hem|åk hem|skickas hem|smutsig\\p{L}*|tjuvar|hör inte hemma)',
  en: '(?:criminals?|lazy|parasites?|animals|deported|go back|sent back|kicked out|dirty|thieves|don\'t belong|do not belong|rapists)',
};
const GO_HOME = /(?:mene|menkää|painu|painukaa|palatkoon|palatkoot|lähtekää)\s+(?:takaisin\s+)?(?:kotimaaha\p{L}*|omaan maahan\p{L}*|sinne mistä)|go back (?:to )?(?:your|their|where)\b[^.!?\n]*|åk hem till (?:ditt|ert|sitt) land/giu;

const STATEMENT = Object.fromEntries(
  (['fi', 'sv', 'en'] as const).map((l) => [l, new RegExp(`(?<![\\p{L}])${GROUPS[l]}[^.!?\\n]{0,80}?(?<![\\p{L}])${PREDICATES[l]}`, 'giu')]),
) as Record<'fi' | 'sv' | 'en', RegExp>;

export const racismRecognizer: Recognizer = {
  kind: 'racism',
  find(text) {
    const out: Finding[] = [];
    for (const re of [STATEMENT.fi, STATEMENT.sv, STATEMENT.en]) {
      for (const m of text.matchAll(re)) out.push({ kind: 'racism', start: m.index, end: m.index + m[0].length, score: 0.65, explanation: 'generalising negative statement about an ethnic or national group (P19e)' });
    }
    for (const m of text.matchAll(GO_HOME)) out.push({ kind: 'racism', start: m.index, end: m.index + m[0].length, score: 0.7, explanation: '"go back to your country" (P19e)' });
    return out;
  },
};
