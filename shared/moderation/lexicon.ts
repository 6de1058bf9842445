/**
 * Word lists the lexicon-based recognizers (person, address) need. Built from file contents given as
 * strings, so the Node loader (tools/moderation/load-lexicon.ts) and a renderer bundle can share it.
 */
export interface ModerationLexicon {
  /** lower-case first name -> number of bearers (DVV, first and other given names summed) */
  firstNames: ReadonlyMap<string, number>;
  /** lower-case surname -> number of bearers (DVV) */
  surnames: ReadonlyMap<string, number>;
  /** lower-case Finnish lemmas (Kotus); a name found here needs more evidence before it is a person */
  commonWords: ReadonlySet<string>;
  /** lower-case Helsinki street names */
  streets: ReadonlySet<string>;
  /** lower-case Helsinki district names */
  districts: ReadonlySet<string>;
}

export interface LexiconSources {
  /** DVV etunimitilasto CSVs (Etunimi;Lukumäärä) */
  firstNameCsvs: readonly string[];
  /** DVV sukunimitilasto CSV (Sukunimi;Yhteensä) */
  surnameCsv: string;
  /** Kotus nykysuomen sanalista TSV (Hakusana, Homonymia, Sanaluokka, Taivutustiedot) */
  kotusTsv?: string;
  streetsTxt?: string;
  districtsTxt?: string;
}

function parseCountCsv(csv: string, into: Map<string, number>): void {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const sep = line.indexOf(';');
    if (sep <= 0) continue;
    const name = line.slice(0, sep).trim().toLowerCase();
    // DVV writes thousands with a space (or a no-break space): "44 107"
    const count = Number(line.slice(sep + 1).replace(/[\s\u00a0]/g, ''));
    if (!name || !Number.isFinite(count)) continue;
    into.set(name, (into.get(name) ?? 0) + count);
  }
}

function parseLines(txt: string | undefined): Set<string> {
  const out = new Set<string>();
  if (!txt) return out;
  for (const line of txt.split(/\r?\n/)) {
    const t = line.trim().toLowerCase();
    if (t) out.add(t);
  }
  return out;
}

export function buildLexicon(src: LexiconSources): ModerationLexicon {
  const firstNames = new Map<string, number>();
  for (const csv of src.firstNameCsvs) parseCountCsv(csv, firstNames);
  const surnames = new Map<string, number>();
  parseCountCsv(src.surnameCsv, surnames);
  const commonWords = new Set<string>();
  if (src.kotusTsv) {
    const lines = src.kotusTsv.split(/\r?\n/);
    for (let i = 1; i < lines.length; i++) {
      const cols = lines[i].split('\t');
      const word = cols[0]?.trim();
      // Kotus lists a few proper nouns capitalised; only lower-case lemmas are common words.
      if (word && word === word.toLowerCase()) commonWords.add(word);
    }
  }
  return { firstNames, surnames, commonWords, streets: parseLines(src.streetsTxt), districts: parseLines(src.districtsTxt) };
}

export function emptyLexicon(): ModerationLexicon {
  return { firstNames: new Map(), surnames: new Map(), commonWords: new Set(), streets: new Set(), districts: new Set() };
}
