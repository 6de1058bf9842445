import type { Status } from '../domain/enums.js';

/**
 * The only definition of which status may follow which. Every mutation that changes status goes
 * through `transition`, on the desk (optimistically) and on the central server (authoritatively).
 */
const allowedNext: Record<Status, readonly Status[]> = {
  received: ['in_triage', 'forwarded', 'redirected_to_registry', 'rejected', 'closed'],
  in_triage: ['forwarded', 'redirected_to_registry', 'rejected', 'closed'],
  forwarded: ['forwarded', 'in_progress', 'answered', 'redirected_to_registry', 'rejected', 'closed'],
  in_progress: ['forwarded', 'answered', 'closed', 'rejected'],
  answered: ['closed', 'in_progress'],
  closed: ['in_progress'],
  redirected_to_registry: ['in_triage'],
  rejected: ['in_triage'],
};

export function canTransition(from: Status, to: Status): boolean {
  return allowedNext[from].includes(to);
}

export class TransitionError extends Error {
  readonly code = 'invalid_transition';
  constructor(
    readonly from: Status,
    readonly to: Status,
  ) {
    super(`status cannot change from ${from} to ${to}`);
  }
}

/** Returns `to` when the move is allowed, else throws TransitionError. */
export function transition(from: Status, to: Status): Status {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
  return to;
}

/** Statuses in which the item still waits for the city (open in Open311 terms). */
export const openStatuses: readonly Status[] = ['received', 'in_triage', 'forwarded', 'in_progress'];

export function isOpen(status: Status): boolean {
  return openStatuses.includes(status);
}
