/**
 * The staff sync protocol between a desk and the central server (after Replicache/Zero).
 * Both sides parse every body with these schemas.
 */
import { z } from 'zod';
import { FeedbackItem } from '../domain/feedback-item.js';
import { AnswerTemplate, Reference, Staff } from '../domain/reference.js';
import { ItemId, StaffId } from '../domain/ids.js';

export const STAFF_API_PREFIX = '/staff/v1';
export const SCHEMA_VERSION = 1;

/** Every desk installation has one; mutation ids are counted per clientId. */
export const ClientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId is 8..64 letters, digits, _ or -');

export const LoginRequest = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
  clientId: ClientId,
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.object({
  token: z.string().min(20),
  expiresAt: z.string(),
  staff: Staff,
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const PullQuery = z.object({
  cookie: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
  clientId: ClientId,
});
export type PullQuery = z.infer<typeof PullQuery>;

/** The outcome of a pushed mutation the server refused for good (P: never silently dropped). */
export const MutationResult = z.object({
  clientId: ClientId,
  mutationId: z.number().int().positive(),
  name: z.string(),
  error: z.object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()).default({}) }),
  at: z.string(),
});
export type MutationResult = z.infer<typeof MutationResult>;

export const PullResponse = z.object({
  /** The server's change sequence this page reaches; send it back as the next cookie. */
  cookie: z.number().int().nonnegative(),
  hasMore: z.boolean(),
  /** How many changed items the whole pull (all pages from the request's cookie) holds; first page only. */
  total: z.number().int().nonnegative().nullable(),
  /** The highest mutation id of this client the server has processed (applied or refused). */
  lastMutationId: z.number().int().nonnegative(),
  items: z.array(FeedbackItem),
  /** Items this user may no longer see: delete them locally. */
  revoked: z.array(ItemId),
  /** Refusals of this client's mutations processed since the client's previous pull. */
  results: z.array(MutationResult),
  /** Departments, services and staff; sent on the first page of every pull. */
  reference: Reference.nullable(),
});
export type PullResponse = z.infer<typeof PullResponse>;

export const PushedMutation = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(100),
  args: z.record(z.string(), z.unknown()),
  clientTime: z.string(),
});
export type PushedMutation = z.infer<typeof PushedMutation>;

export const PushRequest = z.object({
  clientId: ClientId,
  schemaVersion: z.literal(SCHEMA_VERSION),
  mutations: z.array(PushedMutation).max(1000),
});
export type PushRequest = z.infer<typeof PushRequest>;

export const PushResponse = z.object({
  lastMutationId: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof PushResponse>;

/** A desk says which item its user has open (null: none) and whether they are editing its answer draft. */
export const PresenceRequest = z.object({ clientId: ClientId, itemId: ItemId.nullable(), editing: z.boolean().default(false) });
export type PresenceRequest = z.infer<typeof PresenceRequest>;

export const PresencePerson = z.object({ staffId: StaffId, displayName: z.string(), editing: z.boolean() });
export type PresencePerson = z.infer<typeof PresencePerson>;

/** The people on an item besides the asking desk: the answer to a PresenceRequest, and the data of a `presence` live event. */
export const ItemPresence = z.object({ itemId: ItemId.nullable(), people: z.array(PresencePerson) });
export type ItemPresence = z.infer<typeof ItemPresence>;

/** An administrator's text module, as sent to PUT /templates/:id (the id is in the path). */
export const TemplateInput = AnswerTemplate.pick({ departmentId: true, language: true, title: true, text: true });
export type TemplateInput = z.infer<typeof TemplateInput>;

/** An administrator's settings of a department (PUT /departments/:id/settings). */
export const DepartmentSettings = z.object({ requiresApproval: z.boolean() });
export type DepartmentSettings = z.infer<typeof DepartmentSettings>;

/** Error body of every staff endpoint. */
export const ApiError = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof ApiError>;
