import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { findMutation, MutationError, runMutation, type Directory, type MutationContext } from '../../../shared/mutations/index.js';
import type { Actor } from '../../../shared/workflow/permissions.js';

/** One queued local change, as the outbox keeps it. */
export interface OutboxEntry {
  id: number;
  name: string;
  args: Record<string, unknown>;
  itemId: string;
  clientTime: string;
  actor: Actor;
}

/**
 * The context a queued mutation runs in on this desk: its author and its own time, ids derived
 * from the mutation id, so re-applying it during a rebase yields the same comment and history ids
 * (the UI keeps its keys; nothing flickers), and the colleagues of the cached reference data.
 */
export function desktopContext(entry: Pick<OutboxEntry, 'id' | 'clientTime' | 'actor'>, clientId: string, directory: Directory): MutationContext {
  let n = 0;
  return { actor: entry.actor, now: entry.clientTime, clientId, newId: () => `${clientId}.${entry.id}.${++n}`, directory };
}

/** Run one queued mutation; throws MutationError when it cannot apply (unknown name included). */
export function applyEntry(item: FeedbackItem | null, entry: OutboxEntry, clientId: string, directory: Directory): FeedbackItem {
  const def = findMutation(entry.name);
  if (!def) throw new MutationError('invalid_args', `unknown mutation ${entry.name}`);
  return runMutation(def, entry.args, item, desktopContext(entry, clientId, directory));
}

/**
 * The view of an item: the server's confirmed copy with the still-pending local changes applied
 * in order. A change that no longer applies (someone else changed the item meanwhile) is left out
 * of the view but stays queued: the server decides, and a refusal comes back as a rejection.
 */
export function rebase(
  confirmed: FeedbackItem | null,
  pending: readonly OutboxEntry[],
  clientId: string,
  directory: Directory,
  log?: (msg: string, extra?: object) => void,
): FeedbackItem | null {
  // null: the server has no copy (an item created here, e.g. a walk-in, not yet confirmed).
  let item = confirmed;
  for (const entry of pending) {
    try {
      item = applyEntry(item, entry, clientId, directory);
    } catch (err) {
      log?.('rebase: a pending change no longer applies locally; the server will decide', { mutationId: entry.id, error: (err as Error).message });
    }
  }
  return item;
}
