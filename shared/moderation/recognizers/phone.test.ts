import { describe, expect, it } from 'vitest';
import { phoneRecognizer } from './phone.js';

const found = (t: string) => phoneRecognizer.find(t, { language: 'fi' }).map((f) => t.slice(f.start, f.end));

describe('phone', () => {
  it('finds Finnish numbers in the usual formats', () => {
    for (const n of ['+358 40 123 4567', '040-1234567', '040 123 4567', '0401234567', '09 310 1691', '(09) 3101 691', '+358 9 310 1691', '050 294 94 02', '+46 70 123 45 67']) {
      expect(found(`Soita ${n} kiitos`), n).toEqual([n]);
    }
  });

  it('does not read a hetu, IBAN, account, Y-tunnus, date, time or postcode as a phone number', () => {
    const t = 'Tunnus 131052-308T, tili FI21 1234 5600 0007 85, vanha 123456-785, Y 1572860-0, 1.2.2024 klo 8.00-16.00, 00100 Helsinki, asia 2024-0042, lasku 100234.';
    expect(found(t)).toEqual([]);
  });

  it('keeps a number apart from a following date', () => {
    expect(found('puh 0401234567 1.1.2020 asti')).toEqual(['0401234567']);
  });

  it('reports UTF-16 offsets after astral characters', () => {
    const t = '👍🏽 040-1234567';
    const [f] = phoneRecognizer.find(t, { language: 'fi' });
    expect(f.start).toBe(5);
    expect(t.slice(f.start, f.end)).toBe('040-1234567');
  });
});
