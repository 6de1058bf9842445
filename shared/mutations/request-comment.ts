import { z } from 'zod';
import type { CommentRequest } from '../domain/collaboration.js';
import { DepartmentId, Instant, ItemId, StaffId } from '../domain/ids.js';
import { statusWhenWorkStarts } from '../workflow/answering.js';
import { accessTo, may } from '../workflow/permissions.js';
import { requestTarget } from '../workflow/collaboration.js';
import { defineMutation, refuse, withEvent } from './define.js';

const Target = z.union([z.object({ staffId: StaffId }).strict(), z.object({ departmentId: DepartmentId }).strict()]);

/**
 * Ask colleagues for a comment (P12): named people, in any department, or a department, with a
 * question and a due date. While a request is open the asked may read and comment on the item (the
 * central enforces it, shared/workflow/permissions.ts); their comment answers it.
 */
export const requestComment = defineMutation({
  name: 'requestComment',
  args: z.object({
    itemId: ItemId,
    to: z.array(Target).min(1).max(10),
    question: z.string().trim().min(1).max(2000),
    dueAt: Instant,
  }),
  authorize: (actor, item) => may(actor, 'request_comment', item),
  apply: (item, { to, question, dueAt }, ctx) => {
    if (Date.parse(dueAt) <= Date.parse(ctx.now)) throw refuse('invalid_args', 'due_in_past', 'the due date of a comment request must be in the future');
    const requests: CommentRequest[] = to.map((target) => {
      const toStaffId = 'staffId' in target ? target.staffId : null;
      const toDepartmentId = 'departmentId' in target ? target.departmentId : null;
      if (toStaffId !== null) {
        if (toStaffId === ctx.actor.id) throw refuse('invalid_args', 'ask_yourself', 'you cannot ask yourself for a comment');
        if (!ctx.directory.staff(toStaffId)) throw refuse('invalid_args', 'unknown_colleague', `no colleague ${toStaffId}`, { staffId: toStaffId });
      } else if (toDepartmentId !== null) {
        if (!ctx.directory.department(toDepartmentId)) throw refuse('invalid_args', 'unknown_department', `no department ${toDepartmentId}`, { departmentId: toDepartmentId });
        // A sensitive item is opened to named people only, never to a whole department (P27).
        if (item.restricted) throw refuse('invalid_state', 'restricted_department', 'a restricted item can be shown to named colleagues only, not to a department');
      }
      return {
        id: ctx.newId(),
        toStaffId,
        toDepartmentId,
        question,
        dueAt: new Date(dueAt).toISOString(),
        askedBy: ctx.actor.id,
        askedByName: ctx.actor.displayName,
        askedAt: ctx.now,
        state: 'open',
        closedBy: null,
        closedByName: null,
        closedAt: null,
        commentId: null,
      };
    });
    const status = accessTo(ctx.actor, item) === 'full' ? statusWhenWorkStarts(item.status) : item.status;
    return withEvent({ ...item, status, commentRequests: [...(item.commentRequests ?? []), ...requests] }, ctx, 'comment_requested', {
      requestIds: requests.map((r) => r.id),
      to: requests.map(requestTarget),
      question,
      dueAt: requests[0].dueAt,
    });
  },
});

/** The asker (or anyone who owns the item) withdraws an open request; the asked lose what it opened to them. */
export const cancelCommentRequest = defineMutation({
  name: 'cancelCommentRequest',
  args: z.object({ itemId: ItemId, requestId: z.string().min(1).max(200) }),
  authorize: (actor, item) => may(actor, 'request_comment', item),
  apply: (item, { requestId }, ctx) => {
    const request = item.commentRequests?.find((r) => r.id === requestId);
    if (!request) throw refuse('not_found', 'no_such_request', `no comment request ${requestId} on this item`);
    if (request.state !== 'open') throw refuse('invalid_state', 'request_closed', 'the comment request is no longer open');
    const commentRequests = item.commentRequests!.map((r) =>
      r.id === requestId ? { ...r, state: 'cancelled' as const, closedBy: ctx.actor.id, closedByName: ctx.actor.displayName, closedAt: ctx.now } : r,
    );
    return withEvent({ ...item, commentRequests }, ctx, 'comment_request_cancelled', { requestId, to: requestTarget(request) });
  },
});
