/**
 * A small, symmetric Finnish stemmer for search. Index and query words go through the same
 * function, so an exact word is always found; the point is that inflected forms of one word meet
 * ("kuoppa", "kuopassa", "kuopat", "kuoppien" -> "kuop"). It over-stems on purpose: a search that
 * finds a few extra items is better than one that misses the item the clerk remembers.
 *
 * Steps: strip one case or number ending, strip final vowels, then fold consonant gradation
 * (pp/p, tt/t, kk/k, nt/nn, lt/ll, rt/rr, mp/mm, nk/ng, t/d) to one form.
 * Swedish and English words pass through the same steps; the symmetry keeps them findable.
 */

// Longest first: the first ending that leaves a stem of at least MIN_STEM letters is removed.
const ENDINGS = [
  'ineen', 'itten', 'iden', 'ihin', 'seen', 'tten', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä',
  'lle', 'tta', 'ttä', 'ksi', 'iin', 'hin', 'den', 'jen', 'ja', 'jä', 'na', 'nä', 'an', 'än', 'en', 'in', 'on',
  'un', 'yn', 'ön', 'n', 't',
];
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ä', 'ö', 'å']);
const MIN_STEM = 3;

const GRADATION: Array<[RegExp, string]> = [
  [/([bcdfghjklmnpqrstvwxz])\1/g, '$1'],
  [/nt/g, 'n'],
  [/lt/g, 'l'],
  [/rt/g, 'r'],
  [/mp/g, 'm'],
  [/ng/g, 'nk'],
  [/d/g, 't'],
];

export function stemWord(raw: string): string {
  let w = raw.normalize('NFC').toLowerCase();
  if (w.length <= MIN_STEM || /\d/.test(w)) return w;
  // -nen adjectives and nouns inflect from an -s- stem (nainen, naisen, naiset).
  if (w.endsWith('nen') && w.length > 5) w = `${w.slice(0, -3)}s`;
  // -us/-ys/-os/-ös nouns inflect from a -ks- stem (muistutus, muistutuksen; kysymys, kysymyksiä).
  else if (/[uyoö]s$/.test(w) && w.length > 5) w = `${w.slice(0, -1)}ks`;
  else {
    for (const e of ENDINGS) {
      if (w.endsWith(e) && w.length - e.length >= MIN_STEM) {
        w = w.slice(0, -e.length);
        break;
      }
    }
  }
  while (w.length > MIN_STEM && VOWELS.has(w[w.length - 1])) w = w.slice(0, -1);
  for (const [re, to] of GRADATION) w = w.replace(re, to);
  return w;
}

export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Words (letters and digits) with their UTF-16 offsets in `text`. */
export function words(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The text as a space-separated list of stems: what the full-text index stores. */
export function stemText(text: string): string {
  let out = '';
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) out += (out ? ' ' : '') + stemWord(m[0]);
  return out;
}
