import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { Finding, Recognizer } from '../types.js';
import { hasContextWord } from '../text-utils.js';

// Country code, check digits, then the BBAN written either solid or in groups of (up to) four.
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]){10,30}/giu;
const ACCOUNT_CONTEXT = ['tili', 'tilinumero', 'pankkitili', 'konto', 'kontonummer', 'account', 'iban', 'maksa', 'pay', 'betala'];

/**
 * Longest prefix of the candidate (cut at a group boundary) that validates as an IBAN.
 * The candidate regex is greedy and may run into the next word ("FI21 1234 5600 0007 85 JA"),
 * so we back off instead of trusting its end.
 */
function longestValidIban(raw: string): number {
  for (let end = raw.length; end >= 15; end--) {
    const next = raw[end];
    if (next !== undefined && /[A-Z0-9]/i.test(next)) continue; // never cut inside a group
    const piece = raw.slice(0, end).trimEnd();
    if (piece.length !== end) continue;
    const e = electronicFormatIBAN(piece.toUpperCase());
    if (e && isValidIBAN(e)) return end;
  }
  return 0;
}

export const ibanRecognizer: Recognizer = {
  kind: 'iban',
  find(text) {
    const out: Finding[] = [];
    const re = new RegExp(IBAN_CANDIDATE.source, IBAN_CANDIDATE.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const len = longestValidIban(m[0]);
      // The greedy candidate may have swallowed the next IBAN ("... 85 ja FI21..."): resume after what was used.
      if (len > 0) {
        re.lastIndex = m.index + len;
        out.push({ kind: 'iban', start: m.index, end: m.index + len, score: 1, validated: true, explanation: 'IBAN with valid country length and mod-97 check digits' });
        continue;
      }
      // Looks like a Nordic IBAN but the check digits fail: a typo still exposes the account.
      const digitsOnly = /^(?:FI|SE|AX)\d{2}(?:[ \u00a0]?\d){14,20}/i.exec(m[0]);
      re.lastIndex = m.index + (digitsOnly ? digitsOnly[0].length : 4);
      if (digitsOnly) out.push({ kind: 'iban', start: m.index, end: m.index + digitsOnly[0].length, score: 0.5, explanation: 'IBAN-shaped but check digits do not validate' });
    }
    // Old Finnish domestic account numbers: 6 digits, dash, 2..8 digits (e.g. 123456-785).
    for (const m of text.matchAll(/(?<![\p{L}\p{N}\-+.])(\d{6})-(\d{2,8})(?![\p{L}\p{N}]|-\d)/gu)) {
      const machine = domesticAccountToMachineFormat(m[1], m[2]);
      if (!machine || !luhnValid(machine)) continue;
      const end = m.index + m[0].length;
      const ctx = hasContextWord(text, m.index, end, ACCOUNT_CONTEXT, 50);
      out.push({ kind: 'iban', start: m.index, end, score: ctx ? 0.85 : 0.55, validated: true, explanation: 'old Finnish domestic account number (bank group and Luhn check digit valid)' });
    }
    return out;
  },
};

/**
 * Expand to the 14-digit machine form. Savings banks and OP (groups 4 and 5) pad after the 7th digit,
 * all other banks after the 6th.
 */
export function domesticAccountToMachineFormat(head: string, tail: string): string | null {
  const group = head[0];
  if (!'1234568'.includes(group)) return null;
  if (group === '4' || group === '5') {
    const rest = tail.slice(1);
    const padded = head + tail[0] + rest.padStart(7, '0');
    return padded.length === 14 ? padded : null;
  }
  const padded = head + tail.padStart(8, '0');
  return padded.length === 14 ? padded : null;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const YTUNNUS_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];
const YTUNNUS_CONTEXT = ['y-tunnus', 'ytunnus', 'y tunnus', 'business id', 'fo-nummer', 'företags', 'yritys', 'ly-tunnus', 'vat'];

export function ytunnusCheckDigit(seven: string): number | null {
  const sum = [...seven].reduce((s, c, i) => s + Number(c) * YTUNNUS_WEIGHTS[i], 0);
  const r = sum % 11;
  if (r === 1) return null; // such numbers are never issued
  return r === 0 ? 0 : 11 - r;
}

export function validateYtunnus(code: string): boolean {
  const m = /^(\d{6,7})-(\d)$/.exec(code);
  if (!m) return false;
  return ytunnusCheckDigit(m[1].padStart(7, '0')) === Number(m[2]);
}

export const businessIdRecognizer: Recognizer = {
  kind: 'business_id',
  find(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(/(?<![\p{L}\p{N}\-+.])(?:FI)?(\d{7})-?(\d)(?![\p{L}\p{N}]|-\d)/gu)) {
      const [all, seven, check] = m;
      const dashed = all.includes('-');
      if (ytunnusCheckDigit(seven) !== Number(check)) continue;
      const end = m.index + all.length;
      const ctx = hasContextWord(text, m.index, end, YTUNNUS_CONTEXT, 40);
      if (!dashed && !ctx) continue; // eight bare digits are more often something else
      out.push({ kind: 'business_id', start: m.index, end, score: ctx ? 0.95 : 0.8, validated: true, explanation: 'Y-tunnus (business id) with valid mod-11 check digit' });
    }
    return out;
  },
};
