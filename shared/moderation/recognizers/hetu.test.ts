import { describe, expect, it } from 'vitest';
import { hetuCheckChar, hetuRecognizer, validateHetu } from './hetu.js';

const find = (t: string) => hetuRecognizer.find(t, { language: 'fi' });

function make(ddmmyy: string, sign: string, nnn: string): string {
  return ddmmyy + sign + nnn + hetuCheckChar(ddmmyy, nnn);
}

describe('hetu', () => {
  it('validates the check character of a known example', () => {
    expect(validateHetu('131052-308T')).toBe(true);
    expect(validateHetu('131052-308U')).toBe(false);
  });

  it('accepts every century sign, including the 2023 additions', () => {
    for (const sign of ['+', '-', 'Y', 'X', 'W', 'V', 'U']) expect(validateHetu(make('010190', sign, '123')), sign).toBe(true);
    for (const sign of ['A', 'B', 'C', 'D', 'E', 'F']) expect(validateHetu(make('010105', sign, '123')), sign).toBe(true);
  });

  it('rejects dates that do not exist in the century the sign names', () => {
    expect(validateHetu(make('290200', 'A', '123'))).toBe(true); // 2000 is a leap year
    expect(validateHetu(make('290200', '-', '123'))).toBe(false); // 1900 is not
    expect(validateHetu(make('310490', '-', '123'))).toBe(false);
    expect(validateHetu(make('011390', '-', '123'))).toBe(false);
  });

  it('finds a valid hetu in text as validated, with exact UTF-16 offsets after an emoji', () => {
    const text = 'Hei 😀 tunnus 131052-308T.';
    const [f] = find(text);
    expect(f).toMatchObject({ kind: 'hetu', validated: true, score: 1 });
    expect(text.slice(f.start, f.end)).toBe('131052-308T');
  });

  it('reports a wrong check character at a lower, unvalidated score', () => {
    const [f] = find('hetu 131052-308U');
    expect(f.validated).toBeFalsy();
    expect(f.score).toBeLessThan(1);
  });

  it('finds half-masked codes and bare birth-date prefixes at lower scores', () => {
    const masked = find('tunnus 010190-XXXX ja 010190-****');
    expect(masked.map((f) => f.score)).toEqual([0.7, 0.7]);
    const prefix = find('syntynyt 010190- ja muuta');
    expect(prefix).toHaveLength(1);
    expect(prefix[0].score).toBeLessThan(0.7);
  });

  it('ignores digit runs that are not dates', () => {
    expect(find('tilaus 991399-1234 ja 123456-7890')).toEqual([]);
  });
});
