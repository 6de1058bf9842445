import type { FeedbackItem } from '../domain/feedback-item.js';
import type { Role } from '../domain/enums.js';

/** The signed-in person a rule is checked for. */
export interface Actor {
  id: string;
  role: Role;
  departmentId: string | null;
  displayName: string;
}

/**
 * Just the fields visibility depends on, so the central store can check rows without parsing them.
 * `grants` are the colleagues and departments an item is open to besides its owners (open comment
 * requests, shares for information), as visibilityGrants gives them; a whole item may leave them
 * out and have them derived from its comment requests and shares.
 */
export type VisibilityFields = Pick<FeedbackItem, 'departmentId' | 'assigneeId' | 'restricted'> &
  Partial<Pick<FeedbackItem, 'commentRequests' | 'shares'>> & { grants?: readonly string[] };

/** A grant to one staff member (`s:<id>`) or to a department's staff (`d:<id>`). */
export const staffGrant = (staffId: string) => `s:${staffId}`;
export const departmentGrant = (departmentId: string) => `d:${departmentId}`;

/**
 * Who else may see an item (P12): whoever an open comment request asks, by name or by department,
 * and whoever it is shared with for information. Sorted and unique, so the central can store them
 * as a column and compare them.
 */
export function visibilityGrants(item: Partial<Pick<FeedbackItem, 'commentRequests' | 'shares'>>): string[] {
  const out = new Set<string>();
  for (const r of item.commentRequests ?? []) {
    if (r.state !== 'open') continue;
    if (r.toStaffId) out.add(staffGrant(r.toStaffId));
    else if (r.toDepartmentId) out.add(departmentGrant(r.toDepartmentId));
  }
  for (const s of item.shares ?? []) out.add(staffGrant(s.staffId));
  return [...out].sort();
}

/**
 * How far an actor may see an item:
 * - `full`: its owners (P8, P10, P27): admins; for a restricted item its assignee and whoever
 *   restricted it; otherwise clerks and moderators, and responders of its department or assigned to it;
 * - `guest`: a colleague it is open to by a grant (asked for a comment, shared for information), who
 *   may read and comment but not act on it. A restricted item is open to named colleagues only,
 *   never to a whole department;
 * - `none`.
 * Enforced by the central server's pull and by the desk cache; the UI only reflects it.
 */
export function accessTo(actor: Actor, item: VisibilityFields): 'full' | 'guest' | 'none' {
  if (actor.role === 'admin') return 'full';
  const grants = item.grants ?? visibilityGrants(item);
  const named = grants.includes(staffGrant(actor.id));
  if (item.restricted) {
    if (item.assigneeId === actor.id || item.restricted.by === actor.id) return 'full';
    return named ? 'guest' : 'none';
  }
  if (actor.role === 'clerk' || actor.role === 'moderator') return 'full';
  if (item.assigneeId === actor.id || (actor.departmentId !== null && item.departmentId === actor.departmentId)) return 'full';
  if (named || (actor.departmentId !== null && grants.includes(departmentGrant(actor.departmentId)))) return 'guest';
  return 'none';
}

/** Who may see an item at all (P8, P27): see accessTo. */
export function canSee(actor: Actor, item: VisibilityFields): boolean {
  return accessTo(actor, item) !== 'none';
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
  | 'record_walk_in'
  | 'request_comment'
  | 'share'
  | 'transfer'
  | 'approve_answer';

/** What each role may do to an item it can see. One table, used by every mutation's authorize. */
const roleActions: Record<Role, readonly Action[]> = {
  clerk: ['classify', 'forward', 'assign', 'restrict', 'comment', 'record_walk_in', 'draft_answer', 'request_comment', 'share'],
  responder: ['forward', 'assign', 'comment', 'draft_answer', 'send_answer', 'classify', 'request_comment', 'share', 'transfer', 'approve_answer'],
  moderator: ['comment', 'moderate'],
  admin: [
    'classify', 'forward', 'assign', 'restrict', 'comment', 'draft_answer', 'send_answer', 'moderate', 'record_walk_in',
    'request_comment', 'share', 'transfer', 'approve_answer',
  ],
};

/** What a colleague who sees an item only by a grant may do: read it and comment (osTicket's referral). */
const guestActions: readonly Action[] = ['comment'];

export function may(actor: Actor, action: Action, item: VisibilityFields | null): boolean {
  if (!roleActions[actor.role].includes(action)) return false;
  if (item === null) return true;
  const access = accessTo(actor, item);
  return access === 'full' || (access === 'guest' && guestActions.includes(action));
}
