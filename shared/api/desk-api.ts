/**
 * The DeskApi: the one contract between the renderer and the desk core, whether it travels over
 * Electron IPC (window.desk) or over HTTP in browser mode (POST /desk/api/<method>).
 * Every request and response has a schema here; both ends parse with them.
 */
import { z } from 'zod';
import { Channel, Kind, Language, Status } from '../domain/enums.js';
import { FeedbackItem } from '../domain/feedback-item.js';
import { DepartmentId, ItemId, ServiceCode, StaffId } from '../domain/ids.js';
import { Reference, Staff } from '../domain/reference.js';

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

/** One method's request and response schema. */
const method = <A extends z.ZodType, R extends z.ZodType>(args: A, result: R) => ({ args, result });

export const deskMethods = {
  signIn: method(
    z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000) }),
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
]);
export type DeskEvent = z.infer<typeof DeskEvent>;

/** Error codes the desk core returns; the renderer translates them (errors.<code>). */
export const DeskErrorCode = z.enum([
  'invalid_args',
  'unknown_method',
  'not_signed_in',
  'bad_credentials',
  'central_unreachable',
  'pending_mutations',
  'forbidden',
  'not_found',
  'internal',
]);
export type DeskErrorCode = z.infer<typeof DeskErrorCode>;

export const DeskErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode | string,
    message: string,
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
