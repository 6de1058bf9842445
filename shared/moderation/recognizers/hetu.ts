import type { Finding, Recognizer } from '../types.js';
import { hasContextWord } from '../text-utils.js';

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};
const CONTEXT = ['hetu', 'henkilötunnus', 'henkilötunnukse', 'sotu', 'personbeteckning', 'personnummer', 'social security', 'personal identity', 'ssn'];

export function hetuCheckChar(ddmmyy: string, nnn: string): string {
  return CHECK_CHARS[Number(ddmmyy + nnn) % 31];
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Full validation: date exists in the century the sign names, individual number 002..999, check char. */
export function validateHetu(code: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])$/.exec(code.toUpperCase());
  if (!m) return false;
  const [, dd, mm, yy, sign, nnn, q] = m;
  if (!isValidDate(CENTURY[sign] + Number(yy), Number(mm), Number(dd))) return false;
  if (Number(nnn) < 2) return false;
  return hetuCheckChar(dd + mm + yy, nnn) === q;
}

// Word boundaries are written out because \b treats ä/ö as non-word characters.
const FULL = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Y])(?![\p{L}\p{N}])/giu;
const MASKED = /(?<![\p{L}\p{N}])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])([0-9xX*#?]{3}[0-9A-Yx*#?]|[xX*#?]{3,4})(?![\p{L}\p{N}*#?])/gu;
const PREFIX = /(?<![\p{L}\p{N}\-+])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(?![\p{L}\p{N}*#?-])/gu;

function dateOk(dd: string, mm: string, yy: string, sign: string): boolean {
  const c = CENTURY[sign.toUpperCase()];
  return c !== undefined && isValidDate(c + Number(yy), Number(mm), Number(dd));
}

export const hetuRecognizer: Recognizer = {
  kind: 'hetu',
  find(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(FULL)) {
      const [all, dd, mm, yy, sign, nnn, q] = m;
      const start = m.index;
      const end = start + all.length;
      if (!dateOk(dd, mm, yy, sign)) continue;
      const upper = all.toUpperCase();
      if (validateHetu(upper)) {
        out.push({ kind: 'hetu', start, end, score: 1, validated: true, explanation: 'henkilötunnus: date and check character valid' });
      } else {
        // A real date with a wrong check character is most often a mistyped or altered hetu.
        const ctx = hasContextWord(text, start, end, CONTEXT);
        out.push({ kind: 'hetu', start, end, score: ctx ? 0.75 : 0.5, explanation: `hetu-shaped with a valid date but check character ${q} does not match (expected ${hetuCheckChar(dd + mm + yy, nnn)})` });
      }
    }
    for (const m of text.matchAll(MASKED)) {
      const [all, dd, mm, yy, sign, tail] = m;
      if (/^\d{3}[0-9A-Y]$/i.test(tail)) continue; // a full code, handled above
      if (!dateOk(dd, mm, yy, sign)) continue;
      out.push({ kind: 'hetu', start: m.index, end: m.index + all.length, score: 0.7, explanation: 'half-masked henkilötunnus: birth date and century sign still readable' });
    }
    for (const m of text.matchAll(PREFIX)) {
      const [all, dd, mm, yy, sign] = m;
      if (!dateOk(dd, mm, yy, sign)) continue;
      // Only the dash form is common in prose; a bare 'A' after six digits is weaker evidence.
      const ctx = hasContextWord(text, m.index, m.index + all.length, CONTEXT);
      const score = ctx ? 0.7 : sign === '-' ? 0.5 : 0.4;
      out.push({ kind: 'hetu', start: m.index, end: m.index + all.length, score, explanation: 'birth-date part of a henkilötunnus (DDMMYY + century sign)' });
    }
    return out;
  },
};
