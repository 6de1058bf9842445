import type { Finding, Recognizer } from '../types.js';
import { hasContextWord } from '../text-utils.js';

const CONTEXT = ['rekisteri', 'rekkari', 'rek.', 'rek ', 'auto', 'ajoneuvo', 'kuljettaja', 'pysäköi', 'parkkee', 'taksi', 'bussi', 'pakettiauto', 'kuorma-auto', 'mopo', 'moottoripyörä', 'bil', 'registreringsnummer', 'regnummer', 'car', 'plate', 'licence', 'license', 'registration', 'vehicle', 'van', 'parked', 'parkerad'];
// Letter codes that look like plates but are everyday abbreviations (COVID-19, HSL-1, EU-27, ALV-24).
const NOT_PLATES = new Set(['COVID', 'SARS', 'EU', 'ALV', 'HSL', 'HUS', 'ISO', 'SFS', 'EN', 'VR', 'HKL', 'YLE', 'MTV', 'KELA', 'TV', 'PM', 'IT', 'ID', 'NO', 'NRO', 'KLO', 'PUH', 'SOTE', 'MP', 'KM', 'MM', 'AB', 'OY', 'RY', 'LY', 'USB', 'WC', 'HD', 'PDF']);
const PLATE = /(?<![\p{L}\p{N}-])([A-ZÅÄÖ]{2,3})[- ](\d{1,3})(?![\p{L}\p{N}]|[-.,]\d)/gu;

export const plateRecognizer: Recognizer = {
  kind: 'plate',
  find(text) {
    const out: Finding[] = [];
    for (const m of text.matchAll(PLATE)) {
      const end = m.index + m[0].length;
      // "rekkari oli HKL-921": an explicit plate word overrides the abbreviation list
      const explicit = /(rekisteri\p{L}*|rekkari\p{L}*|rek\.?|reg\.?|plate|registreringsnummer|regnummer)[\s:]*(?:\p{L}+\s+){0,2}$/iu.test(text.slice(Math.max(0, m.index - 40), m.index));
      if (NOT_PLATES.has(m[1]) && !explicit) continue;
      const dash = m[0].includes('-');
      const ctx = hasContextWord(text, m.index, end, CONTEXT, 60);
      if (!ctx && !dash) continue; // "ABC 123" without context is too often something else
      out.push({ kind: 'plate', start: m.index, end, score: ctx ? 0.85 : 0.45, explanation: ctx ? 'vehicle registration plate (context word nearby)' : 'plate-shaped code without vehicle context' });
    }
    return out;
  },
};
