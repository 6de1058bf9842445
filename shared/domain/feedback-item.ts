import { z } from 'zod';
import { Channel, Kind, Language, PublicationState, Status } from './enums.js';
import { DepartmentId, Instant, ItemId, ServiceCode, ServiceRequestId, StaffId } from './ids.js';
import { Approval, CommentRequest, Handoff, InterimAnswer, Share } from './collaboration.js';

export const Location = z.object({
  lat: z.number().min(-90).max(90).nullable(),
  long: z.number().min(-180).max(180).nullable(),
  address: z.string().max(500).nullable(),
});
export type Location = z.infer<typeof Location>;

export const Attachment = z.object({ url: z.string(), name: z.string().nullable().default(null) });

/** One entry of the item's audit trail and routing history (P28). Server time orders them. */
export const HistoryEvent = z.object({
  id: z.string(),
  at: Instant,
  actorId: StaffId.nullable(),
  actorName: z.string(),
  /** e.g. received, classified, forwarded, assigned, restricted, answered, imported_task */
  type: z.string(),
  /** Free-form details, shown in the history view; never public. */
  details: z.record(z.string(), z.unknown()).default({}),
  /** The desk installation that made the change, when a desk did. */
  clientId: z.string().nullable().default(null),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const Comment = z.object({
  id: z.string(),
  authorId: StaffId,
  authorName: z.string(),
  at: Instant,
  text: z.string(),
  // Optional so comments stored before they existed still parse.
  /** Colleagues named with @username in the text. */
  mentions: z.array(StaffId).optional(),
  /** Comment requests (CommentRequest.id) this comment answered. */
  answers: z.array(z.string()).optional(),
});
export type Comment = z.infer<typeof Comment>;

export const AnswerDraft = z.object({
  text: z.string(),
  /** Increases with every saved edit; a save names the version it edited (conflict detection). */
  version: z.number().int().nonnegative(),
  updatedBy: StaffId.nullable(),
  updatedAt: Instant.nullable(),
  /**
   * Unique per saved edit (chosen by the desk that saved it); a save names the revision it edited.
   * Versions count edits; revisions tell them apart (two desks offline both make a "version 2").
   * Drafts saved before revisions existed are revision `v<version>` (shared/workflow/answering.ts).
   */
  revision: z.string().optional(),
});

export const SentAnswer = z.object({
  text: z.string(),
  sentAt: Instant,
  sentBy: z.string(),
  channel: z.enum(['email', 'phone', 'in_person', 'letter', 'none']),
  // Optional so answers stored before they existed still parse.
  sentById: StaffId.nullable().optional(),
  /** How the answer was given when not by email (P7, P13), e.g. "soitettu 3.12. klo 10". */
  note: z.string().nullable().optional(),
});

export const Answer = z.object({
  draft: AnswerDraft.nullable(),
  sent: SentAnswer.nullable(),
  approvedBy: StaffId.nullable().default(null),
  // Answering facts; optional so items stored before they existed still parse.
  approval: Approval.nullable().optional(),
  interim: z.array(InterimAnswer).optional(),
});
export type Answer = z.infer<typeof Answer>;

/** Why an item is not published (P17, P19 a-f); shared/workflow/publication.ts decides when each applies. */
export const PublicationReason = z.enum([
  'no_permission',
  'email_channel',
  'inappropriate_or_spam',
  'personal_sensitive_matters',
  'health_or_social_client_info',
  'racism',
  'names_person_negatively',
  'duplicate',
]);
export type PublicationReason = z.infer<typeof PublicationReason>;

/** One saved edit of the publishable version (P24): the whole text as it was saved, by whom, when. */
export const PublicationEdit = z.object({
  version: z.number().int().positive(),
  title: z.string().nullable(),
  text: z.string().nullable(),
  answer: z.string().nullable(),
  by: StaffId.nullable(),
  byName: z.string(),
  at: Instant,
});
export type PublicationEdit = z.infer<typeof PublicationEdit>;

export const PublicationDecision = z.object({
  decision: z.enum(['publish', 'withhold']),
  reasons: z.array(PublicationReason),
  note: z.string().nullable(),
  by: StaffId.nullable(),
  at: Instant,
});
export type PublicationDecision = z.infer<typeof PublicationDecision>;

/** A moderator published despite the central guard finding identifiers; the written reason is kept. */
export const PublicationOverride = z.object({
  reason: z.string(),
  /** kinds and fields the guard found, never the values themselves */
  found: z.array(z.object({ field: z.enum(['title', 'text', 'answer']), kind: z.string() })),
  by: StaffId.nullable(),
  at: Instant,
});
export type PublicationOverride = z.infer<typeof PublicationOverride>;

export const Publication = z.object({
  state: PublicationState,
  title: z.string().nullable(),
  text: z.string().nullable(),
  answer: z.string().nullable(),
  publishedAt: Instant.nullable(),
  // Moderation facts; optional so items stored before they existed still parse.
  /** Increases with every saved edit; an edit names the version it started from (conflict detection). */
  version: z.number().int().nonnegative().optional(),
  edits: z.array(PublicationEdit).optional(),
  decision: PublicationDecision.nullable().optional(),
  override: PublicationOverride.nullable().optional(),
});
export type Publication = z.infer<typeof Publication>;

/** Why an item was marked unpublishable for misuse (P19b, P21). */
export const Inappropriate = z.object({
  reason: z.enum(['spam', 'inappropriate', 'unlawful']),
  note: z.string().max(2000).nullable(),
  by: StaffId.nullable(),
  at: Instant,
});

/** The item was sent to the registry office (P6) with a templated reply to the sender. */
export const RegistryRedirect = z.object({
  reply: z.string(),
  language: Language,
  by: StaffId.nullable(),
  at: Instant,
});

/** The matter continues outside the system (P13), e.g. by phone or a visit. */
export const ContinuesOutside = z.object({
  how: z.string().min(1).max(2000),
  by: StaffId.nullable(),
  at: Instant,
});

/** For walk-in items (P2, P29): who recorded the feedback and asked the publication question. */
export const RecordedBy = z.object({
  staffId: StaffId,
  at: Instant,
  permissionAsked: z.boolean(),
});

export const Restriction = z.object({
  reason: z.string().min(1),
  by: StaffId.nullable(),
  at: Instant,
});

/**
 * A feedback item as staff see it. `original` is never altered after receipt (P24); contact
 * and `senderIp` are private and never reach any public output (P26).
 */
export const FeedbackItem = z.object({
  id: ItemId,
  serviceRequestId: ServiceRequestId,
  /** Central change counter of this item: increases with every authoritative change. */
  version: z.number().int().nonnegative(),
  channel: Channel,
  kind: Kind,
  language: Language,
  receivedAt: Instant,
  updatedAt: Instant,
  original: z.object({ title: z.string().nullable(), description: z.string() }),
  author: z.object({ displayName: z.string().nullable(), anonymous: z.boolean() }),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }),
  publicationPermission: z.boolean(),
  location: Location.nullable(),
  attachments: z.array(Attachment).default([]),
  serviceCode: ServiceCode.nullable(),
  departmentId: DepartmentId.nullable(),
  assigneeId: StaffId.nullable(),
  restricted: Restriction.nullable(),
  status: Status,
  /** Helsinki's detailed status, kept from imported data (e.g. "PROCESSED,PUBLIC_WORKS_COMPLETED"). */
  detailedStatus: z.string().nullable().default(null),
  dueAt: Instant,
  comments: z.array(Comment).default([]),
  answer: Answer,
  publication: Publication,
  history: z.array(HistoryEvent).default([]),
  // Triage facts; optional so items stored before they existed still parse.
  duplicateOf: ItemId.nullable().optional(),
  inappropriate: Inappropriate.nullable().optional(),
  registryRedirect: RegistryRedirect.nullable().optional(),
  continuesOutside: ContinuesOutside.nullable().optional(),
  recordedBy: RecordedBy.nullable().optional(),
  // Collaboration facts (shared/domain/collaboration.ts); optional so older items still parse.
  commentRequests: z.array(CommentRequest).optional(),
  shares: z.array(Share).optional(),
  handoff: Handoff.nullable().optional(),
});
export type FeedbackItem = z.infer<typeof FeedbackItem>;
