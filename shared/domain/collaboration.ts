/**
 * What colleagues do together on an item before it is answered (P11, P12, P25): comment requests,
 * shares for information, transfers with a cover note, the approval of an answer, interim answers.
 * All of it is internal except the interim answers, which the sender receives.
 */
import { z } from 'zod';
import { DepartmentId, Instant, StaffId } from './ids.js';

/** How an answer reached the sender (P3, P7): email through the central's outbox, or recorded by staff. */
export const AnswerChannel = z.enum(['email', 'phone', 'in_person', 'letter']);
export type AnswerChannel = z.infer<typeof AnswerChannel>;

/**
 * A question to a named colleague or to a department (P12), with a due date. While it is open the
 * asked colleague may read and comment on the item (shared/workflow/permissions.ts); a comment of
 * theirs answers it. Exactly one of toStaffId and toDepartmentId is set.
 */
export const CommentRequest = z.object({
  id: z.string(),
  toStaffId: StaffId.nullable(),
  toDepartmentId: DepartmentId.nullable(),
  question: z.string(),
  dueAt: Instant,
  askedBy: StaffId,
  askedByName: z.string(),
  askedAt: Instant,
  state: z.enum(['open', 'answered', 'cancelled']),
  /** Who answered or cancelled it, and when. */
  closedBy: StaffId.nullable(),
  closedByName: z.string().nullable(),
  closedAt: Instant.nullable(),
  /** The comment that answered it. */
  commentId: z.string().nullable(),
});
export type CommentRequest = z.infer<typeof CommentRequest>;

/** "Tiedoksi": the item is shown to a colleague for information, nothing asked (P12). */
export const Share = z.object({
  staffId: StaffId,
  note: z.string().nullable(),
  by: StaffId,
  byName: z.string(),
  at: Instant,
});
export type Share = z.infer<typeof Share>;

/** The cover note of the latest transfer: what the receiver reads first (P12). Every hop is in the history. */
export const Handoff = z.object({
  note: z.string(),
  toStaffId: StaffId.nullable(),
  toDepartmentId: DepartmentId.nullable(),
  fromDepartmentId: DepartmentId.nullable(),
  by: StaffId,
  byName: z.string(),
  at: Instant,
});
export type Handoff = z.infer<typeof Handoff>;

/**
 * Four eyes on an answer (P11): a named colleague approves the draft revision they read, or returns
 * it with a comment. An approval holds only for that revision; any later edit needs a new one.
 */
export const Approval = z.object({
  state: z.enum(['pending', 'approved', 'returned']),
  approverId: StaffId,
  approverName: z.string(),
  requestedBy: StaffId,
  requestedByName: z.string(),
  requestedAt: Instant,
  /** The draft revision submitted (and, once approved, the one approved). */
  draftRevision: z.string(),
  note: z.string().nullable(),
  decidedAt: Instant.nullable(),
  /** Why it was returned. */
  comment: z.string().nullable(),
});
export type Approval = z.infer<typeof Approval>;

/** An interim answer (P10): the sender hears where the matter stands; the item stays open and its clock runs. */
export const InterimAnswer = z.object({
  id: z.string(),
  text: z.string(),
  channel: AnswerChannel,
  note: z.string().nullable(),
  sentAt: Instant,
  sentBy: z.string(),
  sentById: StaffId.nullable(),
});
export type InterimAnswer = z.infer<typeof InterimAnswer>;
