/**
 * The DeskApi: the one contract between the renderer and the desk core, whether it travels over
 * Electron IPC (window.desk) or over HTTP in browser mode (POST /desk/api/<method>).
 * Every request and response has a schema here; both ends parse with them.
 */
import { z } from 'zod';
import { Channel, Kind, Language, PublicationState, Status } from '../domain/enums.js';
import { FeedbackItem, PublicationReason } from '../domain/feedback-item.js';
import { isStoredFileName, isStoredPhotoName, PHOTO_TYPES } from '../domain/attachments.js';
import { findingKinds } from '../moderation/types.js';
import { DepartmentId, ItemId, ServiceCode, StaffId } from '../domain/ids.js';
import { AnswerTemplate, Department, Reference, Staff } from '../domain/reference.js';
import { WORK_FLAGS } from '../workflow/collaboration.js';
import { NOTIFICATION_KINDS } from '../workflow/notifications.js';
import { ItemPresence, PresencePerson, TemplateInput } from './sync-protocol.js';

export const InboxView = z.enum([
  'all',
  'new',
  'in_triage',
  'mine',
  'my_department',
  'due_soon',
  'overdue',
  'restricted',
  'redirected',
  'publication_queue',
  // Answering with colleagues (P12).
  'requested_from_me',
  'my_requests',
  'requests_overdue',
  'to_approve',
  'shared_with_me',
]);
export type InboxView = z.infer<typeof InboxView>;

export const InboxFilter = z.object({
  view: InboxView.default('all'),
  kind: z.array(Kind).optional(),
  channel: z.array(Channel).optional(),
  status: z.array(Status).optional(),
  language: z.array(Language).optional(),
  serviceCode: z.array(ServiceCode).optional(),
  departmentId: z.array(DepartmentId).optional(),
  hasContact: z.boolean().optional(),
  publicationPermission: z.boolean().optional(),
});
export type InboxFilter = z.infer<typeof InboxFilter>;

export const InboxSort = z.object({
  by: z.enum(['receivedAt', 'dueAt']).default('receivedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
});
export type InboxSort = z.infer<typeof InboxSort>;

/** The slim projection an inbox row needs; the full item comes from getItem. */
export const InboxRow = z.object({
  id: ItemId,
  serviceRequestId: z.string(),
  kind: Kind,
  channel: Channel,
  language: Language,
  title: z.string(),
  departmentId: DepartmentId.nullable(),
  serviceCode: ServiceCode.nullable(),
  assigneeId: StaffId.nullable(),
  status: Status,
  receivedAt: z.string(),
  dueAt: z.string(),
  restricted: z.boolean(),
  hasContact: z.boolean(),
  publicationPermission: z.boolean(),
  /** Local changes not yet confirmed by the central server. */
  pending: z.boolean(),
  /** Where it stands between colleagues, for the signed-in person (shared/workflow/collaboration.ts). */
  workFlags: z.array(z.enum(WORK_FLAGS)),
});
export type InboxRow = z.infer<typeof InboxRow>;

export const SyncPhase = z.enum(['signed_out', 'initial', 'incremental', 'idle', 'offline', 'error']);
export type SyncPhase = z.infer<typeof SyncPhase>;

export const SyncStatus = z.object({
  phase: SyncPhase,
  online: z.boolean(),
  lastSyncAt: z.string().nullable(),
  /** Set during a pull that knows its size (the initial sync shows a progress bar). */
  progress: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).nullable(),
  pendingCount: z.number().int().nonnegative(),
  oldestPendingAt: z.string().nullable(),
  rejectedCount: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  centralUrl: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Session = z.object({ staff: Staff, centralUrl: z.string() });

/**
 * A local change that did not take: the central server refused it, or the item left this user's
 * view with the change still pending. Kept with its reason until the author retries or discards it.
 */
export const RejectedMutation = z.object({
  mutationId: z.number().int().positive(),
  name: z.string(),
  args: z.record(z.string(), z.unknown()),
  itemId: ItemId.nullable(),
  /** e.g. forbidden, conflict, invalid_transition, invalid_state, not_found, item_revoked */
  code: z.string(),
  message: z.string(),
  /** For a conflict: {field, mine, theirs, baseVersion, currentVersion}. */
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type RejectedMutation = z.infer<typeof RejectedMutation>;
export type Session = z.infer<typeof Session>;

/** Text with [start, end) UTF-16 ranges to highlight (search matches). */
export const Highlighted = z.object({
  text: z.string(),
  highlights: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])),
});
export type Highlighted = z.infer<typeof Highlighted>;

export const SearchHit = z.object({
  row: InboxRow,
  title: Highlighted,
  /** Where the words matched, when not only in the title. */
  snippet: Highlighted.nullable(),
  field: z.enum(['text', 'answer', 'comment']).nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  hits: z.array(SearchHit),
  total: z.number().int().nonnegative(),
  /** total is a lower bound (counting stops early for very common words). */
  totalCapped: z.boolean(),
  /** Field terms that were not understood, as typed. */
  unknownTerms: z.array(z.string()),
  /** Cached items not yet in the search index (results may miss them). */
  indexingPending: z.number().int().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** A triage suggestion (shared/workflow/suggestions.ts), shown with its reason, never applied by itself. */
export const TriageSuggestion = z.discriminatedUnion('type', [
  z.object({ type: z.literal('redirect_to_registry'), reason: z.literal('formal_complaint_wording'), evidence: z.array(z.string()) }),
  z.object({ type: z.literal('restrict'), reason: z.enum(['health_or_social_client_info', 'personal_identity_code']), evidence: z.array(z.string()) }),
  z.object({ type: z.literal('duplicate'), reason: z.literal('same_place_similar_text'), evidence: z.array(z.string()), itemId: ItemId, similarity: z.number() }),
  z.object({
    type: z.literal('route'),
    reason: z.literal('keywords'),
    evidence: z.array(z.string()),
    serviceCode: ServiceCode,
    departmentId: DepartmentId.nullable(),
    score: z.number(),
  }),
]);
export type TriageSuggestion = z.infer<typeof TriageSuggestion>;

export const Dashboard = z.object({
  generatedAt: z.string(),
  /** buckets: open items aged <2 days, 2-7 days, 7-14 days, over 14 days. */
  openByDepartment: z.array(z.object({ departmentId: DepartmentId.nullable(), buckets: z.array(z.number().int().nonnegative()), total: z.number().int() })),
  answeredWithinWeek: z.array(
    z.object({ weekStart: z.string(), onTime: z.number().int().nonnegative(), considered: z.number().int().nonnegative(), share: z.number().min(0).max(1).nullable() }),
  ),
  incomingByChannel: z.array(z.object({ channel: Channel, count: z.number().int().nonnegative() })),
  incomingDays: z.number().int().positive(),
});
export type Dashboard = z.infer<typeof Dashboard>;

/** A moderation finding in one publishable field (shared/moderation Finding); `guarded` = the central guard refuses it. */
export const ModerationFinding = z.object({
  kind: z.enum(findingKinds),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  score: z.number(),
  explanation: z.string(),
  validated: z.boolean().optional(),
  guarded: z.boolean(),
});
export type ModerationFinding = z.infer<typeof ModerationFinding>;

const PublicationFieldSchema = z.enum(['title', 'text', 'answer']);
const PublicationReasonSchema = PublicationReason;

/** shared/workflow/publication.ts PublicationChecklist as a schema. */
export const PublicationChecklistSchema = z.object({
  automaticWithhold: z.array(PublicationReasonSchema),
  checks: z.array(
    z.object({
      code: PublicationReasonSchema,
      rule: z.enum(['P17', 'P19a', 'P19b', 'P19c', 'P19d', 'P19e', 'P19f']),
      state: z.enum(['ok', 'problem', 'ask_moderator']),
      evidence: z.array(
        z.object({
          field: z.enum(['title', 'text', 'answer', 'item']),
          message: z.string(),
          finding: z.object({ kind: ModerationFinding.shape.kind, start: z.number(), end: z.number(), score: z.number() }).optional(),
          span: z.object({ start: z.number(), end: z.number() }).optional(),
        }),
      ),
    }),
  ),
  advice: z.array(z.object({ code: z.enum(['concise', 'topical', 'useful_question']), met: z.boolean(), message: z.string() })),
});

// Generous limits: the editor scans whatever the citizen sent; saving enforces the publication limits (editPublication).
const ModerationTexts = z.object({ title: z.string().max(2000).nullable(), text: z.string().max(100_000), answer: z.string().max(100_000).nullable() });

export const ModerationScan = z.object({
  /** The language the placeholders and spelling use (the item's). */
  language: Language,
  /** The texts that were scanned (the given unsaved ones, or the saved publishable version). */
  texts: ModerationTexts,
  findings: z.record(PublicationFieldSchema, z.array(ModerationFinding)),
  checklist: PublicationChecklistSchema,
  /** Publication state of the item this one duplicates, when cached (P17). */
  duplicateOfState: PublicationState.nullable(),
  /** False when the name and street lists could not be loaded: person and address findings are then missing. */
  lexiconLoaded: z.boolean(),
});
export type ModerationScan = z.infer<typeof ModerationScan>;

/** `true`, or why spelling in that language is not available (shown to the moderator as is). */
export const SpellAvailability = z.union([z.literal(true), z.string()]);
export const SpellcheckResult = z.object({
  issues: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), word: z.string(), suggestions: z.array(z.string()) })),
  available: z.object({ fi: SpellAvailability, sv: SpellAvailability, en: SpellAvailability }),
});
export type SpellcheckResult = z.infer<typeof SpellcheckResult>;

/** Something a colleague did that the signed-in person should hear of (shared/workflow/notifications.ts). */
export const DeskNotification = z.object({
  id: z.string(),
  itemId: ItemId,
  kind: z.enum(NOTIFICATION_KINDS),
  at: z.string(),
  actorName: z.string(),
  read: z.boolean(),
  /** From the cached item; null when it is no longer cached. */
  serviceRequestId: z.string().nullable(),
  title: z.string().nullable(),
});
export type DeskNotification = z.infer<typeof DeskNotification>;

export const NotificationList = z.object({ unread: z.number().int().nonnegative(), items: z.array(DeskNotification) });
export type NotificationList = z.infer<typeof NotificationList>;

/** Who else is on an item; `known` is false while the central cannot be reached (presence is then unknown). */
export const PresenceState = ItemPresence.extend({ known: z.boolean() });
export type PresenceState = z.infer<typeof PresenceState>;
export { PresencePerson };

/** An item that left this user's view after they handed it on, or answered the request that opened it. */
export const DepartedItem = z.object({
  itemId: ItemId,
  serviceRequestId: z.string(),
  reason: z.enum(['transferred', 'request_closed', 'share_ended']),
  toDepartmentId: DepartmentId.nullable(),
  toStaffId: StaffId.nullable(),
  at: z.string(),
});
export type DepartedItem = z.infer<typeof DepartedItem>;

/** One method's request and response schema. */
const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const deskMethods = {
  /**
   * Refused with other_users_changes when another user's changes still wait to be sent from this
   * desk (their session expired); `discardOtherUsersChanges` signs in anyway and discards them.
   */
  signIn: method(
    z.object({
      username: z.string().trim().min(1).max(100),
      password: z.string().min(1).max(1000),
      discardOtherUsersChanges: z.boolean().default(false),
    }),
    Session,
  ),
  /** `force` signs out even when mutations are still waiting to be sent (they are discarded). */
  signOut: method(z.object({ force: z.boolean().default(false) }).default({ force: false }), z.object({ ok: z.literal(true) })),
  whoAmI: method(z.object({}).default({}), Session.nullable()),
  listInbox: method(
    z
      .object({
        filter: InboxFilter.optional(),
        sort: InboxSort.optional(),
        page: z.object({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(500).default(100) }).optional(),
      })
      .default({}),
    z.object({ items: z.array(InboxRow), total: z.number().int().nonnegative() }),
  ),
  getItem: method(z.object({ id: ItemId }), FeedbackItem.nullable()),
  getReference: method(z.object({}).default({}), Reference),
  syncStatus: method(z.object({}).default({}), SyncStatus),
  /** Ask for a pull now (the sync indicator's "sync now"). */
  syncNow: method(z.object({}).default({}), SyncStatus),
  /**
   * Run a staff action (a shared/mutations definition, by name) on the cached item at once and
   * queue it for the central server. Refused locally (forbidden, invalid_args, conflict, ...) means
   * nothing was written.
   */
  mutate: method(
    z.object({ name: z.string().min(1).max(100), args: z.record(z.string(), z.unknown()) }),
    z.object({ mutationId: z.number().int().positive(), item: FeedbackItem }),
  ),
  listRejected: method(z.object({}).default({}), z.array(RejectedMutation)),
  /** retry queues the same change again (a new mutationId); discard forgets it. */
  resolveRejected: method(
    z.object({ mutationId: z.number().int().positive(), action: z.enum(['retry', 'discard']) }),
    z.object({ ok: z.literal(true), mutationId: z.number().int().positive().nullable() }),
  ),
  /** Full-text search over the cache with field terms (osasto:, tila:, laji:, kanava:, kieli:, palvelu:). */
  search: method(
    z.object({
      query: z.string().max(500),
      page: z.object({ offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(100).default(50) }).optional(),
    }),
    SearchResult,
  ),
  dashboard: method(z.object({}).default({}), Dashboard),
  /** Triage suggestions for one cached item; empty when there is nothing to suggest. */
  suggestions: method(z.object({ id: ItemId }), z.array(TriageSuggestion)),
  /**
   * Moderation findings per publishable field (title, text, answer) and the publication checklist (P17-P19).
   * `texts` scans the editor's unsaved version instead of the saved one.
   */
  moderationScan: method(z.object({ itemId: ItemId, texts: ModerationTexts.optional() }), ModerationScan),
  /**
   * A photo attached to a cached item, from the desk's encrypted cache, fetched from the central
   * server the first time (offline and not yet fetched: central_unreachable).
   */
  itemPhoto: method(
    z.object({ itemId: ItemId, name: z.string().refine(isStoredPhotoName, 'not the name of a stored photo') }),
    z.object({ contentType: z.enum(PHOTO_TYPES), dataBase64: z.string() }),
  ),
  /** Any stored file of a cached item (a mail's PDF, say) for saving; fetched from the central server each time. */
  attachmentFile: method(
    z.object({ itemId: ItemId, name: z.string().refine(isStoredFileName, 'not the name of a stored file') }),
    z.object({ fileName: z.string(), dataBase64: z.string() }),
  ),
  /** Misspelled words with suggestions (fi: Voikko, sv/en: nspell); `available` says why a language is not checked. */
  spellcheck: method(z.object({ text: z.string().max(100_000), language: Language }), SpellcheckResult),
  /** Newest first: what colleagues did that this person should hear of (kept in the cache, offline too). */
  listNotifications: method(z.object({}).default({}), NotificationList),
  /** Mark the notifications of one item (opened), or all of them, as read. */
  markNotificationsRead: method(z.object({ itemId: ItemId.optional(), all: z.boolean().optional() }), z.object({ unread: z.number().int().nonnegative() })),
  /**
   * Say which item this person has open (null: none) and whether they are editing its answer; the
   * answer lists the others on it. Offline: `known` false, nothing is sent.
   */
  setPresence: method(z.object({ itemId: ItemId.nullable(), editing: z.boolean().default(false) }), PresenceState),
  /** Who else is on an item, as last heard from the central's live events. */
  getPresence: method(z.object({ itemId: ItemId }), PresenceState),
  /** Where an item went that this person handed on (getItem then answers null). */
  departedItem: method(z.object({ id: ItemId }), DepartedItem.nullable()),
  /** Administrators: create (no id) or change a text module. Needs the central: reference data is kept there. */
  saveTemplate: method(TemplateInput.extend({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() }), AnswerTemplate),
  deleteTemplate: method(z.object({ id: z.string().min(1).max(64) }), z.object({ ok: z.literal(true) })),
  /** Administrators: whether a department's answers need another person's approval (P11). */
  setDepartmentSettings: method(z.object({ departmentId: DepartmentId, requiresApproval: z.boolean() }), Department),
} as const;

export type DeskMethodName = keyof typeof deskMethods;
export type DeskArgs<M extends DeskMethodName> = z.input<(typeof deskMethods)[M]['args']>;
export type DeskResult<M extends DeskMethodName> = z.output<(typeof deskMethods)[M]['result']>;

/** What the renderer sees as window.desk (and what the HTTP client implements). */
export type DeskApi = {
  [M in DeskMethodName]: (args: DeskArgs<M>) => Promise<DeskResult<M>>;
} & {
  /** Subscribe to change and sync events; returns an unsubscribe function. */
  onEvent(listener: (event: DeskEvent) => void): () => void;
};

export const DeskEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('items-changed'), ids: z.array(ItemId) }),
  z.object({ type: z.literal('sync'), status: SyncStatus }),
  z.object({ type: z.literal('session'), session: Session.nullable() }),
  z.object({ type: z.literal('presence'), presence: PresenceState }),
  /** Departments, services, staff or text modules changed (an administrator's edit, a new colleague). */
  z.object({ type: z.literal('reference-changed') }),
  /** New notifications arrived with a pull (the desktop shell shows them as system notifications). */
  z.object({ type: z.literal('notifications'), added: z.array(DeskNotification), unread: z.number().int().nonnegative() }),
]);
export type DeskEvent = z.infer<typeof DeskEvent>;

/** Error codes the desk core returns; the renderer translates them (errors.<code>). */
export const DeskErrorCode = z.enum([
  'invalid_args',
  'unknown_method',
  'not_signed_in',
  'bad_credentials',
  'too_many_attempts',
  'central_unreachable',
  'not_a_photo',
  'pending_mutations',
  'other_users_changes',
  'unknown_placeholder',
  'forbidden',
  'not_found',
  'internal',
]);
export type DeskErrorCode = z.infer<typeof DeskErrorCode>;

export const DeskErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), reason: z.string().optional() }) });

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode | string,
    message: string,
    /** A refusal's translatable reason (MutationError details.reason), e.g. due_in_past. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'DeskError';
  }
}

export const DESK_HTTP_PREFIX = '/desk/api/';
export const DESK_EVENTS_PATH = '/desk/events';
/** Electron IPC channel names: one invoke channel per method, one event channel. */
export const ipcChannel = (m: DeskMethodName) => `desk:${m}`;
export const IPC_EVENT_CHANNEL = 'desk:event';
