/** A word the speller should look at, with UTF-16 offsets into the checked text. */
export interface WordToken {
  word: string;
  start: number;
  end: number;
}

// Letters with inner hyphens or apostrophes: "Itä-Helsinki", "don't", "kävely-" (the hyphen is dropped).
const WORD = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu;

/**
 * Spans that are not prose and must not be spell-checked: links, email addresses, redaction
 * placeholders ("[nimi poistettu]") and other bracketed notes.
 */
const NOT_PROSE = [/\b(?:https?:\/\/|www\.)\S+/giu, /\S+@\S+/gu, /\[[^\]\n]{0,80}\]/gu, /\b[\p{L}\d-]+\.(?:fi|se|com|org|net|eu|info)\b\S*/giu];

export function tokenizeWords(text: string): WordToken[] {
  const skip: [number, number][] = [];
  for (const re of NOT_PROSE) for (const m of text.matchAll(re)) skip.push([m.index, m.index + m[0].length]);
  const out: WordToken[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (skip.some(([s, e]) => start < e && s < end)) continue;
    // "5km", "A12", "2a": codes and measures, not words
    if (/\d/.test(text[start - 1] ?? '') || /\d/.test(text[end] ?? '')) continue;
    const word = m[0];
    if (word.length < 2) continue;
    // acronyms and shouting (HSL, KYMP): a dictionary says nothing useful about them
    if (word === word.toUpperCase() && word !== word.toLowerCase()) continue;
    out.push({ word, start, end });
  }
  return out;
}
