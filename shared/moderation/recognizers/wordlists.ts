import {
  DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers, parseRawPattern,
  toAsciiLowerCaseTransformer,
} from 'obscenity';
import type { Finding, ModerationLanguage, Recognizer } from '../types.js';

/**
 * Curated word lists for the obscenity engine. The raw LDNOOBW Finnish list is not used: it flags
 * everyday words. Decisions (each has a test in wordlists.test.ts):
 *  - flagged: vittu/vitun, perkele, saatana, helvetti (mild, lower score), paska, kusi (exact word only:
 *    "kusiainen" is an ant), kusipää, mulkku, kyrpä, huora, lutka, runkkari, pillu (only the vulgar sense
 *    exists), hintti (a slur), perse (mild).
 *  - NOT flagged: kuusi (six/spruce; only a duplicate-collapsing transformer turns it into "kusi", so we do
 *    not use that transformer for Finnish), tussi (marker pen), muna (egg), kalu/kalusto (tool, furniture),
 *    pano (deposit), homo (an identity word, not a swear word), tissi, pylly, kikkeli (colloquial, not abusive),
 *    hitto/hemmetti (euphemisms).
 * Patterns: "|x" = x at a word start (so Finnish inflections and compounds match), "|x|" = the exact word.
 */
interface Meta { lang: ModerationLanguage | 'any'; kind: 'profanity' | 'racism'; score: number; }

const FI_PROFANITY: [string, number][] = [
  ['|vittu', 0.9], ['|vitu', 0.9], ['|perkele', 0.7], ['|perkeleen', 0.7], ['|saatana', 0.6], ['|helvet', 0.5], ['|paska', 0.85],
  ['|kusi|', 0.8], ['|kusipää', 0.9], ['|kusipäi', 0.9], ['|kusettaa', 0.7], ['|mulkku', 0.9], ['|mulku', 0.9], ['|kyrpä', 0.9],
  ['|kyrvä', 0.9], ['|huora', 0.9], ['|huoru', 0.9], ['|lutka', 0.85], ['|runkkari', 0.9], ['|runkku', 0.85], ['|pillu', 0.85],
  ['|hintti', 0.9], ['|perse|', 0.6], ['|perseestä', 0.6], ['|persee', 0.6], ['|persett', 0.6], ['|perseen', 0.6], ['|persreikä', 0.85], ['|jumalauta', 0.6],
];
const SV_PROFANITY: [string, number, ModerationLanguage | 'any'][] = [
  ['|jävla', 0.85, 'any'], ['|jävel', 0.85, 'any'], ['|helvete', 0.6, 'any'], ['|fitta', 0.9, 'any'], ['|fittan', 0.9, 'any'],
  ['|kuk|', 0.85, 'sv'], ['|kuken|', 0.85, 'sv'], ['|kukhuvud', 0.9, 'any'], ['|hora|', 0.85, 'sv'], ['|horan|', 0.85, 'sv'],
  ['|horunge', 0.9, 'any'], ['|skit|', 0.6, 'sv'], ['|skitsnack', 0.7, 'any'], ['|knulla', 0.85, 'any'], ['|rövhål', 0.85, 'any'],
  ['|fan|', 0.6, 'sv'], ['|satan|', 0.5, 'sv'],
];
const SLURS: [string, number, ModerationLanguage | 'any'][] = [
  ['|neekeri', 0.95, 'any'], ['|neekere', 0.95, 'any'], ['|nekru', 0.95, 'any'], ['|ryssä', 0.9, 'any'], ['|ryssi', 0.9, 'any'],
  ['|mutakuono', 0.95, 'any'], ['|mamu|', 0.8, 'fi'], ['|mamut', 0.8, 'fi'], ['|mamuj', 0.8, 'fi'], ['|mamuille', 0.8, 'fi'],
  ['|matu|', 0.75, 'fi'], ['|matut|', 0.75, 'fi'], ['|matuja', 0.75, 'fi'], ['|elintasopakolai', 0.8, 'any'], ['|vinosilmä', 0.9, 'any'],
  ['|rättipää', 0.9, 'any'], ['|hurri|', 0.8, 'fi'], ['|hurrit|', 0.8, 'fi'], ['|hurrien', 0.8, 'fi'], ['|mustalai', 0.6, 'fi'],
  ['|neger', 0.9, 'sv'], ['|negrer', 0.9, 'any'], ['|svartskall', 0.9, 'any'], ['|blatte', 0.85, 'any'], ['|zigenar', 0.6, 'sv'],
  ['|finnjävel', 0.9, 'any'], ['|nigger', 0.95, 'any'], ['|nigga', 0.9, 'any'], ['|chink|', 0.9, 'en'], ['|chinks|', 0.9, 'en'],
  ['|paki|', 0.85, 'en'], ['|pakis|', 0.85, 'en'], ['|wetback', 0.9, 'any'], ['|gook|', 0.9, 'en'], ['|spic|', 0.85, 'en'],
  ['|raghead', 0.9, 'any'], ['|towelhead', 0.9, 'any'],
];

function buildDataset(): DataSet<Meta> {
  const ds = new DataSet<Meta>();
  const add = (p: string, meta: Meta) => ds.addPhrase((b) => b.setMetadata(meta).addPattern(parseRawPattern(p)));
  for (const [p, score] of FI_PROFANITY) add(p, { lang: 'any', kind: 'profanity', score });
  for (const [p, score, lang] of SV_PROFANITY) add(p, { lang, kind: 'profanity', score });
  for (const [p, score, lang] of SLURS) add(p, { lang, kind: 'racism', score });
  return ds;
}

const nordic = buildDataset();
// Plain lower-casing only. Confusable resolution folds ä/ö to a/o (so "kusipää" would never match its
// own pattern), and collapsing duplicate letters (part of the English
// recommended set) would turn Finnish "kuusi" into "kusi" and "tuuli" into "tuli".
const nordicMatcher = new RegExpMatcher({
  ...nordic.build(),
  blacklistMatcherTransformers: [toAsciiLowerCaseTransformer()],
});
// obscenity's own curated English set, minus slurs we classify as racism and words that collide with Finnish.
const english = new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((p) => p.metadata?.originalWord === 'nigger');
const englishMatcher = new RegExpMatcher({ ...english.build(), ...englishRecommendedTransformers });

function wordEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && /[\p{L}]/u.test(text[e])) e++;
  return e;
}

export const wordListRecognizer: Recognizer = {
  kind: ['profanity', 'racism'],
  find(text, ctx) {
    const out: Finding[] = [];
    for (const m of nordicMatcher.getAllMatches(text)) {
      const { phraseMetadata: meta } = nordic.getPayloadWithPhraseMetadata(m);
      if (!meta || (meta.lang !== 'any' && meta.lang !== ctx.language)) continue;
      // report the whole inflected word (vitun -> vitun, not vitu)
      const end = wordEnd(text, m.endIndex + 1);
      out.push({ kind: meta.kind, start: m.startIndex, end, score: meta.score, explanation: meta.kind === 'racism' ? 'racist slur (P19e)' : 'swear word' });
    }
    for (const m of englishMatcher.getAllMatches(text)) {
      const { phraseMetadata: meta } = english.getPayloadWithPhraseMetadata(m);
      const end = wordEnd(text, m.endIndex + 1);
      const word = text.slice(m.startIndex, end);
      // English fragments inside Finnish words ("kassalla" has no issue, but e.g. "Dickens" style hits) are skipped
      // unless the match is the whole word or the text is English.
      if (ctx.language !== 'en' && end - m.startIndex !== m.endIndex + 1 - m.startIndex && !/^(fuck|shit)/i.test(word)) continue;
      out.push({ kind: 'profanity', start: m.startIndex, end, score: ctx.language === 'en' ? 0.85 : 0.7, explanation: `English swear word (${meta?.originalWord ?? 'obscenity'})` });
    }
    return out;
  },
};
