import { z } from 'zod';
import { ItemId, StaffId } from '../domain/ids.js';
import { approvalStatus, draftRevision, isEligibleApprover } from '../workflow/answering.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, MutationError, refuse, withEvent } from './define.js';
import { Revision } from './save-answer-draft.js';
import type { FeedbackItem } from '../domain/feedback-item.js';
import type { MutationContext } from './define.js';

/** The draft as it is now, checked against the revision the person read (no approving a text nobody saw). */
function currentDraft(item: FeedbackItem, revision: string) {
  const draft = item.answer.draft;
  if (!draft?.text.trim()) throw refuse('invalid_state', 'no_draft', 'there is no answer draft');
  if (draftRevision(draft) !== revision) {
    throw new MutationError('conflict', 'the answer draft changed after you read it', { field: 'answerDraft', reason: 'draft_changed', currentRevision: draftRevision(draft) });
  }
  return draft;
}

function requirePendingFor(item: FeedbackItem, ctx: MutationContext) {
  const approval = item.answer.approval;
  if (!approval || approval.state !== 'pending') throw refuse('invalid_state', 'no_pending_approval', 'no answer waits for approval');
  if (approval.approverId !== ctx.actor.id) throw new MutationError('forbidden', `${ctx.actor.displayName} is not the approver of this answer`, { reason: 'not_the_approver' });
  return approval;
}

/**
 * Ask a named colleague to approve the draft before it is sent (P11, four eyes). The approver must
 * be someone else who owns the item (its department, or an admin), so that they can act on it.
 */
export const submitAnswerForApproval = defineMutation({
  name: 'submitAnswerForApproval',
  args: z.object({ itemId: ItemId, approverId: StaffId, draftRevision: Revision, note: z.string().trim().max(2000).optional() }),
  authorize: (actor, item) => may(actor, 'send_answer', item),
  apply: (item, { approverId, draftRevision: revision, note }, ctx) => {
    if (item.answer.sent) throw refuse('invalid_state', 'already_sent', 'the answer has already been sent');
    currentDraft(item, revision);
    if (approverId === ctx.actor.id) throw refuse('invalid_args', 'approve_yourself', 'another person must approve the answer');
    const approver = ctx.directory.staff(approverId);
    if (!approver) throw refuse('invalid_args', 'unknown_colleague', `no colleague ${approverId}`, { staffId: approverId });
    if (!isEligibleApprover(approver, item, ctx.actor.id)) {
      throw refuse('invalid_args', 'approver_not_eligible', `${approver.displayName} cannot approve answers of this item`, { staffId: approverId });
    }
    const approval = {
      state: 'pending' as const,
      approverId,
      approverName: approver.displayName,
      requestedBy: ctx.actor.id,
      requestedByName: ctx.actor.displayName,
      requestedAt: ctx.now,
      draftRevision: revision,
      note: note || null,
      decidedAt: null,
      comment: null,
    };
    return withEvent({ ...item, answer: { ...item.answer, approval, approvedBy: null } }, ctx, 'approval_requested', {
      approverId,
      requestedBy: ctx.actor.id,
      draftRevision: revision,
    });
  },
});

/** The named approver approves the revision they read; an edit after this needs approving again. */
export const approveAnswer = defineMutation({
  name: 'approveAnswer',
  args: z.object({ itemId: ItemId, draftRevision: Revision }),
  authorize: (actor, item) => may(actor, 'approve_answer', item),
  apply: (item, { draftRevision: revision }, ctx) => {
    const approval = requirePendingFor(item, ctx);
    currentDraft(item, revision);
    if (approvalStatus(item.answer) !== 'pending') throw new MutationError('conflict', 'the draft changed after it was submitted', { reason: 'draft_changed' });
    return withEvent(
      { ...item, answer: { ...item.answer, approvedBy: ctx.actor.id, approval: { ...approval, state: 'approved', decidedAt: ctx.now } } },
      ctx,
      'answer_approved',
      { requestedBy: approval.requestedBy, draftRevision: revision },
    );
  },
});

/** The approver sends the draft back to its writer with what to change. */
export const returnAnswer = defineMutation({
  name: 'returnAnswer',
  args: z.object({ itemId: ItemId, comment: z.string().trim().min(1).max(2000) }),
  authorize: (actor, item) => may(actor, 'approve_answer', item),
  apply: (item, { comment }, ctx) => {
    const approval = requirePendingFor(item, ctx);
    return withEvent(
      { ...item, answer: { ...item.answer, approval: { ...approval, state: 'returned', decidedAt: ctx.now, comment } } },
      ctx,
      'answer_returned',
      { requestedBy: approval.requestedBy, comment },
    );
  },
});
