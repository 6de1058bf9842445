import { loadTurkuDev } from './turku.js';
import { loadLexicon } from './load-lexicon.js';
import { nameLemmaCandidates } from '../../shared/moderation/finnish-inflection.js';
import { createModerationEngine } from '../../shared/moderation/engine.js';
const lex = loadLexicon();
const e = createModerationEngine(lex);
let gold = 0, known = 0, fnKnown = 0, fnUnknown = 0;
const fnk: string[] = [];
for (const d of loadTurkuDev()) {
  const pred = e.scan(d.text, { kinds: ['person'] });
  const pk = new Set(pred.map(p => `${p.start}:${p.end}`));
  for (const g of d.per) {
    gold++;
    const s = d.text.slice(g.start, g.end);
    const isKnown = s.split(/[\s-]+/).some(w => nameLemmaCandidates(w).some(c => lex.firstNames.has(c) || lex.surnames.has(c)));
    if (isKnown) known++;
    if (!pk.has(`${g.start}:${g.end}`)) { if (isKnown) { fnKnown++; fnk.push(s + ' «' + d.text.slice(Math.max(0, g.start - 30), g.end + 20).replace(/\n/g, ' / ') + '»'); } else fnUnknown++; }
  }
}
console.log({ gold, known, fnKnown, fnUnknown });
console.log(fnk.join('\n'));
