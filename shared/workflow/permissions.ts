import type { FeedbackItem } from '../domain/feedback-item.js';
import type { Role } from '../domain/enums.js';

/** The signed-in person a rule is checked for. */
export interface Actor {
  id: string;
  role: Role;
  departmentId: string | null;
  displayName: string;
}

/** Just the fields visibility depends on, so the central store can check rows without parsing them. */
export type VisibilityFields = Pick<FeedbackItem, 'departmentId' | 'assigneeId' | 'restricted'>;

/**
 * Who may see an item at all (P8, P27). Enforced by the central server's pull and by the desk
 * cache; the UI only reflects it.
 * - a restricted item: admins, its assignee and whoever restricted it;
 * - otherwise clerks and moderators see every item, responders their department's items and
 *   items assigned to them.
 */
export function canSee(actor: Actor, item: VisibilityFields): boolean {
  if (actor.role === 'admin') return true;
  if (item.restricted) return item.assigneeId === actor.id || item.restricted.by === actor.id;
  if (actor.role === 'clerk' || actor.role === 'moderator') return true;
  return item.assigneeId === actor.id || (actor.departmentId !== null && item.departmentId === actor.departmentId);
}

export type Action =
  | 'classify'
  | 'forward'
  | 'assign'
  | 'restrict'
  | 'comment'
  | 'draft_answer'
  | 'send_answer'
  | 'moderate'
  | 'record_walk_in';

/** What each role may do to an item it can see. One table, used by every mutation's authorize. */
const roleActions: Record<Role, readonly Action[]> = {
  clerk: ['classify', 'forward', 'assign', 'restrict', 'comment', 'record_walk_in', 'draft_answer'],
  responder: ['forward', 'assign', 'comment', 'draft_answer', 'send_answer', 'classify'],
  moderator: ['comment', 'moderate'],
  admin: ['classify', 'forward', 'assign', 'restrict', 'comment', 'draft_answer', 'send_answer', 'moderate', 'record_walk_in'],
};

export function may(actor: Actor, action: Action, item: VisibilityFields | null): boolean {
  if (!roleActions[actor.role].includes(action)) return false;
  return item === null || canSee(actor, item);
}
