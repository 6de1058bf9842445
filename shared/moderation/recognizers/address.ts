import type { ModerationLexicon } from '../lexicon.js';
import type { Finding, Recognizer } from '../types.js';
import { nameLemmaCandidates } from '../finnish-inflection.js';

// Street-name endings, each with the inflected stems Finnish uses (katu -> kadulla, tie -> tiellä).
const FI_SUFFIX = '(?:katu|kadu|kadun|tie|kuja|kujan|polku|polu|väylä|ranta|ranna|aukio|tori|toria|kaari|kaare|rinne|rintee|piha|puistikko|puistotie|portti|portin|penger|pengere|laituri|mäki|mäe|kallio|niementie|raitti|polun|kulma|kulman|reitti|reitin|ka(?:tu|du)|bulevardi|esplanadi|kaarre|kaartee|linja|linjan|porras|portaa|vainio|vainion)';
const SV_SUFFIX = '(?:gatan|gata|vägen|väg|stigen|stig|gränd|gränden|backen|backe|torget|torg|kajen|allén|allé|stranden|strand|plan|platsen|esplanaden|bågen|slingan|linjen|kroken|brinken|parken)';
const INFLECTION = '(?:\\p{Ll}{0,6})';
const STREET = new RegExp(`(?<![\\p{L}\\p{N}])(\\p{Lu}[\\p{L}-]*?(?:${FI_SUFFIX}|${SV_SUFFIX})${INFLECTION})(?![\\p{L}])`, 'gu');
// house number (5, 5a, 5-7, 5 B), then optional staircase and flat (A 12, B 4, as. 3, lgh 5), then postcode and town
const NUMBER_TAIL = /^[ \u00a0](\d{1,3}(?:[-–]\d{1,3})?[a-z]?)(?:[ \u00a0]?(?:[A-H]|as\.?|asunto|lgh|bst|rappu)[ \u00a0]?\d{1,3}[a-z]?)?(?:,?[ \u00a0\n]*\d{5}(?:[ \u00a0]+\p{Lu}\p{Ll}+)?)?(?![\p{L}\p{N}])/u;
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])\d{5}[ \u00a0]+(?:Helsinki|Helsingfors|Espoo|Esbo|Vantaa|Vanda|Kauniainen|Grankulla|\p{Lu}\p{Ll}{2,})(?![\p{L}])/gu;

export function createAddressRecognizer(lex: ModerationLexicon): Recognizer {
  const knownStreet = (word: string) => nameLemmaCandidates(word).some((c) => lex.streets.has(c));
  return {
    kind: 'address',
    find(text) {
      const out: Finding[] = [];
      const seen = new Set<number>();
      const consider = (start: number, street: string) => {
        if (seen.has(start)) return;
        seen.add(start);
        const end = start + street.length;
        const tail = NUMBER_TAIL.exec(text.slice(end));
        if (tail) {
          const flat = /[A-H]|as\.?|asunto|lgh|bst|rappu/.test(tail[0].slice(tail[1].length + 1));
          out.push({ kind: 'address', start, end: end + tail[0].length, score: flat ? 0.95 : 0.8, explanation: flat ? 'street address with staircase/flat' : 'street address with house number' });
        } else {
          // A street name alone is usually where the pothole is, not where someone lives.
          out.push({ kind: 'address', start, end, score: knownStreet(street) ? 0.35 : 0.3, explanation: 'street name without house number' });
        }
      };
      for (const m of text.matchAll(STREET)) consider(m.index, m[1]);
      // Helsinki streets without a typical suffix (Aallonhalkoja, Esplanadi) when a house number follows.
      for (const m of text.matchAll(/(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]{3,}(?=[ \u00a0]\d)/gu)) {
        if (!seen.has(m.index) && knownStreet(m[0])) consider(m.index, m[0]);
      }
      for (const m of text.matchAll(POSTCODE_TOWN)) {
        if (out.some((f) => f.start <= m.index && m.index < f.end)) continue;
        // A postcode area alone ("00530 Helsinki") does not point at a person; it counts with a street.
        out.push({ kind: 'address', start: m.index, end: m.index + m[0].length, score: 0.35, explanation: 'postcode and town without street' });
      }
      return out;
    },
  };
}
