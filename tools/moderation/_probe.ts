import { readFileSync } from 'node:fs';
import { loadLexicon } from './load-lexicon.js';
import { nameLemmaCandidates } from '../../shared/moderation/finnish-inflection.js';
import { isPlaceName } from '../../shared/moderation/places.js';
const lex = loadLexicon();
const lines = readFileSync('data/turku-ner/dev.tsv', 'utf8').split('\n');
const stats = new Map<string, Map<string, number>>();
let prevTok = '';
for (const l of lines) {
  if (!l.trim()) { prevTok = ''; continue; }
  const [tok, tag] = l.split('\t');
  const sentStart = prevTok === '' || /^[.!?:]$/.test(prevTok);
  prevTok = tok;
  if (!/^\p{Lu}\p{Ll}/u.test(tok) || tok.length < 4 || sentStart) continue;
  const lower = tok.toLowerCase();
  const cands = nameLemmaCandidates(tok);
  if (cands.some(c => lex.firstNames.has(c) || lex.surnames.has(c))) continue;
  if (cands.some(c => lex.commonWords.has(c) || lex.districts.has(c)) || isPlaceName(tok)) continue;
  const ending = /(lle)$/.test(lower) ? 'lle' : /(lla|llä)$/.test(lower) ? 'lla' : /(lta|ltä)$/.test(lower) ? 'lta' : /(ssa|ssä)$/.test(lower) ? 'ssa' : /(sta|stä)$/.test(lower) ? 'sta' : /n$/.test(lower) ? 'n' : /(a|ä)$/.test(lower) ? 'a' : 'other';
  const t = (tag ?? 'O').replace(/^[BI]-/, '');
  const m = stats.get(ending) ?? new Map();
  m.set(t, (m.get(t) ?? 0) + 1);
  stats.set(ending, m);
}
for (const [e, m] of stats) console.log(e, JSON.stringify(Object.fromEntries(m)));
