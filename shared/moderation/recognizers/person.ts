import type { ModerationLexicon } from '../lexicon.js';
import type { Finding, Recognizer } from '../types.js';
import { isLocativeForm, nameLemmaCandidates } from '../finnish-inflection.js';

/**
 * Everyday Finnish words that are also frequent names. Kotus alone is too broad a test (it lists
 * "matti" and "pekka"), so these are curated: they are persons only with more evidence.
 */
const EVERYDAY_WORD_NAMES = new Set([
  'onni', 'satu', 'toivo', 'armas', 'helmi', 'aurora', 'tuuli', 'lumi', 'meri', 'valo', 'sisu', 'into', 'usko', 'aamu',
  'rauha', 'lempi', 'taimi', 'pilvi', 'säde', 'unelma', 'lahja', 'ilta', 'aava', 'hilla', 'kielo', 'ruusu', 'kukka',
  'tähti', 'taika', 'taito', 'toimi', 'voitto', 'urho', 'arvo', 'veli', 'sisko', 'visa', 'ukko', 'jalo', 'oiva', 'aarre',
  'tenho', 'touko', 'saga', 'saaga', 'sointu', 'vilja', 'vappu', 'aina', 'elo', 'kai', 'per', 'ali', 'elin', 'tina', 'rita',
  'maya', 'laina', 'kesti', 'tuuri', 'iiris', 'lilja', 'lotta', 'viola', 'minttu', 'kanerva', 'orvokki', 'pinja', 'vanamo',
  'kirsikka', 'nuppu', 'varpu', 'kaisla', 'selja', 'lemmikki', 'tuisku', 'helle', 'ansa', 'sini', 'suvi', 'sara', 'aura',
  'eine', 'maila', 'jade', 'miina', 'siru', 'tuija', 'henna', 'kerttu', 'raita', 'lila', 'posti', 'pesu', 'puisto', 'kela',
]);
// Function words that the DVV lists contain as rare names (The, May, Will, Hei) or that start sentences.
const STOPWORDS = new Set([
  'the', 'and', 'will', 'may', 'can', 'may', 'june', 'april', 'august', 'this', 'that', 'there', 'they', 'we', 'you', 'he', 'she',
  'it', 'in', 'on', 'at', 'for', 'to', 'of', 'is', 'are', 'was', 'but', 'or', 'if', 'so', 'as', 'an', 'a', 'i', 'hi', 'dear',
  'och', 'men', 'om', 'en', 'ett', 'den', 'det', 'de', 'jag', 'vi', 'ni', 'hon', 'han', 'till', 'från', 'med', 'hej', 'tack',
  'hei', 'moi', 'terve', 'kiitos', 'ja', 'tai', 'mutta', 'kun', 'jos', 'että', 'se', 'ne', 'he', 'me', 'te', 'hän', 'minä',
  'sinä', 'on', 'oli', 'ei', 'olen', 'olet', 'olemme', 'olette', 'ovat', 'olin', 'olit', 'olimme', 'olivat', 'ole', 'nyt', 'tämä', 'tuo',
  'kävin', 'asun', 'asumme', 'haluan', 'toivon', 'terveisin', 'hyvä', 'hyvää', 'kiitokset', 'siis', 'myös', 'vaan', 'sekä', 'eli', 'mikä', 'kuka', 'missä', 'miksi', 'miten',
]);
const TITLE_WORDS = [
  'herra', 'rouva', 'neiti', 'opettaja', 'lääkäri', 'hoitaja', 'sairaanhoitaja', 'työntekijä', 'kuljettaja', 'nimeltä',
  'nimeltään', 'kutsuttu', 'virkailija', 'johtaja', 'päällikkö', 'rehtori', 'asukas', 'naapuri', 'naapurini', 'poikani',
  'tyttäreni', 'äitini', 'isäni', 'mieheni', 'vaimoni', 'ystäväni', 'kollega', 'tohtori', 'dosentti', 'professori',
  'terveisin', 'ystävällisin', 't.', 'tervehtien', 'yst.', 'toivoo', 'kirjoittaja', 'lähettäjä', 'allekirjoittanut',
  'herr', 'fru', 'fröken', 'lärare', 'läkare', 'chaufför', 'hälsningar', 'mvh', 'vänliga', 'grannen', 'heter',
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'teacher', 'doctor', 'driver', 'nurse', 'regards', 'sincerely', 'named',
  'called', 'neighbour', 'neighbor', 'colleague', 'wrote', 'kirjoitti', 'sanoi', 'kertoi', 'totesi', 'skrev', 'sa', 'said',
];
const TITLE_SET = new Set(TITLE_WORDS);

type NameClass = 'first' | 'surname' | 'both';
interface Token {
  text: string;
  start: number;
  end: number;
  sentenceStart: boolean;
  initial: boolean;
  cls?: NameClass;
  lemma?: string;
  bearers: number;
  /** also a common word or place: needs more evidence */
  ambiguous: boolean;
  /** capitalised, not a known word and not sentence-initial: may be a foreign name */
  unknownCap: boolean;
  locative: boolean;
}

const TOKEN = /\p{Lu}\.(?=\s)|[\p{L}][\p{L}\p{M}'’-]*[\p{L}]|\p{L}/gu;

function isCapitalised(w: string): boolean {
  return /^\p{Lu}/u.test(w) && !(w.length > 3 && w === w.toUpperCase() && /\p{Lu}{4,}/u.test(w) && false);
}

function atSentenceStart(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n') return true;
    if (/\s/.test(ch) || /["'“”«»(\[–—-]/.test(ch)) continue;
    return /[.!?:;…]/.test(ch);
  }
  return true;
}

export function createPersonRecognizer(lex: ModerationLexicon): Recognizer {
  const lookup = (word: string): { cls: NameClass; lemma: string; bearers: number } | undefined => {
    let best: { cls: NameClass; lemma: string; bearers: number } | undefined;
    const cands = nameLemmaCandidates(word);
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      if (c.length < 2) continue;
      const f = lex.firstNames.get(c) ?? 0;
      const s = lex.surnames.get(c) ?? 0;
      if (!f && !s) continue;
      const bearers = f + s;
      const cls: NameClass = f && s ? 'both' : f ? 'first' : 'surname';
      // The uninflected token wins; among stripped candidates the more common name wins.
      if (i === 0) return { cls, lemma: c, bearers };
      if (!best || bearers > best.bearers) best = { cls, lemma: c, bearers };
    }
    return best;
  };

  const isCommonWordForm = (lower: string): boolean => {
    if (lex.commonWords.has(lower)) return true;
    return false;
  };

  const isAmbiguousName = (lemma: string, bearers: number, cls: NameClass): boolean => {
    if (EVERYDAY_WORD_NAMES.has(lemma) || STOPWORDS.has(lemma) || lex.districts.has(lemma)) return true;
    if (bearers < 60) return true; // very rare entries are often foreign words or typos in the register
    // Nature-word surnames (Niemi, Salo, Aho, Kivi, Mäki, Koski) are also places and common nouns.
    if (lex.commonWords.has(lemma) && cls !== 'first' && !/(nen|la|lä|o)$/.test(lemma)) {
      const f = lex.firstNames.get(lemma) ?? 0;
      const s = lex.surnames.get(lemma) ?? 0;
      if (s >= f) return true;
    }
    return false;
  };

  return {
    kind: 'person',
    find(text) {
      const tokens: Token[] = [];
      for (const m of text.matchAll(TOKEN)) {
        const w = m[0];
        const start = m.index;
        const initial = /^\p{Lu}\.$/u.test(w);
        const tok: Token = { text: w, start, end: start + w.length, sentenceStart: atSentenceStart(text, start), initial, bearers: 0, ambiguous: false, unknownCap: false, locative: false };
        if (!initial && isCapitalised(w)) {
          const lower = w.toLowerCase();
          const hit = STOPWORDS.has(lower) ? undefined : lookup(w);
          if (hit) {
            tok.cls = hit.cls;
            tok.lemma = hit.lemma;
            tok.bearers = hit.bearers;
            tok.locative = isLocativeForm(w, hit.lemma);
            tok.ambiguous = isAmbiguousName(hit.lemma, hit.bearers, hit.cls) || (lower !== hit.lemma && isCommonWordForm(lower));
          } else if (!tok.sentenceStart && !STOPWORDS.has(lower) && !nameLemmaCandidates(w).some((c) => lex.commonWords.has(c) || lex.districts.has(c) || lex.streets.has(c)) && w.length >= 3 && w !== w.toUpperCase()) {
            tok.unknownCap = true;
          }
        }
        tokens.push(tok);
      }

      const findings: Finding[] = [];
      const confirmed = new Set<string>(); // lemmas seen in a strong span: later single mentions count
      const gapOk = (a: Token, b: Token) => /^[ \u00a0]$|^ ?- ?$/.test(text.slice(a.end, b.start));
      const isNameish = (t: Token) => t.cls !== undefined || t.initial;

      const groups: Token[][] = [];
      for (let i = 0; i < tokens.length; ) {
        const t = tokens[i];
        if (!isNameish(t)) { i++; continue; }
        const group = [t];
        let j = i + 1;
        while (j < tokens.length && gapOk(tokens[j - 1], tokens[j]) && (isNameish(tokens[j]) || tokens[j].unknownCap)) {
          group.push(tokens[j]);
          j++;
        }
        // A leading unknown capitalised word right before a known name: "Alain Grisay" is caught by the
        // trailing rule; "Zinédine Zidane" is not (no lexicon evidence at all).
        if (i > 0 && tokens[i - 1].unknownCap && gapOk(tokens[i - 1], t) && t.cls !== 'first') group.unshift(tokens[i - 1]);
        // A sentence-initial word in front of a name is usually a verb or greeting, not a first name ("Olen Matti").
        while (group.length > 1 && group[0].sentenceStart && (group[0].bearers < 500 || lex.commonWords.has(group[0].text.toLowerCase()))) group.shift();
        // Initials alone are not names.
        while (group.length && group[group.length - 1].initial && group.length > 1 && !group.some((g) => g.cls)) group.pop();
        groups.push(group);
        i = j;
      }

      for (const group of groups) {
        const named = group.filter((g) => g.cls !== undefined);
        if (named.length === 0) continue;
        const first = group[0];
        const last = group[group.length - 1];
        const prevWord = previousWord(text, first.start);
        const titled = TITLE_SET.has(prevWord) || TITLE_SET.has(prevWord.replace(/[,:]$/, ''));
        const signature = isSignature(text, first.start, last.end);
        const hasFirst = named.some((g) => g.cls === 'first' || g.cls === 'both');
        const multi = group.length >= 2 && (hasFirst || group.some((g) => g.initial)) && !group.every((g) => g.ambiguous && !g.initial);
        const allAmbiguous = named.every((g) => g.ambiguous);
        let score: number;
        let why: string;
        if (multi) {
          score = 0.9; why = 'first name and surname together';
        } else if (titled) {
          score = 0.85; why = `name after "${prevWord}"`;
        } else if (signature) {
          score = 0.85; why = 'name in a signature';
        } else if (named.some((g) => confirmed.has(g.lemma!))) {
          score = 0.8; why = 'name mentioned in full earlier in the text';
        } else if (allAmbiguous) {
          continue; // Salo, Onni, Kivi... without evidence: most likely the common word or the place
        } else {
          const t = named[0];
          if (t.sentenceStart && lex.commonWords.has(t.text.toLowerCase())) continue;
          score = t.cls === 'surname' ? 0.6 : 0.7;
          if (t.sentenceStart) score -= 0.1;
          if (t.locative) score -= 0.15;
          why = t.cls === 'surname' ? 'surname from the DVV list' : 'first name from the DVV list';
        }
        if (score >= 0.8) for (const g of named) confirmed.add(g.lemma!);
        if (score >= 0.8) for (const g of group) if (g.unknownCap) confirmed.add(g.text.toLowerCase());
        findings.push({ kind: 'person', start: first.start, end: last.end, score, explanation: `${why}: ${group.map((g) => g.lemma ?? g.text).join(' ')}` });
      }
      // Second pass: unknown capitalised words confirmed as surnames in a full name ("Alain Grisay ... Grisay").
      if (confirmed.size) {
        const covered = (t: Token) => findings.some((f) => f.start <= t.start && t.end <= f.end);
        for (const t of tokens) {
          if (covered(t) || !/^\p{Lu}/u.test(t.text)) continue;
          const key = t.text.toLowerCase();
          const hit = confirmed.has(key) || nameLemmaCandidates(t.text).some((c) => confirmed.has(c));
          if (hit) findings.push({ kind: 'person', start: t.start, end: t.end, score: 0.75, explanation: 'same name as a full name earlier in the text' });
        }
      }
      return findings;
    },
  };
}

function previousWord(text: string, start: number): string {
  const m = /(\S+)\s*$/u.exec(text.slice(Math.max(0, start - 40), start));
  return m ? m[1].toLowerCase() : '';
}

/** A name alone on the last line(s), or right after a closing phrase, is a signature. */
function isSignature(text: string, start: number, end: number): boolean {
  const after = text.slice(end);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const aloneOnLine = /^\s*[-–]?\s*$/.test(before) && /^[\s.,!]*(\n|$)/.test(after);
  const atEnd = /^[\s.,!]*$/.test(after);
  return (aloneOnLine && text.slice(end).trim().length < 80 && lineStart > 0) || (atEnd && /(?:^|[\n,.!])\s*[-–]?\s*$/.test(before));
}
