import type { Finding } from './types.js';

/**
 * Keep a non-overlapping set: a validated checksum beats an unvalidated match, then the longer span,
 * then the higher score. (A hetu inside a phone-looking run, an IBAN's digits, a person inside an email.)
 */
export function resolveOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort(
    (a, b) =>
      Number(b.validated ?? false) - Number(a.validated ?? false) ||
      b.end - b.start - (a.end - a.start) ||
      b.score - a.score ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
