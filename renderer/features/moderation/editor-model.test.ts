import { describe, expect, it } from 'vitest';
import { redact } from '../../../shared/moderation/index.js';
import { applyReplacements, dismissKey, redactFindings } from './editor-model.js';
import { wordDiff } from '../../lib/word-diff.js';

const TEXT = 'Naapurini Matti Virtanen soitti numeroon 040 123 4567 ja kirjoitti matti@example.com, hetu 131052-308T.';
const at = (s: string, kind: 'person' | 'phone' | 'email' | 'hetu') => ({ kind, start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('redacting in the editor', () => {
  it('redacting several findings one after another keeps the remaining ones on their text', () => {
    let text = TEXT;
    let marks = [at('Matti Virtanen', 'person'), at('040 123 4567', 'phone'), at('matti@example.com', 'email'), at('131052-308T', 'hetu')];
    // one click each, in a jumbled order, as a moderator would
    for (const kind of ['phone', 'person', 'hetu', 'email'] as const) {
      const target = marks.find((m) => m.kind === kind)!;
      const before = marks.map((m) => text.slice(m.start, m.end));
      const r = redactFindings(text, [target], 'fi', marks.filter((m) => m !== target));
      expect(r.marks.map((m) => r.text.slice(m.start, m.end))).toEqual(before.filter((_, i) => marks[i] !== target));
      text = r.text;
      marks = r.marks;
    }
    expect(text).toBe('Naapurini [nimi poistettu] soitti numeroon [puhelinnumero poistettu] ja kirjoitti [sähköpostiosoite poistettu], hetu [henkilötunnus poistettu].');
    expect(marks).toEqual([]);
  });

  it('redacting all at once gives what shared redact gives, in Swedish too', () => {
    const all = [at('131052-308T', 'hetu'), at('Matti Virtanen', 'person'), at('040 123 4567', 'phone')];
    expect(redactFindings(TEXT, all, 'sv').text).toBe(redact(TEXT, all, 'sv'));
    expect(redactFindings(TEXT, all, 'sv').text).toContain('[namn borttaget]');
  });

  it('overlapping findings merge into one placeholder; marks inside are dropped, later ones move', () => {
    const r = applyReplacements('abc def ghi', [{ start: 4, end: 7, text: 'X' }, { start: 5, end: 9, text: 'Y' }], [{ start: 0, end: 3 }, { start: 8, end: 11 }, { start: 9, end: 11 }]);
    expect(r.text).toBe('abc Xhi');
    expect(r.marks).toEqual([{ start: 0, end: 3 }, { start: 5, end: 7 }]);
    expect(r.text.slice(5, 7)).toBe('hi');
  });

  it('a spelling suggestion shorter or longer than the word moves later marks', () => {
    const text = 'kävelytiella on kuoppa, soita 040 123 4567';
    const phone = { start: text.indexOf('040'), end: text.length, kind: 'phone' as const };
    const r = applyReplacements(text, [{ start: 0, end: 12, text: 'kävelytiellä' }], [phone]);
    expect(r.text.slice(r.marks[0].start, r.marks[0].end)).toBe('040 123 4567');
    const r2 = applyReplacements(text, [{ start: 16, end: 22, text: 'syvä kuoppa' }], [phone]);
    expect(r2.text.slice(r2.marks[0].start, r2.marks[0].end)).toBe('040 123 4567');
  });

  it('ignores replacements outside the text instead of garbling it', () => {
    expect(applyReplacements('abc', [{ start: 2, end: 10, text: 'X' }]).text).toBe('abc');
  });

  it('a dismissed finding is recognised after edits moved it', () => {
    const k1 = dismissKey('text', 'person', TEXT, at('Matti Virtanen', 'person'));
    const moved = 'Hei! ' + TEXT;
    expect(dismissKey('text', 'person', moved, { start: 5 + TEXT.indexOf('Matti'), end: 5 + TEXT.indexOf('Matti') + 14 })).toBe(k1);
  });
});

describe('word diff', () => {
  it('marks removed and inserted words and keeps the rest', () => {
    const parts = wordDiff('Naapurini Matti Virtanen soitti.', 'Naapurini [nimi poistettu] soitti.');
    expect(parts).toEqual([
      { op: 'equal', text: 'Naapurini ' },
      { op: 'delete', text: 'Matti Virtanen' },
      { op: 'insert', text: '[nimi poistettu]' },
      { op: 'equal', text: ' soitti.' },
    ]);
  });

  it('rebuilds both texts exactly', () => {
    const a = 'Katuvalo ei pala kävelytiella, soita 040 123 4567.\nKiitos!';
    const b = 'Katuvalo ei pala kävelytiellä.\nKiitos paljon!';
    const parts = wordDiff(a, b);
    expect(parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(a);
    expect(parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(b);
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text).join('|')).toContain('kävelytiella');
    expect(parts[0]).toEqual({ op: 'equal', text: 'Katuvalo ei pala ' });
  });

  it('identical and empty texts', () => {
    expect(wordDiff('sama teksti', 'sama teksti')).toEqual([{ op: 'equal', text: 'sama teksti' }]);
    expect(wordDiff('', 'uusi')).toEqual([{ op: 'insert', text: 'uusi' }]);
    expect(wordDiff('vanha', '')).toEqual([{ op: 'delete', text: 'vanha' }]);
  });

  it('a very long rewrite falls back to one replacement quickly', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const t = performance.now();
    const parts = wordDiff(a, b);
    expect(performance.now() - t).toBeLessThan(500);
    expect(parts.map((p) => p.op)).toEqual(['delete', 'insert']);
  });
});
