/**
 * Candidate base forms for an inflected Finnish (or foreign) proper noun. Over-generates on purpose:
 * the caller keeps only candidates found in a name list, so a wrong guess costs nothing.
 */
const ENDINGS = [
  'ineen', 'iksi', 'ille', 'ilta', 'iltä', 'ista', 'istä', 'issa', 'issä', 'illa', 'illä', 'ineen', 'ina', 'inä',
  'seen', 'kaan', 'kään', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä', 'kin',
  'hin', 'hen', 'han', 'hän', 'hon', 'hun', 'hyn', 'na', 'nä', 'ta', 'tä', 'n', 'a', 'ä', 't',
];

// weak grade (as seen in oblique forms) -> strong grade of the base form; applied to the last consonant cluster
const WEAK_TO_STRONG: [RegExp, string][] = [
  [/([aeiouyäölnrm])t([aeiouyäö]+)$/, '$1tt$2'], // Mintun -> Minttu
  [/([aeiouyäölnr])k([aeiouyäö]+)$/, '$1kk$2'], // Hilkan -> Hilkka
  [/([aeiouyäölmr])p([aeiouyäö]+)$/, '$1pp$2'],
  [/([aeiouyäöhlnr])d([aeiouyäö]+)$/, '$1t$2'],
  [/([aeiouyäö])v([aeiouyäö]+)$/, '$1p$2'],
  [/nn([aeiouyäö]+)$/, 'nt$1'],
  [/ll([aeiouyäö]+)$/, 'lt$1'],
  [/rr([aeiouyäö]+)$/, 'rt$1'],
  [/mm([aeiouyäö]+)$/, 'mp$1'],
  [/ng([aeiouyäö]+)$/, 'nk$1'],
  [/([aeiouyäöhlr])([eiouyäö])$/, '$1k$2'], // Mäe(n) -> Mäki, Järve(n)?? kept cheap
];
// strong grade in oblique forms of a weak-grade base (Rinne -> Rinteen, Lahti? no): e-stems
const STRONG_TO_WEAK: [RegExp, string][] = [
  [/nte$/, 'nne'], [/lte$/, 'lle'], [/rte$/, 'rre'], [/mpe$/, 'mme'], [/ppe$/, 'pe'], [/tte$/, 'te'], [/kke$/, 'ke'],
];

function stemVariants(stem: string, out: Set<string>): void {
  out.add(stem);
  if (stem.endsWith('kse')) out.add(stem.slice(0, -3) + 's'); // Tuomaksen -> Tuomas
  if (stem.endsWith('se')) out.add(stem.slice(0, -2) + 'nen'); // Virtasen -> Virtanen
  else if (stem.endsWith('s')) out.add(stem.slice(0, -1) + 'nen'); // Virtasta -> Virtanen
  if (stem.endsWith('ee')) {
    const e = stem.slice(0, -1); // Laineen -> Laine
    out.add(e);
    for (const [re, rep] of STRONG_TO_WEAK) if (re.test(e)) out.add(e.replace(re, rep));
  } else if (stem.endsWith('e')) out.add(stem.slice(0, -1) + 'i'); // Kiven -> Kivi
  if (/[^aeiouyäö][iu]$/.test(stem)) out.add(stem.slice(0, -1)); // Owenin -> Owen, Johnun -> John
  if (stem.endsWith('he')) out.add(stem.slice(0, -2) + 's'); // Miehen -> mies
  for (const s of [...out]) {
    for (const [re, rep] of WEAK_TO_STRONG) if (re.test(s)) out.add(s.replace(re, rep));
  }
}

/** Lower-case candidate lemmas for a capitalised token, the token itself first. */
export function nameLemmaCandidates(token: string): string[] {
  const word = token.toLowerCase().replace(/['’:](?:n|s|in|ia|ssa|lle|lla|lta|sta|na)$/u, '');
  const out = new Set<string>([word]);
  for (const e of ENDINGS) {
    if (word.length - e.length < 3 || !word.endsWith(e)) continue;
    stemVariants(word.slice(0, -e.length), out);
  }
  return [...out];
}

/** The case ending that produced a lemma, used to down-weight locative forms (Kalliossa = in Kallio). */
export function isLocativeForm(token: string, lemma: string): boolean {
  const w = token.toLowerCase();
  if (w === lemma) return false;
  return /(ssa|ssä|sta|stä|hin|hen|han|hon|hun|seen)$/.test(w);
}
