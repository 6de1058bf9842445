import { describe, expect, it } from 'vitest';
import { businessIdRecognizer, ibanRecognizer, validateYtunnus } from './bank.js';

const ctx = { language: 'fi' as const };
const texts = (t: string, fs: { start: number; end: number }[]) => fs.map((f) => t.slice(f.start, f.end));

describe('IBAN and old account numbers', () => {
  it('finds spaced and solid IBANs and stops before the next word', () => {
    const t = 'Tilille FI21 1234 5600 0007 85 ja FI2112345600000785 JA SE4550000000058398257466 kiitos';
    const fs = ibanRecognizer.find(t, ctx);
    expect(texts(t, fs)).toEqual(['FI21 1234 5600 0007 85', 'FI2112345600000785', 'SE4550000000058398257466']);
    expect(fs.every((f) => f.validated)).toBe(true);
  });

  it('does not validate an IBAN with wrong check digits', () => {
    const fs = ibanRecognizer.find('FI22 1234 5600 0007 85', ctx);
    expect(fs.every((f) => !f.validated && f.score < 1)).toBe(true);
  });

  it('finds an old domestic account number only when its Luhn check holds', () => {
    expect(texts('tili 123456-785', ibanRecognizer.find('tili 123456-785', ctx))).toEqual(['123456-785']);
    expect(ibanRecognizer.find('tili 123456-786', ctx)).toEqual([]);
  });
});

describe('Y-tunnus', () => {
  it('checks the mod-11 check digit', () => {
    expect(validateYtunnus('1572860-0')).toBe(true);
    expect(validateYtunnus('1572860-1')).toBe(false);
    expect(validateYtunnus('0112038-9')).toBe(true);
  });

  it('finds dashed business ids, and bare digits only with context', () => {
    expect(businessIdRecognizer.find('Y-tunnus 1572860-0', ctx)).toHaveLength(1);
    expect(businessIdRecognizer.find('koodi 1572860-1', ctx)).toEqual([]);
    expect(businessIdRecognizer.find('tilausnumero 15728600', ctx)).toEqual([]);
    expect(businessIdRecognizer.find('y-tunnus 15728600', ctx)).toHaveLength(1);
  });
});
