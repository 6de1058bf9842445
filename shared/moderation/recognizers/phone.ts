import { findNumbers } from 'libphonenumber-js/max';
import type { Finding, Recognizer } from '../types.js';
import { hasContextWord, maskRange } from '../text-utils.js';

const CONTEXT = ['puh', 'puhelin', 'p.', 'gsm', 'soita', 'soittakaa', 'numero', 'tekstari', 'whatsapp', 'tel', 'phone', 'call', 'ring', 'telefon', 'mobile', 'mob', 'nro'];

/**
 * Number-shaped things that are not phone numbers. They are blanked (same length, so offsets hold)
 * before libphonenumber sees the text, because it happily reads "010190-1234" or "00100" + the next
 * digits as a number.
 */
const NOT_PHONE: RegExp[] = [
  /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Y][0-9A-Y*xX#?]{0,4}(?![\p{L}\p{N}])/giu, // hetu, half-masked hetu, birth-date prefix
  /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,4})?/gu, // IBAN
  /(?<![\p{L}\p{N}])\d{1,2}\.\s?\d{1,2}\.(?:\s?\d{2,4})?(?![\p{N}])/gu, // dates 1.1.2020, 24.12.
  /(?<![\p{L}\p{N}])\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/gu, // ISO dates
  /(?<![\p{L}\p{N}])\d{1,2}[:.]\d{2}(?:\s?[-–]\s?\d{1,2}[:.]\d{2})?(?![\p{N}])/gu, // times and ranges 8.00-16.00
  /(?<![\p{L}\p{N}])\d{5}(?=\s+\p{Lu})/gu, // postcode before a town: 00100 Helsinki
  /(?<![\p{L}\p{N}])\d{7}-\d(?![\p{N}])/gu, // Y-tunnus
  /(?<![\p{L}\p{N}])\d{6}-\d{2,8}(?![\p{N}])/gu, // old domestic account numbers
  /(?<![\p{L}\p{N}])(?:19|20)\d{2}-\d{3,6}(?![\p{N}])/gu, // case and reference numbers 2024-0042
  /(?<![\p{L}\p{N}])\d+(?:[,.]\d+)?\s?(?:€|e|eur|euroa|km|m|cm|mm|kg|%|kpl|h|min)(?![\p{L}])/giu, // amounts
];

// A letter libphonenumber does not read as an extension marker (x, #, ext are).
const FILLER = 'q';

export function maskNonPhoneNumbers(text: string): string {
  let masked = text;
  for (const re of NOT_PHONE) {
    for (const m of masked.matchAll(re)) masked = maskRange(masked, m.index, m.index + m[0].length, FILLER);
  }
  return masked;
}

export const phoneRecognizer: Recognizer = {
  kind: 'phone',
  find(text) {
    const masked = maskNonPhoneNumbers(text);
    const out: Finding[] = [];
    for (const n of findNumbers(masked, { defaultCountry: 'FI', v2: true })) {
      let { startsAt, endsAt } = n;
      const raw = text.slice(startsAt, endsAt);
      // Finnish numbers dialled at home always start with the trunk 0; "100234" or "20240042" are ids.
      if (!/^[+(]|^00|^0/.test(raw.trim())) continue;
      if (masked.slice(startsAt, endsAt).includes(FILLER) && !text.slice(startsAt, endsAt).includes(FILLER)) continue;
      while (endsAt > startsAt && /[\s-]/.test(text[endsAt - 1])) endsAt--;
      const ctx = hasContextWord(text, startsAt, endsAt, CONTEXT, 30);
      const type = n.number.getType();
      const mobile = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
      out.push({
        kind: 'phone', start: startsAt, end: endsAt,
        score: ctx ? 0.95 : mobile ? 0.9 : 0.8,
        explanation: `phone number ${n.number.number} (${type ?? 'unknown type'}), valid for ${n.number.country ?? 'international'} numbering plan`,
      });
    }
    return out;
  },
};
