import { describe, expect, it } from 'vitest';
import { mergeKeepingBoth } from './text-merge.js';

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('mergeKeepingBoth', () => {
  it('keeps every word of both texts, shared words once', () => {
    const theirs = 'Hei, kiitos palautteesta. Kuoppa paikataan ensi viikolla.';
    const mine = 'Hei, kiitos palautteesta. Olemme tilanneet korjauksen urakoitsijalta.';
    const merged = mergeKeepingBoth(theirs, mine);
    for (const w of [...words(theirs), ...words(mine)]) expect(merged).toContain(w);
    expect(merged.match(/kiitos/g)).toHaveLength(1);
    expect(merged.startsWith('Hei, kiitos palautteesta.')).toBe(true);
  });

  it('is the text itself when both are equal, and either one when the other is empty', () => {
    expect(mergeKeepingBoth('Sama teksti.', 'Sama teksti.')).toBe('Sama teksti.');
    expect(mergeKeepingBoth('', 'Vain minun.')).toBe('Vain minun.');
    expect(mergeKeepingBoth('Vain heidän.', '')).toBe('Vain heidän.');
  });

  it('loses no word of either side for many random pairs', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const vocab = ['katu', 'kuoppa', 'korjataan', 'viikolla', 'kiitos', 'hei', 'alue', 'urakoitsija', 'pian', 'ja'];
    const text = () => Array.from({ length: 3 + Math.floor(rand() * 12) }, () => vocab[Math.floor(rand() * vocab.length)]).join(' ');
    for (let i = 0; i < 300; i++) {
      const a = text();
      const b = text();
      const merged = words(mergeKeepingBoth(a, b));
      const count = (list: string[]) => list.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
      const have = count(merged);
      for (const [w, n] of count(words(a))) expect(have.get(w) ?? 0).toBeGreaterThanOrEqual(n);
      for (const [w, n] of count(words(b))) expect(have.get(w) ?? 0).toBeGreaterThanOrEqual(n);
    }
  });
});
