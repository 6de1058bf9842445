import type { HistoryEvent } from '../../shared/domain/index.js';

/** Who a generated history event is by; null = the feedback system itself. */
export type SeedActor = { id: string; displayName: string } | null;

/** A history event of generated demo data (no desk made it, so no clientId). */
export function seedEvent(id: string, at: string, actor: SeedActor, type: string, details: Record<string, unknown> = {}): HistoryEvent {
  return { id, at, actorId: actor?.id ?? null, actorName: actor?.displayName ?? 'Palautejärjestelmä', type, details, clientId: null };
}
