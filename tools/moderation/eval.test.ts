import { describe, expect, it } from 'vitest';
import { createModerationEngine } from '../../shared/moderation/engine.js';
import { loadLexicon } from './load-lexicon.js';
import { generateTemplateCorpus, loadRealisticCorpus } from './corpus.js';
import { scoreCorpus } from './evaluate.js';

describe('evaluation on the generated template corpus (eval templates)', () => {
  const lex = loadLexicon();
  const engine = createModerationEngine(lex);
  const corpus = generateTemplateCorpus(lex).filter((t) => t.split === 'eval');
  const score = scoreCorpus(engine, corpus);

  it('labels every generated value (the generator itself is sane)', () => {
    expect(corpus.length).toBeGreaterThan(300);
    expect(corpus.every((t) => t.labels.every((l) => l.end > l.start))).toBe(true);
  });

  it('finds every hetu, email and IBAN', () => {
    expect(score.hetu?.recall).toBe(1);
    expect(score.email?.recall).toBe(1);
    expect(score.iban?.recall).toBe(1);
  });

  it('meets the phone target: recall >= 0.98 at precision >= 0.95', () => {
    expect(score.phone!.recall).toBeGreaterThanOrEqual(0.98);
    expect(score.phone!.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('resolves every realistic label to a real substring', () => {
    for (const t of [...loadRealisticCorpus(), ...loadRealisticCorpus(undefined, 'realistic-holdout.json')]) {
      for (const l of t.labels) expect(t.text.slice(l.start, l.end).length, t.id).toBe(l.end - l.start);
    }
  });
});
