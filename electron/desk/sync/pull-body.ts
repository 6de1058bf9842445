/**
 * Finds where each element of a pull body's top-level `items` array starts and ends, so each
 * item can be parsed from, and stored as, its own text as received instead of a re-serialized
 * copy. A lexer, not a parser: it follows strings and nesting, and JSON.parse still reads every
 * byte (the head with `items` cut out, then each element on its own). For valid JSON the pieces
 * give exactly what JSON.parse of the whole body gives. Anything it is not sure of (an escaped or
 * repeated top-level key, an element that is not an object, unexpected separators) returns null
 * and the caller parses the whole body instead.
 */
export interface SplitBody {
  /** The body with the items array replaced by `[]`. */
  head: string;
  /** Offsets of each element's text in the body: body.slice(starts[k], ends[k]). */
  starts: number[];
  ends: number[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** i at an opening quote; the index after its closing quote, or -1. */
function stringEnd(s: string, i: number): number {
  for (;;) {
    const q = s.indexOf('"', i + 1);
    if (q < 0) return -1;
    let slashes = 0;
    while (s.charCodeAt(q - 1 - slashes) === BACKSLASH) slashes++;
    if ((slashes & 1) === 0) return q + 1;
    i = q;
  }
}

/** i at `{` or `[`; the index after the matching close, or -1. */
function nestedEnd(s: string, i: number): number {
  let depth = 0;
  for (const n = s.length; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === QUOTE) {
      const e = stringEnd(s, i);
      if (e < 0) return -1;
      i = e - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/** A top-level member value starting at i; the index after it, or -1. */
function valueEnd(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c === QUOTE) return stringEnd(s, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) return nestedEnd(s, i);
  // A number, true, false or null: up to the next separator (JSON.parse judges the token).
  let j = i;
  while (j < s.length) {
    const d = s.charCodeAt(j);
    if (d === COMMA || d === CLOSE_BRACE || isSpace(d)) break;
    if (d === QUOTE) return -1;
    j++;
  }
  return j > i ? j : -1;
}

export function splitPullBody(s: string): SplitBody | null {
  let i = skipSpace(s, 0);
  if (s.charCodeAt(i) !== OPEN_BRACE) return null;
  i = skipSpace(s, i + 1);
  let itemsAt = -1;
  let itemsEnd = -1;
  const starts: number[] = [];
  const ends: number[] = [];
  if (s.charCodeAt(i) === CLOSE_BRACE) return null;
  for (;;) {
    if (s.charCodeAt(i) !== QUOTE) return null;
    const keyEnd = stringEnd(s, i);
    if (keyEnd < 0) return null;
    const key = s.slice(i + 1, keyEnd - 1);
    // An escaped key may spell "items" (JSON.parse would take it); do not guess.
    if (key.includes('\\')) return null;
    i = skipSpace(s, keyEnd);
    if (s.charCodeAt(i) !== COLON) return null;
    i = skipSpace(s, i + 1);
    if (key === 'items') {
      if (itemsAt >= 0 || s.charCodeAt(i) !== OPEN_BRACKET) return null;
      itemsAt = i;
      i = skipSpace(s, i + 1);
      if (s.charCodeAt(i) !== CLOSE_BRACKET) {
        for (;;) {
          if (s.charCodeAt(i) !== OPEN_BRACE) return null;
          const end = nestedEnd(s, i);
          if (end < 0) return null;
          starts.push(i);
          ends.push(end);
          i = skipSpace(s, end);
          const c = s.charCodeAt(i);
          if (c === CLOSE_BRACKET) break;
          if (c !== COMMA) return null;
          i = skipSpace(s, i + 1);
        }
      }
      itemsEnd = i + 1;
      i = itemsEnd;
    } else {
      i = valueEnd(s, i);
      if (i < 0) return null;
    }
    i = skipSpace(s, i);
    const c = s.charCodeAt(i);
    if (c === CLOSE_BRACE) break;
    if (c !== COMMA) return null;
    i = skipSpace(s, i + 1);
  }
  if (itemsAt < 0) return null;
  return { head: `${s.slice(0, itemsAt)}[]${s.slice(itemsEnd)}`, starts, ends };
}
