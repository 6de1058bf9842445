/**
 * What a person is told about when a colleague's change reaches their desk: a new assignment, a
 * transfer to them, a comment request to them, an answer returned or waiting for their approval, a
 * new comment on their item. Derived from the history events a change added, so the desk can
 * compute it from any two copies of an item, offline included, and every desk computes the same.
 */
import type { FeedbackItem, HistoryEvent } from '../domain/feedback-item.js';
import { asksActor } from './collaboration.js';
import type { Actor } from './permissions.js';

export const NOTIFICATION_KINDS = [
  'assigned',
  'transferred',
  'comment_requested',
  'request_answered',
  'mentioned',
  'commented',
  'shared',
  'approval_requested',
  'answer_returned',
  'answer_approved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface DerivedNotification {
  /** The history event it is about (one notification per event and person). */
  id: string;
  itemId: string;
  kind: NotificationKind;
  at: string;
  actorName: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The kind of notification an event is for this actor on this item, or null. */
function kindFor(actor: Actor, ev: HistoryEvent, item: FeedbackItem): NotificationKind | null {
  const d = ev.details;
  switch (ev.type) {
    case 'assigned':
      return str(d.to) === actor.id ? 'assigned' : null;
    case 'transferred':
      if (str(d.toStaffId) === actor.id) return 'transferred';
      return d.toStaffId === null && actor.role === 'responder' && actor.departmentId !== null && str(d.toDepartmentId) === actor.departmentId ? 'transferred' : null;
    case 'comment_requested':
      return strings(d.to).some((to) => asksActor(to, actor)) ? 'comment_requested' : null;
    case 'shared':
      return strings(d.staffIds).includes(actor.id) ? 'shared' : null;
    case 'commented': {
      const answered = new Set(strings(d.answers));
      if ((item.commentRequests ?? []).some((r) => answered.has(r.id) && r.askedBy === actor.id)) return 'request_answered';
      if (strings(d.mentions).includes(actor.id)) return 'mentioned';
      const asked = (item.commentRequests ?? []).some((r) => r.askedBy === actor.id);
      return item.assigneeId === actor.id || asked ? 'commented' : null;
    }
    case 'approval_requested':
      return str(d.approverId) === actor.id ? 'approval_requested' : null;
    case 'answer_returned':
      return str(d.requestedBy) === actor.id ? 'answer_returned' : null;
    case 'answer_approved':
      return str(d.requestedBy) === actor.id ? 'answer_approved' : null;
    default:
      return null;
  }
}

/**
 * Notifications for `actor` from the events `after` has and `before` had not. Events by the actor
 * themselves never notify them. An item new to this desk (before null: just forwarded, asked about
 * or shared) brings its whole history, of which only events from `newSince` on are news.
 */
export function notificationsFor(
  actor: Actor,
  before: Pick<FeedbackItem, 'history'> | null,
  after: FeedbackItem,
  opts: { newSince: string },
): DerivedNotification[] {
  const known = new Set((before?.history ?? []).map((e) => e.id));
  const since = before === null ? Date.parse(opts.newSince) : -Infinity;
  const out: DerivedNotification[] = [];
  for (const ev of after.history) {
    if (known.has(ev.id) || ev.actorId === actor.id || Date.parse(ev.at) < since) continue;
    const kind = kindFor(actor, ev, after);
    if (kind) out.push({ id: `${after.id}:${ev.id}`, itemId: after.id, kind, at: ev.at, actorName: ev.actorName });
  }
  return out;
}
