import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLexicon, type ModerationLexicon } from '../../shared/moderation/lexicon.js';

export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

const FIRST_NAME_FILES = [
  'etunimitilasto-miehet-ensimmainen.csv',
  'etunimitilasto-miehet-muut.csv',
  'etunimitilasto-naiset-ensimmainen.csv',
  'etunimitilasto-naiset-muut.csv',
];

let cached: ModerationLexicon | undefined;

/** Reads the DVV names, Kotus word list and Helsinki street lists from data/ (once per process). */
export function loadLexicon(dataDir = DATA_DIR): ModerationLexicon {
  if (cached && dataDir === DATA_DIR) return cached;
  const read = (p: string) => readFileSync(join(dataDir, p), 'utf8');
  const lex = buildLexicon({
    firstNameCsvs: FIRST_NAME_FILES.map((f) => read(join('names', f))),
    surnameCsv: read('names/sukunimitilasto.csv'),
    kotusTsv: read('wordlists/kotus-nykysuomen-sanalista-2022.csv'),
    streetsTxt: read('wordlists/helsinki-streets.txt'),
    districtsTxt: read('wordlists/helsinki-districts.txt'),
  });
  if (dataDir === DATA_DIR) cached = lex;
  return lex;
}
