/**
 * npx tsx tools/moderation/turku-misses.ts [even|odd|all]
 * Lists the person spans the engine misses (FN) and adds wrongly (FP) on Turku NER dev, with context,
 * for tuning. "even" is the half tuned on; look at "odd" only to measure, not to tune.
 */
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { loadLexicon } from './load-lexicon.js';
import { loadTurkuDev } from './turku.js';

const which = process.argv[2] ?? 'even';
const engine = createModerationEngine(loadLexicon());
loadTurkuDev().forEach((d, i) => {
  if (which === 'even' && i % 2 !== 0) return;
  if (which === 'odd' && i % 2 !== 1) return;
  const pred = engine.scan(d.text, { language: 'fi', kinds: ['person'] });
  const key = (s: { start: number; end: number }) => `${s.start}:${s.end}`;
  const gold = new Set(d.per.map(key));
  const got = new Set(pred.map(key));
  const ctx = (s: { start: number; end: number }) =>
    `${d.text.slice(Math.max(0, s.start - 40), s.start).replace(/\n/g, ' ')}[[${d.text.slice(s.start, s.end)}]]${d.text.slice(s.end, s.end + 30).replace(/\n/g, ' ')}`;
  for (const g of d.per) if (!got.has(key(g))) console.log(`FN doc${i}: ${ctx(g)}`);
  for (const p of pred) if (!gold.has(key(p))) console.log(`FP doc${i}: ${ctx(p)}   (${p.explanation})`);
});
