import type { Finding, Recognizer } from '../types.js';

/**
 * Health and social-services client information (P19d). A term alone is often general feedback
 * ("terveyskeskuksen jonot ovat pitkiä"); with a personal reference nearby it is client information.
 */
const TERMS: string[] = [
  // fi: diagnoses and conditions (stems so inflected and compound forms match)
  'diagnoo', 'diagnosoi', 'sairau', 'sairas', 'sairast', 'syöpä', 'syövä', 'masennu', 'masentu', 'diabete', 'sokeritau', 'astma',
  'epilepsi', 'dementi', 'muistisairau', 'muistisair', 'alzheimer', 'skitsofreni', 'psykoosi', 'kaksisuuntai', 'adhd', 'autismi', 'autisti',
  'hiv$', 'aids$', 'hepatiit', 'mielenterve', 'itsetuho', 'itsemurha', 'päihde', 'päihtee', 'alkoholismi', 'alkoholisti', 'huumeriippu',
  'raskau', 'keskenmen', 'abortti', 'kehitysvamma', 'vammai', 'liikuntarajoit', 'halvau', 'aivoinfarkt', 'sydänkohtau',
  'lääke', 'lääkity', 'lääkkee', 'resepti', 'hoitojakso', 'osastohoi', 'kuntoutu', 'terapi', 'psykiatr', 'psykolog',
  // fi: social services
  'lastensuojel', 'sijoitettu', 'huostaan', 'huostaanot', 'toimeentulotu', 'asiakkuu', 'sosiaalityöntekij', 'sosiaalitoim', 'sosiaalipalvel', 'sosiaaliasema',
  'kotihoi', 'omaishoi', 'vammaispalvel', 'asumispalvel', 'perhetyö', 'velkaneuvon', 'terveyskesku', 'päivystyk', 'päivystyks',
  'sairaala', 'neuvola', 'kouluterveydenh', 'hammashoi',
  // sv
  'diagnos', 'sjukdom', 'cancer', 'depression', 'diabetes', 'medicin', 'barnskydd', 'utkomststöd', 'hälsocentral', 'socialarbetare',
  'klientskap', 'hemvård', 'närståendevård', 'psykisk', 'missbruk', 'sjukhus', 'omhändertag',
  // en
  'diagnos', 'disease', 'illness', 'cancer', 'depress', 'medication', 'prescription', 'child protection', 'child welfare',
  'social assistance', 'social worker', 'health centre', 'health center', 'psychiatr', 'therapy', 'pregnan', 'disabilit', 'hospital',
  'addiction', 'dementia', 'schizophren', 'epilep', 'surgery',
];
const PERSONAL = [
  'minulla', 'minun', 'minua', 'minut', 'minä', 'mulla', 'mun', 'mua', 'olen', 'sairastan', 'sairastin', 'poikani', 'poikamme', 'tyttäreni',
  'tyttäremme', 'lapseni', 'lapsemme', 'lapsellani', 'äitini', 'isäni', 'mieheni', 'vaimoni', 'puolisoni', 'vanhempani', 'isoäitini',
  'mummoni', 'pappani', 'veljeni', 'siskoni', 'sisareni', 'hänellä', 'hänen', 'hänet', 'häntä', 'naapurini', 'asiakkaamme', 'perheemme',
  'meidän', 'meillä', 'olemme', 'kävimme', 'käyneet', 'todettiin', 'diagnosoitiin', 'jouduin', 'jouduimme', 'kävin', 'olin', 'hoidettiin', 'sain', 'saimme',
  'jag', 'mig', 'min', 'mitt', 'mina', 'vår', 'våra', 'vårt', 'hon', 'han', 'hennes', 'hans', 'sonen', 'dottern', 'mamma', 'pappa',
  'my', 'me', 'mine', 'our', 'i', "i'm", 'was', 'his', 'her', 'son', 'daughter', 'mother', 'father', 'husband', 'wife',
];
const PERSONAL_SET = new Set(PERSONAL);

// "hiv$" means the exact word (plus a colon case ending, HIV:n); other terms are word starts.
function termSource(t: string): string {
  const body = t.replace(/\$$/, '').replace(/ /g, '\\s+');
  return t.endsWith('$') ? `${body}(?::\\p{L}+)?(?![\\p{L}])` : `${body}[\\p{L}-]*`;
}

// Phrases are matched as a word-start plus the rest of the word (inflection, compounds).
const TERM_RE = new RegExp(`(?<![\\p{L}])(?:${TERMS.map(termSource).join('|')})`, 'giu');

export const healthRecognizer: Recognizer = {
  kind: 'health',
  find(text) {
    const out: Finding[] = [];
    const words = [...text.matchAll(/[\p{L}']+/gu)].map((m) => ({ w: m[0].toLowerCase(), i: m.index }));
    for (const m of text.matchAll(TERM_RE)) {
      const start = m.index;
      const end = start + m[0].length;
      // a personal reference within the same sentence-ish window (8 words either side)
      const idx = words.findIndex((w) => w.i >= start);
      // Finnish 1st-person possessive suffixes mark a personal reference too (hakemukseni, lapsemme).
      const near = words.slice(Math.max(0, idx - 8), idx + 9).some((w) => PERSONAL_SET.has(w.w) || /^\p{L}{4,}(?:ni|mme)$/u.test(w.w));
      out.push({
        kind: 'health', start, end, score: near ? 0.75 : 0.3,
        explanation: near ? 'health or social-services detail about a person (P19d)' : 'health or social-services term, no personal reference nearby',
      });
    }
    return out;
  },
};
