import { describe, expect, it } from 'vitest';
import { findGuardedIdentifiers } from './guard.js';

const kinds = (text: string, allowCityContacts = false) => findGuardedIdentifiers(text, { allowCityContacts }).map((f) => [f.kind, text.slice(f.start, f.end)]);

describe('findGuardedIdentifiers (the central publication guard)', () => {
  it('finds validated hetu, IBAN, old account numbers, emails and phone numbers without any lexicon', () => {
    expect(kinds('Hetu 131052-308T, tili FI21 1234 5600 0007 85, vanha tili 123456-785, maija@example.com, 040 123 4567.')).toEqual([
      ['hetu', '131052-308T'],
      ['iban', 'FI21 1234 5600 0007 85'],
      ['iban', '123456-785'],
      ['email', 'maija@example.com'],
      ['phone', '040 123 4567'],
    ]);
  });

  it('ignores unvalidated look-alikes, dates, postcodes, business ids and the public service addresses', () => {
    expect(kinds('131052-308A, FI21 1234 5600 0007 86, 1.12.2026, 00100 Helsinki, Y-tunnus 0112038-9, helsinki.kirjaamo@hel.fi')).toEqual([]);
  });

  it('allows the city’s own work contacts only in the city’s answer', () => {
    const answer = 'Lisätietoja antaa liikenneinsinööri, puh. 09 310 12345, etunimi.sukunimi@hel.fi.';
    expect(kinds(answer, true)).toEqual([]);
    expect(kinds(answer, false).map((k) => k[0])).toEqual(['phone', 'email']);
    expect(kinds('Soita minulle 040 123 4567 tai matti@example.com', true).map((k) => k[0])).toEqual(['phone', 'email']);
  });
});
