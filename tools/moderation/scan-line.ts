import { z } from 'zod';
import type { ModerationEngine } from '../../shared/moderation/engine.js';

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  language: z.enum(['fi', 'sv', 'en']).optional(),
});

export function scanLine(engine: ModerationEngine, line: string): string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return JSON.stringify({ id: null, error: `invalid JSON: ${(e as Error).message}` });
  }
  const parsed = InputLine.safeParse(raw);
  if (!parsed.success) {
    const id = raw && typeof raw === 'object' && 'id' in raw && (typeof raw.id === 'string' || typeof raw.id === 'number') ? raw.id : null;
    const error = parsed.error.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ');
    return JSON.stringify({ id, error });
  }
  const { id, text, language } = parsed.data;
  try {
    const findings = engine.scan(text, { language }).map((f) => ({ kind: f.kind, start: f.start, end: f.end, text: text.slice(f.start, f.end), score: Math.round(f.score * 100) / 100 }));
    return JSON.stringify({ id, findings });
  } catch (e) {
    return JSON.stringify({ id, error: `scan failed: ${(e as Error).message}` });
  }
}

