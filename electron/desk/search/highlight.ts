import { stemWord, words } from './finnish-stem.js';

/** A piece of text with the [start, end) UTF-16 ranges to highlight. */
export interface Highlighted {
  text: string;
  highlights: Array<[number, number]>;
}

/** Ranges of the words whose stem starts with one of the query stems (the same rule the index uses). */
export function matchRanges(text: string, stems: readonly string[]): Array<[number, number]> {
  if (stems.length === 0) return [];
  // Stemming every word of every hit was most of a search's time. A stem starts with the word's
  // first letter (only d is folded to t), so words with another first letter are skipped unstemmed.
  const firsts = new Set(stems.map((q) => q[0]));
  const out: Array<[number, number]> = [];
  for (const w of words(text)) {
    const c = w.word[0].toLowerCase();
    if (!firsts.has(c === 'd' ? 't' : c)) continue;
    const s = stemWord(w.word);
    if (stems.some((q) => s.startsWith(q))) out.push([w.start, w.end]);
  }
  return out;
}

export function highlight(text: string, stems: readonly string[]): Highlighted {
  return { text, highlights: matchRanges(text, stems) };
}

/**
 * A window of about `width` characters around the first match, cut at word boundaries, with the
 * highlights shifted into it. Null when the text has no match.
 */
export function snippet(text: string, stems: readonly string[], width = 180): Highlighted | null {
  const ranges = matchRanges(text, stems);
  if (ranges.length === 0) return null;
  const flat = text.replace(/\s/g, ' ');
  const first = ranges[0][0];
  let start = Math.max(0, first - Math.floor(width / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + width);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > ranges[0][1]) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + flat.slice(start, end) + suffix,
    highlights: ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s + shift, e + shift] as [number, number]),
  };
}
