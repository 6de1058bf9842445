import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { SqliteError } from 'better-sqlite3';
import { findMutation, MutationError, runMutation, type Directory, type MutationContext } from '../../shared/mutations/index.js';
import type { MutationResult, PushRequest, PushResponse } from '../../shared/api/sync-protocol.js';
import type { FeedbackItem } from '../../shared/domain/index.js';
import type { CentralStore } from '../store/central-store.js';
import { HttpError } from '../http/errors.js';
import { queueNoticesForChange } from '../mail/outbox.js';
import type { Authenticated } from './auth.js';

type Refusal = MutationResult['error'];

/**
 * Apply pushed mutations in order, each in its own transaction together with the client's
 * lastMutationId, so a crash between two mutations leaves a consistent prefix applied.
 * - ids <= lastMutationId were processed before (a retried push): skipped.
 * - an id other than lastMutationId + 1 is a gap: 409, nothing after it is applied.
 * - a refusal (MutationError, unknown mutation, an item the rules reject) consumes the id and is
 *   stored; the next pull returns it. Database errors are not refusals: 500, the desk retries.
 */
export interface PushOptions {
  /** Base of the citizen status links in notices a change queues (walk-in acknowledgement, answer). */
  publicBaseUrl: string;
}

export function applyPush(store: CentralStore, auth: Authenticated, body: PushRequest, log: FastifyBaseLogger, opts: PushOptions): PushResponse {
  const client = store.getClient(body.clientId) ?? store.bindClient(body.clientId, auth.staff.id);
  if (client.staffId !== auth.staff.id) throw new HttpError(403, 'client_mismatch', 'this clientId belongs to another user');

  let lastMutationId = client.lastMutationId;
  // The batch runs synchronously (no other writer in between), so an item read or written by one
  // mutation is reused by the next without parsing its JSON again.
  const items = new Map<string, FeedbackItem | null>();
  let directory: Directory | null = null;
  const lookups = () => (directory ??= store.directory());
  for (const m of body.mutations) {
    if (m.id <= lastMutationId) continue;
    if (m.id !== lastMutationId + 1) {
      throw new HttpError(409, 'mutation_gap', `mutation ${m.id} does not follow ${lastMutationId}; push from ${lastMutationId + 1}`);
    }
    store.transaction(() => {
      const now = store.nowIso();
      const refusal = applyOne(store, items, lookups, auth, m.name, m.args, now, body.clientId, log, opts);
      if (refusal) store.recordResult({ clientId: body.clientId, mutationId: m.id, name: m.name, error: refusal, at: now });
      store.setLastMutationId(body.clientId, m.id);
    });
    lastMutationId = m.id;
  }
  return { lastMutationId };
}

function applyOne(
  store: CentralStore,
  items: Map<string, FeedbackItem | null>,
  directory: () => Directory,
  auth: Authenticated,
  name: string,
  args: Record<string, unknown>,
  now: string,
  clientId: string,
  log: FastifyBaseLogger,
  opts: PushOptions,
): Refusal | null {
  const def = findMutation(name);
  if (!def) return { code: 'unknown_mutation', message: `this server does not know the mutation ${name}`, details: { name } };
  const ctx: MutationContext = { actor: auth.actor, now, clientId, newId: randomUUID, directory: directory() };
  try {
    const itemId = typeof args.itemId === 'string' ? args.itemId : null;
    let item: FeedbackItem | null = null;
    if (itemId !== null) {
      if (!items.has(itemId)) items.set(itemId, store.getItem(itemId));
      item = items.get(itemId)!;
    }
    const next = runMutation(def, args, item, ctx);
    const stored = store.putItem(next);
    items.set(next.id, stored);
    // The citizen's notices are rows in the same transaction as the change (P3, P4, P6).
    queueNoticesForChange(store.db, item, stored, { publicBaseUrl: opts.publicBaseUrl, now });
    return null;
  } catch (err) {
    if (err instanceof MutationError) return { code: err.code, message: err.message, details: err.details };
    if (err instanceof SqliteError) throw err;
    // A mutation that produced an item the schema rejects, or a bug in apply: refusing it keeps the
    // desk's queue moving and shows the author what happened, instead of retrying forever.
    log.error({ err, mutation: name }, 'mutation failed unexpectedly; stored as a refusal');
    return { code: 'invalid_state', message: `the server could not apply ${name}: ${err instanceof Error ? err.message.slice(0, 300) : 'unknown error'}`, details: {} };
  }
}
