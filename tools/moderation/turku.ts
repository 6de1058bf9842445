import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR } from './load-lexicon.js';

export interface Span { start: number; end: number; }
export interface NerDocument { text: string; per: Span[]; tokens: Span[]; }

/**
 * Turku NER (CoNLL: token TAB tag, blank line between sentences, -DOCSTART- between documents) into
 * plain text: tokens joined by one space, sentences by a newline. PER spans map to UTF-16 offsets.
 */
export function parseConll(tsv: string): NerDocument[] {
  const docs: NerDocument[] = [];
  let text = '';
  let per: Span[] = [];
  let tokens: Span[] = [];
  let open: Span | null = null;
  let lineHasToken = false;
  const close = () => { if (open) { per.push(open); open = null; } };
  const flush = () => { close(); if (text.trim()) docs.push({ text, per, tokens }); text = ''; per = []; tokens = []; lineHasToken = false; };
  for (const line of tsv.split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) { flush(); continue; }
    if (line.trim() === '') {
      close();
      if (lineHasToken) { text += '\n'; lineHasToken = false; }
      continue;
    }
    const tab = line.lastIndexOf('\t');
    const token = line.slice(0, tab);
    const tag = line.slice(tab + 1).trim();
    if (lineHasToken) text += ' ';
    const start = text.length;
    text += token;
    const span = { start, end: text.length };
    tokens.push(span);
    lineHasToken = true;
    if (tag === 'B-PER' || (tag === 'I-PER' && !open)) { close(); open = { ...span }; }
    else if (tag === 'I-PER' && open) open.end = span.end;
    else close();
  }
  flush();
  return docs;
}

export function loadTurkuDev(): NerDocument[] {
  return parseConll(readFileSync(join(DATA_DIR, 'turku-ner/dev.tsv'), 'utf8'));
}

export interface PrfCounts { tp: number; fp: number; fn: number; }

/** Exact span match and token-level overlap counts for predicted vs gold person spans. */
export function scorePersonSpans(doc: NerDocument, predicted: Span[]): { exact: PrfCounts; token: PrfCounts } {
  const key = (s: Span) => `${s.start}:${s.end}`;
  const gold = new Set(doc.per.map(key));
  const pred = new Set(predicted.map(key));
  let tp = 0;
  for (const k of pred) if (gold.has(k)) tp++;
  const exact = { tp, fp: pred.size - tp, fn: gold.size - tp };
  const inAny = (t: Span, spans: Span[]) => spans.some((s) => s.start <= t.start && t.end <= s.end);
  const token = { tp: 0, fp: 0, fn: 0 };
  for (const t of doc.tokens) {
    const g = inAny(t, doc.per);
    const p = predicted.some((s) => s.start < t.end && t.start < s.end);
    if (g && p) token.tp++;
    else if (p) token.fp++;
    else if (g) token.fn++;
  }
  return { exact, token };
}
