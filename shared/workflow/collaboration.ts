/**
 * Rules of working on an item with colleagues (P11, P12): whom a comment request asks, when it is
 * overdue, what a comment answers, and the small summary the desk's inbox filters on.
 */
import type { CommentRequest } from '../domain/collaboration.js';
import type { FeedbackItem } from '../domain/feedback-item.js';
import { approvalStatus } from './answering.js';
import { departmentGrant, staffGrant, type Actor } from './permissions.js';

export function openRequests(item: Pick<FeedbackItem, 'commentRequests'>): CommentRequest[] {
  return (item.commentRequests ?? []).filter((r) => r.state === 'open');
}

/** The grant form (`s:<id>` or `d:<id>`) of whom a request asks. */
export function requestTarget(r: Pick<CommentRequest, 'toStaffId' | 'toDepartmentId'>): string {
  return r.toStaffId ? staffGrant(r.toStaffId) : departmentGrant(r.toDepartmentId ?? '');
}

/** Does this request ask the actor, by name or (for staff of that department) by department? */
export function asksActor(target: string, actor: Pick<Actor, 'id' | 'departmentId'>): boolean {
  return target === staffGrant(actor.id) || (actor.departmentId !== null && target === departmentGrant(actor.departmentId));
}

/** The open requests a comment by this actor answers (P12: "their comment answers the request"). */
export function requestsAnsweredBy(actor: Pick<Actor, 'id' | 'departmentId'>, item: Pick<FeedbackItem, 'commentRequests'>): CommentRequest[] {
  return openRequests(item).filter((r) => asksActor(requestTarget(r), actor));
}

export function isRequestOverdue(r: Pick<CommentRequest, 'state' | 'dueAt'>, now: Date): boolean {
  return r.state === 'open' && Date.parse(r.dueAt) < now.getTime();
}

/**
 * What the inbox needs to know of an item's collaboration, user-neutral so the cache can store it
 * with the item (the views "requested from me", "I asked", "overdue requests", "to approve" and
 * the row's work chips are computed from it for whoever is signed in). Null when there is nothing.
 */
export interface CollaborationSummary {
  /** Open comment requests: whom (grant form), who asked, due when. */
  asks: Array<{ to: string; by: string; dueAt: string }>;
  /** The approval that waits for a decision or was returned. */
  approval: { approverId: string; requestedBy: string; state: 'pending' | 'returned' } | null;
  /** Staff it is shared with for information. */
  shares: string[];
  interim: boolean;
}

export function collaborationSummary(item: FeedbackItem): CollaborationSummary | null {
  const asks = openRequests(item).map((r) => ({ to: requestTarget(r), by: r.askedBy, dueAt: r.dueAt }));
  const a = item.answer.approval;
  const status = approvalStatus(item.answer);
  const approval = a && !item.answer.sent && (status === 'pending' || status === 'returned') ? { approverId: a.approverId, requestedBy: a.requestedBy, state: status } : null;
  const shares = (item.shares ?? []).map((s) => s.staffId);
  const interim = (item.answer.interim ?? []).length > 0;
  if (asks.length === 0 && !approval && shares.length === 0 && !interim) return null;
  return { asks, approval, shares, interim };
}

/** Chips on an inbox row and the item header, for the signed-in person. */
export const WORK_FLAGS = [
  'asked_of_me',
  'waiting_for_comments',
  'request_overdue',
  'to_approve',
  'awaiting_approval',
  'returned',
  'shared_with_me',
  'interim_answered',
  'new_comments',
] as const;
export type WorkFlag = (typeof WORK_FLAGS)[number];

export function workFlags(summary: CollaborationSummary | null, actor: Pick<Actor, 'id' | 'departmentId'>, now: Date): WorkFlag[] {
  if (!summary) return [];
  const out: WorkFlag[] = [];
  const t = now.getTime();
  if (summary.asks.some((a) => asksActor(a.to, actor))) out.push('asked_of_me');
  if (summary.asks.length > 0) out.push('waiting_for_comments');
  if (summary.asks.some((a) => Date.parse(a.dueAt) < t && (a.by === actor.id || asksActor(a.to, actor)))) out.push('request_overdue');
  if (summary.approval?.state === 'pending') out.push(summary.approval.approverId === actor.id ? 'to_approve' : 'awaiting_approval');
  if (summary.approval?.state === 'returned') out.push('returned');
  if (summary.shares.includes(actor.id)) out.push('shared_with_me');
  if (summary.interim) out.push('interim_answered');
  return out;
}
