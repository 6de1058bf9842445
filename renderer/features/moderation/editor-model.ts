/**
 * Pure editing operations of the publication editor: redacting findings and replacing words while every
 * other mark (findings, spelling issues) keeps pointing at the same characters.
 */
import { placeholderFor, type FindingKind, type ModerationLanguage } from '../../../shared/moderation/index.js';

export interface Span {
  start: number;
  end: number;
}

export interface Replacement extends Span {
  text: string;
}

/**
 * Apply replacements to text (any order; overlapping ones merge into the first-starting one, as redact() does)
 * and move the given marks with them. Marks that overlap a replaced range are dropped: their text is gone.
 */
export function applyReplacements<M extends Span>(text: string, replacements: readonly Replacement[], marks: readonly M[] = []): { text: string; marks: M[] } {
  const sorted = [...replacements].filter((r) => r.start >= 0 && r.end <= text.length && r.start <= r.end).sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Replacement[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  let out = '';
  let pos = 0;
  for (const r of merged) {
    out += text.slice(pos, r.start) + r.text;
    pos = r.end;
  }
  out += text.slice(pos);
  const moved: M[] = [];
  for (const m of marks) {
    if (merged.some((r) => (m.start < r.end && r.start < m.end) || (r.start === r.end && m.start < r.start && r.start < m.end))) continue;
    const shift = merged.filter((r) => r.end <= m.start).reduce((s, r) => s + r.text.length - (r.end - r.start), 0);
    moved.push({ ...m, start: m.start + shift, end: m.end + shift });
  }
  return { text: out, marks: moved };
}

/** Replace findings with their placeholder in the item's language ("[nimi poistettu]"), keeping the other marks right. */
export function redactFindings<M extends Span>(
  text: string,
  findings: readonly (Span & { kind: FindingKind })[],
  language: ModerationLanguage,
  marks: readonly M[] = [],
): { text: string; marks: M[] } {
  return applyReplacements(text, findings.map((f) => ({ start: f.start, end: f.end, text: placeholderFor(f.kind, language) })), marks);
}

/** A finding the moderator dismissed stays dismissed after edits move it: keyed by kind and the text it covers. */
export function dismissKey(field: string, kind: string, text: string, span: Span): string {
  return `${field}|${kind}|${text.slice(span.start, span.end).toLowerCase()}`;
}
