import { describe, expect, it } from 'vitest';
import { redact, placeholderFor } from './redact.js';
import { resolveOverlaps } from './resolve.js';

describe('redact', () => {
  it('replaces findings with the placeholder of their kind in the item language', () => {
    const t = 'Matti soitti 040-1234567';
    const fs = [{ kind: 'person' as const, start: 0, end: 5 }, { kind: 'phone' as const, start: 13, end: 24 }];
    expect(redact(t, fs, 'fi')).toBe('[nimi poistettu] soitti [puhelinnumero poistettu]');
    expect(redact(t, fs, 'sv')).toBe('[namn borttaget] soitti [telefonnummer borttaget]');
    expect(redact(t, fs, 'en')).toBe('[name removed] soitti [phone number removed]');
  });

  it('keeps text around astral characters intact and merges overlaps', () => {
    const t = '😀 abc def';
    expect(redact(t, [{ kind: 'person', start: 3, end: 6 }, { kind: 'person', start: 4, end: 10 }], 'fi')).toBe('😀 [nimi poistettu]');
    expect(placeholderFor('hetu', 'fi')).toBe('[henkilötunnus poistettu]');
  });
});

describe('resolveOverlaps', () => {
  it('prefers a validated checksum, then the longer span, then the higher score', () => {
    const kept = resolveOverlaps([
      { kind: 'phone', start: 0, end: 12, score: 0.95, explanation: '' },
      { kind: 'hetu', start: 0, end: 11, score: 1, validated: true, explanation: '' },
      { kind: 'person', start: 20, end: 25, score: 0.9, explanation: '' },
      { kind: 'person', start: 20, end: 30, score: 0.6, explanation: '' },
    ]);
    expect(kept.map((f) => [f.kind, f.end])).toEqual([['hetu', 11], ['person', 30]]);
  });
});
