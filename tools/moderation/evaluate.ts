import type { ModerationEngine } from '../../shared/moderation/engine.js';
import { findingKinds, type FindingKind } from '../../shared/moderation/types.js';
import type { LabelledText } from './corpus.js';

export interface KindScore { tp: number; fp: number; fn: number; precision: number; recall: number; f2: number; }
export type CorpusScore = Partial<Record<FindingKind, KindScore>>;

export interface Miss { id: string; kind: FindingKind; type: 'fp' | 'fn'; text: string; }

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function finalize(c: { tp: number; fp: number; fn: number }): KindScore {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f2 = precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
  return { ...c, precision, recall, f2 };
}

/**
 * Span matching per kind: a gold span is found (TP) when predictions of its kind cover at least half of it;
 * a prediction is a false positive when gold spans of its kind cover less than half of it.
 */
export function scoreCorpus(engine: ModerationEngine, texts: readonly LabelledText[], misses?: Miss[]): CorpusScore {
  const counts = new Map<FindingKind, { tp: number; fp: number; fn: number }>();
  const bump = (k: FindingKind, f: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
    c[f]++;
    counts.set(k, c);
  };
  for (const t of texts) {
    const found = engine.scan(t.text, { language: t.language });
    for (const g of t.labels) {
      const covered = found.filter((f) => f.kind === g.kind).reduce((s, f) => s + overlap(f, g), 0);
      if (covered * 2 >= g.end - g.start) bump(g.kind, 'tp');
      else { bump(g.kind, 'fn'); misses?.push({ id: t.id, kind: g.kind, type: 'fn', text: t.text.slice(g.start, g.end) }); }
    }
    for (const f of found) {
      const covered = t.labels.filter((g) => g.kind === f.kind).reduce((s, g) => s + overlap(f, g), 0);
      if (covered * 2 < f.end - f.start) { bump(f.kind, 'fp'); misses?.push({ id: t.id, kind: f.kind, type: 'fp', text: t.text.slice(f.start, f.end) }); }
    }
  }
  const out: CorpusScore = {};
  for (const k of findingKinds) {
    const c = counts.get(k);
    if (c) out[k] = finalize(c);
  }
  return out;
}

export function formatTable(title: string, score: CorpusScore): string {
  const rows = [`${title}`, `  ${'kind'.padEnd(12)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F2'.padStart(6)}   tp/fp/fn`];
  for (const k of findingKinds) {
    const s = score[k];
    if (!s) continue;
    rows.push(`  ${k.padEnd(12)} ${s.precision.toFixed(3).padStart(6)} ${s.recall.toFixed(3).padStart(6)} ${s.f2.toFixed(3).padStart(6)}   ${s.tp}/${s.fp}/${s.fn}`);
  }
  return rows.join('\n');
}
