import type { ModerationLexicon } from '../lexicon.js';
import type { Finding, Recognizer } from '../types.js';
import { isLocativeForm, nameLemmaCandidates } from '../finnish-inflection.js';
import { isPlaceName } from '../places.js';

/**
 * Everyday Finnish words that are also frequent names. Kotus alone is too broad a test (it lists
 * "matti" and "pekka"), so these are curated: they are persons only with more evidence.
 */
const EVERYDAY_WORD_NAMES = new Set([
  'onni', 'satu', 'toivo', 'armas', 'helmi', 'aurora', 'tuuli', 'lumi', 'meri', 'valo', 'sisu', 'into', 'usko', 'aamu',
  'rauha', 'lempi', 'taimi', 'pilvi', 'säde', 'unelma', 'lahja', 'ilta', 'aava', 'hilla', 'kielo', 'ruusu', 'kukka',
  'tähti', 'taika', 'taito', 'toimi', 'voitto', 'urho', 'arvo', 'veli', 'sisko', 'visa', 'ukko', 'jalo', 'oiva', 'aarre',
  'tenho', 'touko', 'saga', 'saaga', 'sointu', 'vilja', 'vappu', 'aina', 'elo', 'kai', 'per', 'ali', 'elin', 'tina', 'rita',
  'maya', 'laina', 'kesti', 'tuuri', 'iiris', 'lilja', 'lotta', 'viola', 'kanerva', 'orvokki', 'pinja', 'vanamo',
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
  'niitä', 'niiden', 'näitä', 'noita', 'sitä', 'tätä', 'sen', 'tämän', 'hänen', 'heidän', 'meidän', 'teidän', 'kaikki',
  'niin', 'niihin', 'niillä', 'niistä', 'niille', 'niiltä', 'niissä', 'noihin', 'noilla', 'noista', 'näihin', 'näillä', 'näistä',
  'bar', 'pub', 'pubi', 'half', 'stora', 'block', 'line', 'linen', 'city', 'center', 'centre', 'club', 'hotel', 'cafe', 'café',
  'olleet', 'ollut', 'olleen', 'olleita', 'viellä', 'svenska',
  'ennen', 'jälkeen', 'koska', 'vaikka', 'sitten', 'kuitenkin', 'vielä', 'aina', 'usein', 'paljon', 'omasta', 'mielestäni',
  'jokainen', 'moni', 'monet', 'muut', 'muu', 'eilen', 'huomenna', 'siksi', 'joten', 'lisäksi', 'myöhemmin', 'help', 'odota',
  'meillä', 'teillä', 'heillä', 'minulla', 'sinulla', 'hänellä', 'do', 'be', 'you', 'know', 'my', 'your', 'me', 'with', 'from',
  'by', 'not', 'no', 'yes', 'all', 'one', 'new', 'love', 'music', 'song', 'store', 'day', 'man', 'king', 'queen', 'big', 'little',
  'kävin', 'asun', 'asumme', 'haluan', 'toivon', 'terveisin', 'hyvä', 'hyvää', 'kiitokset', 'siis', 'myös', 'vaan', 'sekä', 'eli', 'mikä', 'kuka', 'missä', 'miksi', 'miten',
]);
const TITLE_WORDS = [
  'herra', 'rouva', 'neiti', 'opettaja', 'lääkäri', 'hoitaja', 'sairaanhoitaja', 'työntekijä', 'kuljettaja', 'nimeltä',
  'nimeltään', 'kutsuttu', 'virkailija', 'johtaja', 'päällikkö', 'rehtori', 'asukas', 'naapuri', 'naapurini', 'poikani',
  'tyttäreni', 'äitini', 'isäni', 'mieheni', 'vaimoni', 'ystäväni', 'kollega', 'tohtori', 'dosentti', 'professori',
  'terveisin', 'ystävällisin', 't.', 'tervehtien', 'yst.', 'toivoo', 'kirjoittaja', 'lähettäjä', 'allekirjoittanut',
  'herr', 'fru', 'fröken', 'lärare', 'läkare', 'chaufför', 'hälsningar', 'mvh', 'vänliga', 'grannen', 'heter',
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'dr', 'dr.', 'teacher', 'doctor', 'driver', 'nurse', 'regards', 'sincerely', 'named',
  'komisario', 'presidentti', 'ministeri', 'pääministeri', 'jäsen', 'edustaja', 'kansanedustaja', 'kirjailija', 'laulaja',
  'näyttelijä', 'valmentaja', 'pelaaja', 'kapteeni', 'piispa', 'pastori', 'kuvanveistäjä', 'taiteilija', 'toimittaja',
  'tutkija', 'puheenjohtaja', 'pormestari', 'apulaispormestari', 'ohjaaja', 'säveltäjä', 'poliisi', 'konstaapeli',
  'called', 'neighbour', 'neighbor', 'colleague', 'wrote', 'kirjoitti', 'sanoi', 'kertoi', 'totesi', 'skrev', 'sa', 'said',
  // maiden names and saints: "( o.s. Saadlo", "född Lindqvist", "Pyhä Johannes"
  'o.s.', 'os.', 'omaa', 'née', 'nee', 'född', 'f.', 'pyhä', 'pyhän', 'saint', 'sankt', 'st.',
];
const TITLE_SET = new Set(TITLE_WORDS);

// Surname endings (Damaskolainen, Meskanen, Rantala, Lindström): after a sure first name such a word is a surname
// even when it also parses as a Finnish compound.
const SURNAME_SHAPE = /(?:nen|sen|lainen|läinen|la|lä|lan|län|sson|son|ström|qvist|kvist|lund|berg|blom|roos)$/u;

const STREET_WORD = /(?:katu|kadu\p{L}*|tie|tien|tiellä|tieltä|tielle|tietä|kuja\p{L}*|polku|polu\p{L}*|väylä\p{L}*|gatan|vägen|stigen|gränd\p{L}*)$/iu;

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
    if (/\s/.test(ch) || /["'“”«»(\[–—−•*·-]/.test(ch)) continue;
    return /[.!?:;…]/.test(ch);
  }
  return true;
}

export function createPersonRecognizer(lex: ModerationLexicon): Recognizer {
  const lookup = (word: string): { cls: NameClass; lemma: string; bearers: number } | undefined => {
    let best: { cls: NameClass; lemma: string; bearers: number; weight: number } | undefined;
    const cands = nameLemmaCandidates(word);
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      if (c.length < 2) continue;
      const f = lex.firstNames.get(c) ?? 0;
      const s = lex.surnames.get(c) ?? 0;
      if (!f && !s) continue;
      const bearers = f + s;
      const cls: NameClass = f && s ? 'both' : f ? 'first' : 'surname';
      // The more common reading wins; the uninflected token gets a 10x head start (Timon is a rare name,
      // but nearly always Timo in the genitive).
      const weight = i === 0 ? bearers * 10 : bearers;
      if (!best || weight > best.weight) best = { cls, lemma: c, bearers, weight };
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
    if (lex.commonWords.has(lemma) && cls !== 'first' && !/(nen|la|lä)$/.test(lemma)) {
      const f = lex.firstNames.get(lemma) ?? 0;
      const s = lex.surnames.get(lemma) ?? 0;
      if (s >= f) return true;
    }
    return false;
  };

  /** Capitalised, not a stop word, not a Finnish common word or place in any inflected reading. */
  const couldBeForeignName = (t: Token): boolean => {
    if (t.initial || !/^\p{Lu}/u.test(t.text) || t.text.length < 3 || t.text === t.text.toUpperCase()) return false;
    // "File-lehti", "Autobild-lehti", "Damn Seagulls -yhtye": a hyphenated head noun names an organisation or a work
    if (t.text.includes('-') && isOrgHead(t.text.slice(t.text.lastIndexOf('-') + 1).toLowerCase())) return false;
    if (isPlaceName(t.text)) return false;
    // Finnish compounds (Sallivaara = salli + vaara, File-lehti) are places and titles, not foreign names.
    if (nameLemmaCandidates(t.text).some((c) => isFinnishCompound(c))) return false;
    // Finnish case or possessive endings mark a Finnish word, not a foreign name (Mielestäni, Omasta).
    if (t.sentenceStart && /(ni|si|mme|nne|nsa|nsä|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä)$/.test(t.text)) return false;
    const lower = t.text.toLowerCase();
    if (STOPWORDS.has(lower)) return false;
    return !nameLemmaCandidates(t.text).some((c) => lex.commonWords.has(c) || lex.districts.has(c) || lex.streets.has(c));
  };

  const isFinnishCompound = (word: string): boolean => {
    if (/[bcfqwxzšžéáü]/.test(word)) return false; // letters Finnish words do not use: a foreign name (Seacrest)
    const parts = word.split('-');
    if (parts.length > 1 && lex.commonWords.has(parts[parts.length - 1])) return true;
    for (let k = 3; k <= word.length - 5; k++) if (lex.commonWords.has(word.slice(k))) return true;
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
        // Street names built from person names (Aleksis Kiven katu, Kyösti Kallion tie) are places.
        // ...unless it stands right after a sure first name with no house number after it ("Annika Lapintie hävisi").
        const prevTok = tokens[tokens.length - 1];
        const afterFirstName = prevTok !== undefined && prevTok.cls === 'first' && !prevTok.ambiguous && text.slice(prevTok.end, start) === ' ' && !/^\s*\d/.test(text.slice(start + w.length));
        const streetLike = STREET_WORD.test(w) && !lex.surnames.has(w.toLowerCase()) && !afterFirstName;
        if (!initial && isCapitalised(w) && !streetLike) {
          const lower = w.toLowerCase();
          const hit = STOPWORDS.has(lower) ? undefined : lookup(w);
          if (hit) {
            tok.cls = hit.cls;
            tok.locative = isLocativeForm(w, hit.lemma);
            tok.lemma = hit.lemma;
            tok.bearers = hit.bearers;
            // An inflected form that also reads as an inflected common word or place (Omasta = oma, Kupit = kuppi,
            // Helsingin = Helsinki) is ambiguous.
            const other = (lower !== hit.lemma || hit.bearers < 1000) && nameLemmaCandidates(w).some((c) => c !== hit.lemma && c.length >= 3 && (lex.commonWords.has(c) || lex.districts.has(c) || lex.streets.has(c)));
            // A rare name reached only by stripping an ending (Olleet -> Olle, Amerin -> Amer) is weak evidence.
            const rareInflected = lower !== hit.lemma && hit.bearers < 500;
            // A surname in a place case (Virossa, Suomeen) is far more often the place.
            const placeCase = hit.cls === 'surname' && tok.locative;
            const inflectedWord = lower !== hit.lemma && lex.commonWords.has(hit.lemma) && hit.bearers < 1000;
            tok.ambiguous = isAmbiguousName(hit.lemma, hit.bearers, hit.cls) || other || placeCase || inflectedWord || rareInflected || isPlaceName(w) || lex.streets.has(hit.lemma);
          } else if (!STOPWORDS.has(lower) && !lex.commonWords.has(lower) && !lex.districts.has(lower) && !isPlaceName(w) && (!isFinnishCompound(lower) || (afterFirstName && SURNAME_SHAPE.test(lower))) && w.length >= 2 && (w !== w.toUpperCase() || w.length >= 3)) {
            // loose test: may continue a name after a first name ("Emmanuel Petit", "Alain Grisay")
            tok.unknownCap = true;
          }
        }
        tokens.push(tok);
      }

      const findings: Finding[] = [];
      const confirmed = new Set<string>(); // lemmas seen in a strong span: later single mentions count
      const dropped: Token[][] = [];
      const foreignStems = new Set<string>(); // unknown words confirmed as names; inflected mentions share the stem
      const gapOk = (a: Token, b: Token) => /^[ \u00a0]$|^ ?- ?$/.test(text.slice(a.end, b.start));
      const isNameish = (t: Token) => t.cls !== undefined || t.initial;

      const groups: Token[][] = [];
      for (let i = 0; i < tokens.length; ) {
        const t = tokens[i];
        if (!isNameish(t)) { i++; continue; }
        const group = [t];
        let j = i + 1;
        // Unknown capitalised words join only after a first name or initial ("Alain Grisay", "Tilda Salatun"),
        // not after a surname ("Halonen Irlantiin") or an organisation-like start.
        const canJoinUnknown = (prev: Token) => prev.initial || prev.cls === 'first' || prev.cls === 'both';
        // A surname (or a foreign word standing in for one) ends the name unless a hyphen joins a double surname.
        // In Finnish only the last part of a full name inflects (Matti Virtasen): an inflected part ends it
        // ("Inarin Sallivaara" is Inari's Sallivaara).
        const inflected = (t: Token) => t.lemma !== undefined && t.text.toLowerCase() !== t.lemma;
        const endsName = (prev: Token, next: Token) => ((prev.cls === 'surname' || (!prev.cls && !prev.initial)) && !/-/.test(text.slice(prev.end, next.start))) || inflected(prev);
        while (j < tokens.length && gapOk(tokens[j - 1], tokens[j]) && !endsName(tokens[j - 1], tokens[j]) && (isNameish(tokens[j]) || (tokens[j].unknownCap && canJoinUnknown(tokens[j - 1])))) {
          group.push(tokens[j]);
          j++;
        }
        // A leading unknown capitalised word right before a known name: "Alain Grisay" is caught by the
        // trailing rule; "Zinédine Zidane" is not (no lexicon evidence at all).
        if (i > 0 && (t.cls === 'first' || t.cls === 'both') && gapOk(tokens[i - 1], t) && couldBeForeignName(tokens[i - 1]) && !/(iden|jen|tten|ten)$/.test(tokens[i - 1].text)) group.unshift(tokens[i - 1]);
        // "T. Matti Pakkanen": T. is the sign-off (terveisin), not an initial, when a first name follows.
        if (group.length > 1 && group[0].initial && /^[Tt]\.$/.test(group[0].text) && (group[1].cls === 'first' || group[1].cls === 'both')) group.shift();
        // A sentence-initial word in front of a name is usually a verb or greeting, not a first name ("Olen Matti").
        while (group.length > 1 && group[0].sentenceStart && group[0].cls && group[0].bearers < 1000 && lex.commonWords.has(group[0].text.toLowerCase())) group.shift();
        // Initials alone are not names.
        while (group.length && group[group.length - 1].initial && group.length > 1 && !group.some((g) => g.cls)) group.pop();
        groups.push(group);
        i = j;
      }

      // Foreign names after a title word: "rouva Graenitziä", "jäsen Rosado Fernandesia".
      for (let i = 1; i < tokens.length; i++) {
        const t = tokens[i];
        const prev = previousWord(text, t.start);
        // "o.s. Saadlo", "Dr. Smith": the abbreviation's dot ends no sentence
        const abbreviatedTitle = prev.endsWith('.') && TITLE_SET.has(prev);
        if (t.cls || !couldBeForeignName(t) || (t.sentenceStart && !abbreviatedTitle)) continue;
        if (isOrgHead(prev)) continue;
        if (!isTitle(prev) || /^(sanoi|kertoi|totesi|kirjoitti|skrev|sa|said|wrote|t\.|terveisin)$/.test(prev)) continue;
        let j = i;
        while (j + 1 < tokens.length && gapOk(tokens[j], tokens[j + 1]) && (tokens[j + 1].cls || couldBeForeignName(tokens[j + 1]))) j++;
        groups.push(tokens.slice(i, j + 1).map((g) => (g.cls ? g : { ...g, cls: 'surname' as const, lemma: g.text.toLowerCase(), bearers: 100 })));
        i = j;
      }
      // "Hypatia-niminen tytär", "Kalle-nimisen": the word before -niminen is a name by definition.
      for (const t of tokens) {
        const m = /^(\p{Lu}[\p{L}'’]+)-nimi(?:nen|sen|selle|seltä|sestä|stä|set|siä)$/u.exec(t.text);
        if (!m) continue;
        findings.push({ kind: 'person', start: t.start, end: t.start + m[1].length, score: 0.8, explanation: 'word before "-niminen" (named)' });
        foreignStems.add(foreignStem(m[1]));
        const hit = lookup(m[1]);
        if (hit) confirmed.add(hit.lemma);
      }
      // Foreign names doing what people do: "Simonides nauroi", "sanoi Theron", "Yamashinan mukaan".
      const cued = new Set<Token>();
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.cls || !couldBeForeignName(t) || t.text.length < 4) continue;
        const next = tokens[i + 1];
        const prev = tokens[i - 1];
        const nextWord = next && /^[ ,]+$/.test(text.slice(t.end, next.start)) ? next.text.toLowerCase() : '';
        const prevWord = prev && /^[ ,]+$/.test(text.slice(prev.end, t.start)) ? prev.text.toLowerCase() : '';
        const after = text.slice(t.end, t.end + 12);
        if (prev && text.slice(prev.end, t.start) === ' ' && isOrgHead(prevWord)) continue;
        const personHead = !t.sentenceStart && /n$/.test(t.text) && PERSON_HEADS.some((h) => nextWord.startsWith(h) && nextWord.length - h.length <= 6);
        if (personHead || PERSON_VERBS.has(nextWord) || (/^(sanoi|kertoi|kysyi|vastasi|totesi|huusi|said|asked|sa|frågade)$/.test(prevWord) && /^\s*[.,!?]/.test(after)) || /^:n (mukaan|mielestä)/.test(after)) {
          if (groups.some((g) => g.includes(t))) continue;
          cued.add(t);
          groups.push([{ ...t, cls: 'surname', lemma: t.text.toLowerCase(), bearers: 100 }]);
        }
      }
      groups.sort((a, b) => a[0].start - b[0].start);

      for (const group of groups) {
        const named = group.filter((g) => g.cls !== undefined);
        if (named.length === 0) {
          // "I. YATES": an initial followed by a capitalised word
          if (group.length >= 2 && group[0].initial && group.slice(1).every((g) => g.unknownCap)) {
            findings.push({ kind: 'person', start: group[0].start, end: group[group.length - 1].end, score: 0.7, explanation: 'initial and surname' });
          }
          continue;
        }
        const first = group[0];
        const last = group[group.length - 1];
        const prevWord = previousWord(text, first.start);
        const titled = isTitle(prevWord);
        // "uutistoimisto Bloomberg", "elokuvaan Flash Gordon", "Inarin alueella": organisations, works, places
        if (isOrgHead(prevWord)) continue;
        if (/n$/.test(last.text) && PLACE_NOUNS.some((h) => nextWordAfter(text, last.end).startsWith(h))) continue;
        const signature = isSignature(text, first.start, last.end);
        const hasFirst = named.some((g) => g.cls === 'first' || g.cls === 'both');
        const multi = group.length >= 2 && (hasFirst || group.some((g) => g.initial)) && named.length + group.filter((g) => g.unknownCap).length >= 2;
        const allAmbiguous = named.every((g) => g.ambiguous);
        let score: number;
        let why: string;
        if (multi && allAmbiguous && named.length < 2 && named.some((g) => g.locative || isPlaceName(g.text) || lex.districts.has(g.lemma!))) {
          dropped.push(group); // "Hermannissa Sörnäistenkadulla": an ambiguous word plus an unknown one is no pair
          continue;
        } else if (multi && allAmbiguous) {
          score = 0.75; why = 'first name and surname together (each also a common word)';
        } else if (multi) {
          score = 0.9; why = 'first name and surname together';
        } else if (titled) {
          score = 0.85; why = `name after "${prevWord}"`;
        } else if (signature) {
          score = 0.85; why = 'name in a signature';
        } else if (named.some((g) => confirmed.has(g.lemma!))) {
          score = 0.8; why = 'name mentioned in full earlier in the text';
        } else if (group.length === 1 && [...cued].some((c) => c.start === group[0].start)) {
          score = 0.75; why = 'unknown capitalised word acting as a person (followed by a speech or action verb)';
        } else if (allAmbiguous && group.length >= 2 && named.length >= 2) {
          score = 0.75; why = 'two names together (each also a common word)';
        } else if (allAmbiguous && group.length === 1 && PERSON_VERBS.has(nextWordAfter(text, last.end)) && !lex.commonWords.has(named[0].lemma!)) {
          score = 0.7; why = 'rare name followed by a speech or action verb';
        } else if (allAmbiguous) {
          dropped.push(group); // Salo, Onni, Kivi... without evidence: most likely the common word or the place
          continue;
        } else {
          const t = named[0];
          if (t.sentenceStart && t.bearers < 1000 && lex.commonWords.has(t.text.toLowerCase())) continue;
          score = t.cls === 'surname' ? 0.6 : 0.7;
          // A lone surname opening a sentence is as often a place or a demonym (Turkulainen, Laitilan).
          // -nen surnames (Himanen) are rarely anything else, but -lainen/-läinen are also demonyms.
          if (t.sentenceStart) score -= t.cls !== 'surname' ? 0.1 : /[^l]ainen$|[^l]äinen$|[^aä]inen$|[^i]nen$/.test(t.lemma!) ? 0.1 : 0.25;
          if (t.locative) score -= 0.15;
          why = t.cls === 'surname' ? 'surname from the DVV list' : 'first name from the DVV list';
        }
        if (score >= 0.75) for (const g of named) confirmed.add(g.lemma!);
        const propagates = score >= 0.8 || why.startsWith('unknown capitalised');
        if (propagates) for (const g of group) if (!g.cls || g.bearers === 100 || g.unknownCap) foreignStems.add(foreignStem(g.text));
        findings.push({ kind: 'person', start: first.start, end: last.end, score, explanation: `${why}: ${group.map((g) => g.lemma ?? g.text).join(' ')}` });
      }
      // Ambiguous names listed together with accepted names: "Lintu, Jonna ja Minttu", "Caron ja Sophien".
      for (const group of dropped) {
        const first = group[0];
        const last = group[group.length - 1];
        const coordinated = findings.some((f) => {
          const gapAfter = text.slice(last.end, f.start);
          const gapBefore = text.slice(f.end, first.start);
          return (f.start > last.end && /^\s*(,|ja|och|and|sekä|tai|eller|or)\s*$/u.test(gapAfter)) || (f.end < first.start && /^\s*(,|ja|och|and|sekä|tai|eller|or)\s*$/u.test(gapBefore));
        });
        if (!coordinated) continue;
        findings.push({ kind: 'person', start: first.start, end: last.end, score: 0.75, explanation: `listed together with other names: ${group.map((g) => g.lemma ?? g.text).join(' ')}` });
        for (const g of group) if (g.lemma) confirmed.add(g.lemma);
      }
      // Second pass: unknown capitalised words confirmed as surnames in a full name ("Alain Grisay ... Grisay").
      if (confirmed.size || foreignStems.size) {
        const covered = (t: Token) => findings.some((f) => f.start <= t.start && t.end <= f.end);
        for (const t of tokens) {
          if (covered(t) || !/^\p{Lu}/u.test(t.text) || STOPWORDS.has(t.text.toLowerCase())) continue;
          const key = t.text.toLowerCase();
          const hit = confirmed.has(key) || nameLemmaCandidates(t.text).some((c) => confirmed.has(c)) ||
            [...foreignStems].some((st) => st.length >= 4 && key.startsWith(st) && key.length - st.length <= 5);
          if (hit) findings.push({ kind: 'person', start: t.start, end: t.end, score: 0.75, explanation: 'same name as a full name earlier in the text' });
        }
      }
      // Hints below the default threshold: a capitalised word mid-sentence that is no Finnish word, place or
      // listed name is as often a brand or a title as a person, so scan() drops these; an editor that asks
      // for minScore 0.3 can show them as "maybe a name" (Turku dev: recall about 0.89 at precision about 0.55).
      const coveredSoFar = (t: Token) => findings.some((f) => f.start < t.end && t.start < f.end);
      for (let i = 0; i < tokens.length; i++) {
        const t = tokens[i];
        if (t.cls || t.initial || t.sentenceStart || coveredSoFar(t) || !couldBeForeignName(t) || isOrgHead(previousWord(text, t.start))) continue;
        let j = i;
        while (j + 1 < tokens.length && gapOk(tokens[j], tokens[j + 1]) && !coveredSoFar(tokens[j + 1]) && (tokens[j + 1].cls || couldBeForeignName(tokens[j + 1]))) j++;
        const last = tokens[j];
        if (!(/n$/.test(last.text) && PLACE_NOUNS.some((h) => nextWordAfter(text, last.end).startsWith(h)))) {
          findings.push({ kind: 'person', start: t.start, end: last.end, score: 0.3, explanation: 'capitalised word that is no Finnish word, place or listed name (maybe a name)' });
        }
        i = j;
      }
      return findings;
    },
  };
}

/** "Simonides" -> "simonide", "Hypatia" -> "hypati": the part Finnish case endings attach to. */
function foreignStem(word: string): string {
  const w = word.toLowerCase();
  return w.length >= 6 ? w.slice(0, -1) : w;
}

// 3rd person verbs (fi past and present, sv, en) whose subject is nearly always a person.
const PERSON_VERBS = new Set([
  'sanoi', 'sanoo', 'kertoi', 'kertoo', 'totesi', 'toteaa', 'kysyi', 'kysyy', 'vastasi', 'vastaa', 'päätti', 'päättää', 'nauroi',
  'naurahti', 'ajatteli', 'ajattelee', 'muisti', 'muistaa', 'tajusi', 'tajuaa', 'huomasi', 'huomaa', 'halusi', 'haluaa', 'toivoi',
  'toivoo', 'pelkäsi', 'suuttui', 'sääli', 'itki', 'hymyili', 'huusi', 'kuiskasi', 'rakastui', 'rakasti', 'odotti', 'ui',
  'sukelsi', 'hyppäsi', 'juoksi', 'käveli', 'istui', 'nukkui', 'syntyi', 'kuoli', 'asui', 'asuu', 'opiskeli', 'opiskelee',
  'työskenteli', 'työskentelee', 'esitti', 'esittää', 'lauloi', 'laulaa', 'kirjoitti',
  'kirjoittaa', 'ihmettelee', 'ihmetteli', 'väitti', 'väittää', 'uskoi', 'uskoo', 'tunsi', 'tuntee', 'tiesi', 'tietää',
  'taistelee', 'taisteli', 'hylkäsi', 'lähetti', 'tapasi', 'lähti', 'palasi',
  'sa', 'säger', 'frågade', 'svarade', 'said', 'says', 'asked', 'told', 'replied', 'decided', 'thinks', 'thought', 'wrote',
]);

/**
 * Nouns a person's genitive goes with and an organisation's rarely does: "Ovidiuksen teoksessa",
 * "Napolitanon mietinnössä", "Newtonin teoriaan", "Arnazin vaimo". Stems, so inflected forms match.
 */
const PERSON_HEADS = [
  'teos', 'teokse', 'teoksi', 'mietin', 'teoria', 'teorio', 'luoma', 'kirjoittama', 'säveltämä', 'ohjaama', 'maalaama', 'elämäkert', 'muistelm',
  'vaimo', 'puoliso', 'aviomie', 'poika', 'poja', 'tytär', 'tyttär', 'isä', 'äiti', 'veli', 'velje', 'sisar', 'sisko', 'ystävä', 'oppilas', 'oppilaa',
  'mielestä', 'mielipite', 'syntymä', 'kuolema', 'hautajai', 'lapsuu', 'nuoruu', 'uralla', 'uransa',
];

// Compound titles end in a title word (tallipäällikkö, argentiinalaismalli); genitive forms too (tähtipelaajan).
const TITLE_SUFFIXES = [...TITLE_WORDS.filter((w) => w.length >= 5), 'malli', 'kuningas', 'kuningatar', 'lautturi', 'soturi', 'murhaaja', 'prinssi', 'prinsessa', 'keisari', 'jumala'];
function isTitle(word: string): boolean {
  const w = word.replace(/[,:]$/, '');
  if (TITLE_SET.has(w)) return true;
  return TITLE_SUFFIXES.some((t) => w.endsWith(t) || (w.endsWith('n') && w.slice(0, -1).endsWith(t)) || w.endsWith(t.replace(/a$/, 'an')));
}

// Nouns that introduce an organisation or a work by name (stems: inflected forms match too).
const ORG_OR_WORK_HEADS = [
  'uutistoimisto', 'lehti', 'lehde', 'yhtiö', 'yritys', 'yritykse', 'järjestö', 'puolue', 'seura', 'joukkue', 'yhtye', 'bändi',
  'ravintola', 'kauppa', 'hotelli', 'elokuva', 'romaani', 'lastenromaani', 'kirja', 'albumi', 'levy', 'kappale', 'sarja', 'ohjelma',
  'peli', 'merkki', 'konserni', 'pankki', 'sanomalehti', 'tv-kanava', 'kanava', 'festivaali', 'tapahtuma', 'laiva', 'alus',
  'company', 'newspaper', 'band', 'album', 'film', 'movie', 'tidning', 'bolag', 'koodinimi',
];
/** The head noun itself or an inflected form of it (elokuvaan, lehden), not a longer word (kirjaston). */
function isOrgHead(word: string): boolean {
  return ORG_OR_WORK_HEADS.some((h) => word.startsWith(h) && word.length - h.length <= 3);
}

// Place nouns after a genitive: "Inarin alueella", "Luiron rannalla", "Mar Saban luostarissa"
const PLACE_NOUNS = [
  'alue', 'kunna', 'kunta', 'kaupun', 'kylä', 'kylä', 'ranna', 'ranta', 'järve', 'järvi', 'joe', 'joki', 'saare', 'saari',
  'kaupunginosa', 'asema', 'koulu', 'kirko', 'kirkko', 'luostari', 'linna', 'puisto', 'satama', 'lentokenttä', 'maakunna', 'lääni',
  'hallintoalue', 'yliopisto', 'sairaala', 'kadu', 'katu', 'tie', 'torilla', 'tori',
];

function nextWordAfter(text: string, end: number): string {
  const m = /^[ ]+(\p{L}+)/u.exec(text.slice(end, end + 30));
  return m ? m[1].toLowerCase() : '';
}

function previousWord(text: string, start: number): string {
  const m = /(\S+)\s*$/u.exec(text.slice(Math.max(0, start - 40), start));
  // "(o.s. Saadlo)": an opening bracket or quote belongs to no word
  return m ? m[1].toLowerCase().replace(/^[(\["'“”«»]+/u, '') : '';
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
