/**
 * The rules of answering an item (P3, P7, P10, P11, P13), once: whether a draft is approved,
 * whether it may be sent and how, and what an answer does to the status. The mutations enforce them,
 * the answer editor shows them before anyone presses a button.
 */
import type { AnswerChannel } from '../domain/collaboration.js';
import type { Status } from '../domain/enums.js';
import type { FeedbackItem } from '../domain/feedback-item.js';
import type { Department, Staff } from '../domain/reference.js';
import { accessTo, may, type VisibilityFields } from './permissions.js';
import { isOpen } from './status.js';

type Draft = NonNullable<FeedbackItem['answer']['draft']>;

/** The draft's revision; drafts saved before revisions existed are told apart by their version. */
export function draftRevision(draft: Pick<Draft, 'revision' | 'version'> | null): string | null {
  if (!draft) return null;
  return draft.revision ?? `v${draft.version}`;
}

export type ApprovalStatus = 'none' | 'pending' | 'approved' | 'returned' | 'outdated';

/**
 * Where the draft stands with its approval. An approval (or a pending request) is for one revision:
 * once the text is edited it is `outdated` and the answer needs approving again.
 */
export function approvalStatus(answer: FeedbackItem['answer']): ApprovalStatus {
  const approval = answer.approval;
  if (!approval) return 'none';
  if (approval.state === 'returned') return 'returned';
  if (approval.draftRevision !== draftRevision(answer.draft)) return 'outdated';
  return approval.state;
}

/** A department may require that another named person approves each answer before it is sent (P11). */
export function approvalRequired(department: Pick<Department, 'requiresApproval'> | null): boolean {
  return department?.requiresApproval === true;
}

/** Why an answer cannot go by email (P3, P7), or null when it can. */
export type EmailRefusal = 'restricted_sensitive' | 'no_email';

export function emailRefusal(item: Pick<FeedbackItem, 'restricted' | 'contact'>): EmailRefusal | null {
  // A message holding sensitive information is never answered by email, whatever address it gave.
  if (item.restricted) return 'restricted_sensitive';
  if (!item.contact.email?.trim()) return 'no_email';
  return null;
}

export type SendRefusal =
  | 'already_sent'
  | 'not_open'
  | 'no_draft'
  | 'approval_required'
  | 'approval_pending'
  | EmailRefusal;

/**
 * Why the final answer cannot be given over `channel` now, in the order a responder should fix
 * them; empty when it can. Approval counts only where the item's department requires it.
 */
export function sendRefusals(
  item: Pick<FeedbackItem, 'status' | 'answer' | 'restricted' | 'contact'>,
  channel: AnswerChannel,
  department: Pick<Department, 'requiresApproval'> | null,
): SendRefusal[] {
  const out: SendRefusal[] = [];
  if (item.answer.sent) return ['already_sent'];
  if (!isOpen(item.status)) out.push('not_open');
  if (!item.answer.draft?.text.trim()) out.push('no_draft');
  const approval = approvalStatus(item.answer);
  if (approval === 'pending') out.push('approval_pending');
  else if (approvalRequired(department) && approval !== 'approved') out.push('approval_required');
  if (channel === 'email') {
    const refusal = emailRefusal(item);
    if (refusal) out.push(refusal);
  }
  return out;
}

/** Why an interim answer cannot go over `channel`, or empty (it needs an open item and, by email, an address). */
export function interimRefusals(item: Pick<FeedbackItem, 'status' | 'answer' | 'restricted' | 'contact'>, channel: AnswerChannel): SendRefusal[] {
  if (item.answer.sent) return ['already_sent'];
  const out: SendRefusal[] = [];
  if (!isOpen(item.status)) out.push('not_open');
  if (channel === 'email') {
    const refusal = emailRefusal(item);
    if (refusal) out.push(refusal);
  }
  return out;
}

/**
 * A responder starting on an item moves it from "forwarded" to "in progress" (drafting, asking a
 * colleague, an interim answer); any other status stays as it is.
 */
export function statusWhenWorkStarts(status: Status): Status {
  return status === 'forwarded' ? 'in_progress' : status;
}

/**
 * May this colleague approve answers of this item for its writer (P11)? Someone else than the
 * writer, whose role approves answers and who owns the item (its department, or an admin), so
 * that they can see and act on it.
 */
export function isEligibleApprover(staff: Pick<Staff, 'id' | 'role' | 'departmentId' | 'displayName'>, item: VisibilityFields, writerId: string): boolean {
  if (staff.id === writerId) return false;
  const actor = { id: staff.id, role: staff.role, departmentId: staff.departmentId, displayName: staff.displayName };
  return may(actor, 'approve_answer', null) && accessTo(actor, item) === 'full';
}
