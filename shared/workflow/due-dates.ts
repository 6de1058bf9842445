/** Target answer time is about one week (P10). */
export const ANSWER_TARGET_DAYS = 7;
/** An open item is "due soon" this long before its due time. */
export const DUE_SOON_HOURS = 48;

const DAY_MS = 24 * 60 * 60 * 1000;

export function dueAtFor(receivedAt: string): string {
  return new Date(Date.parse(receivedAt) + ANSWER_TARGET_DAYS * DAY_MS).toISOString();
}

export type DueState = 'overdue' | 'due_soon' | 'on_time' | 'done';

/** How an item's due date should be shown at `now`; items no longer open are `done`. */
export function dueState(dueAt: string, open: boolean, now: Date = new Date()): DueState {
  if (!open) return 'done';
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  if (left < DUE_SOON_HOURS * 60 * 60 * 1000) return 'due_soon';
  return 'on_time';
}
