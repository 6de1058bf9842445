/**
 * npm run eval:moderation
 * Precision, recall and F2 per kind on the generated template corpus (eval templates; tune templates shown
 * separately), on hand-labelled realistic feedback, and person names on Turku NER dev (PER spans).
 * Prints a table and, last, one JSON summary line. Exits non-zero only if something crashes.
 */
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { loadLexicon } from './load-lexicon.js';
import { generateTemplateCorpus, loadRealisticCorpus } from './corpus.js';
import { finalize, formatTable, scoreCorpus, type Miss } from './evaluate.js';
import { loadTurkuDev, scorePersonSpans } from './turku.js';

export function evaluateTurku(engine = createModerationEngine(loadLexicon()), minScore?: number) {
  const docs = loadTurkuDev();
  const parts = { tune: [0, 0, 0, 0, 0, 0], held: [0, 0, 0, 0, 0, 0] } as Record<'tune' | 'held', number[]>;
  docs.forEach((d, i) => {
    const pred = engine.scan(d.text, { language: 'fi', kinds: ['person'], minScore });
    const s = scorePersonSpans(d, pred);
    const p = parts[i % 2 === 0 ? 'tune' : 'held'];
    [s.exact.tp, s.exact.fp, s.exact.fn, s.token.tp, s.token.fp, s.token.fn].forEach((v, j) => (p[j] += v));
  });
  const sum = parts.tune.map((v, j) => v + parts.held[j]);
  const mk = (a: number[]) => ({ exact: finalize({ tp: a[0], fp: a[1], fn: a[2] }), token: finalize({ tp: a[3], fp: a[4], fn: a[5] }) });
  return { documents: docs.length, goldSpans: docs.reduce((n, d) => n + d.per.length, 0), all: mk(sum), tuneHalf: mk(parts.tune), heldHalf: mk(parts.held) };
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const lex = loadLexicon();
  const engine = createModerationEngine(lex);
  const corpus = generateTemplateCorpus(lex);
  const misses: Miss[] = [];
  const evalSplit = scoreCorpus(engine, corpus.filter((t) => t.split === 'eval'), misses);
  const tuneSplit = scoreCorpus(engine, corpus.filter((t) => t.split === 'tune'));
  const realistic = scoreCorpus(engine, loadRealisticCorpus(), misses);
  const holdout = scoreCorpus(engine, loadRealisticCorpus(undefined, 'realistic-holdout.json'), misses);
  const turku = evaluateTurku(engine);
  const turkuHints = evaluateTurku(engine, 0.3);

  const n = (s: string) => corpus.filter((t) => t.split === s).length;
  console.log(formatTable(`Template corpus, eval templates (${n('eval')} texts)`, evalSplit));
  console.log(formatTable(`Template corpus, tune templates (${n('tune')} texts; used while tuning)`, tuneSplit));
  console.log(formatTable('Hand-labelled realistic feedback (fi/sv/en; used while tuning)', realistic));
  console.log(formatTable('Hand-labelled realistic feedback, hold-out (written after tuning)', holdout));
  const f = (x: { precision: number; recall: number; f2: number }) => `P ${x.precision.toFixed(3)}  R ${x.recall.toFixed(3)}  F2 ${x.f2.toFixed(3)}`;
  console.log(`Turku NER dev, person (${turku.documents} documents, ${turku.goldSpans} PER spans)`);
  console.log(`  exact spans  all: ${f(turku.all.exact)}   even docs (tuned on): ${f(turku.tuneHalf.exact)}   odd docs: ${f(turku.heldHalf.exact)}`);
  console.log(`  tokens       all: ${f(turku.all.token)}   even docs (tuned on): ${f(turku.tuneHalf.token)}   odd docs: ${f(turku.heldHalf.token)}`);
  console.log(`  with the editor's "maybe a name" hints (minScore 0.3), exact spans  all: ${f(turkuHints.all.exact)}   even: ${f(turkuHints.tuneHalf.exact)}   odd: ${f(turkuHints.heldHalf.exact)}`);
  if (verbose) for (const m of misses) console.log(`  ${m.type} ${m.kind} ${m.id}: ${JSON.stringify(m.text)}`);
  const round = (o: object) => JSON.parse(JSON.stringify(o, (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1000) / 1000 : v)));
  console.log(JSON.stringify(round({ templateEval: evalSplit, templateTune: tuneSplit, realistic, realisticHoldout: holdout, turkuPerson: turku, turkuPersonWithHints: turkuHints })));
}

main();
