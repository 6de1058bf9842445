/** Letters and digits in any script; used for word boundaries that \b gets wrong for ä, ö, å. */
export const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** True if any of the words occurs (as a word prefix, case-insensitive) within `radius` chars around [start, end). */
export function hasContextWord(text: string, start: number, end: number, words: readonly string[], radius = 40): boolean {
  const before = text.slice(Math.max(0, start - radius), start).toLowerCase();
  const after = text.slice(end, end + radius).toLowerCase();
  return words.some((w) => containsWordPrefix(before, w) || containsWordPrefix(after, w));
}

function containsWordPrefix(hay: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const i = hay.indexOf(word, from);
    if (i < 0) return false;
    if (!isWordChar(hay[i - 1])) return true;
    from = i + 1;
  }
}

/** Replace [start, end) with filler of the same length so later offsets stay valid. */
export function maskRange(text: string, start: number, end: number, filler = ' '): string {
  return text.slice(0, start) + filler.repeat(end - start) + text.slice(end);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
