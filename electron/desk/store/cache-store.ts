import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { InboxFilter, InboxRow, InboxSort, RejectedMutation } from '../../../shared/api/desk-api.js';
import type { Actor } from '../../../shared/workflow/permissions.js';
import type { PullResponse } from '../../../shared/api/sync-protocol.js';
import { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { Reference, Staff } from '../../../shared/domain/reference.js';
import { CACHE_FILE, openCacheDb, type CacheDb } from './cache-db.js';
import { InboxIndex, type IndexRow, type InboxContext } from './inbox-index.js';
import { PhotoStore } from './photo-store.js';
import { NotificationStore } from './notification-store.js';
import { referenceDirectory, type Directory } from '../../../shared/mutations/define.js';
import type { DerivedNotification } from '../../../shared/workflow/notifications.js';
import { applyEntry, rebase, type OutboxEntry } from './rebase.js';
import { INDEX_ROW_COLUMNS, tupleToIndexRow, type InboxRowTuple } from './inbox-rows.js';
import { ITEM_COLUMNS, prepareItem, preparedIndexRow, preparedJsonText, type PreparedItem } from './item-columns.js';
import type { PreparedPullPage } from '../sync/pull-page.js';
import type { CacheKeyProvider } from './key-provider.js';

export type Log = (msg: string, extra?: object) => void;

export const StoredSession = z.object({ token: z.string().min(1), expiresAt: z.string(), staff: Staff });
export type StoredSession = z.infer<typeof StoredSession>;

/** A cached row whose JSON no longer matches the schema (disk damage, a bug in an old version). */
export class CorruptRowError extends Error {
  constructor(
    readonly table: string,
    readonly key: string,
    detail: string,
  ) {
    super(`cached ${table} row ${key} is damaged: ${detail}`);
    this.name = 'CorruptRowError';
  }
}

const EMPTY_REFERENCE: Reference = { departments: [], services: [], staff: [], templates: [] };
/** meta key that pauses the search-queue triggers during a fill (migration 6). */
const SEARCH_QUEUE_BULK = 'searchQueueBulk';
const SEARCH_INSERT_TRIGGER = 'items_search_ins';

/** What applying one pull page changed, for change events. */
const CacheOwner = z.object({ id: z.string(), username: z.string().nullable() });
export type CacheOwner = z.infer<typeof CacheOwner>;

export interface PageEffect {
  changedIds: string[];
  revokedIds: string[];
  /** Notifications the pages brought for the signed-in person (none while filling an empty cache). */
  notifications: DerivedNotification[];
  /** Departments, services, staff or text modules differ from what the cache had. */
  referenceChanged: boolean;
}

/**
 * The local encrypted cache: items the signed-in user may see, reference data, the session and
 * sync bookkeeping. Synchronous on purpose (better-sqlite3): every write is one transaction.
 */
export class CacheStore {
  private readonly stmts;
  /** True while applying pages to a cache that started the pull empty (insert-first writes). */
  private filling = false;
  /** Built on first use from the `items` table, then kept in step after every commit. */
  private index: InboxIndex | null = null;
  /** The cached reference data as mutations look colleagues up; rebuilt when it changes. */
  private cachedDirectory: Directory | null = null;
  readonly photos: PhotoStore;
  readonly notifications: NotificationStore;

  static async open(dataDir: string, keyProvider: CacheKeyProvider, log: Log = () => {}): Promise<CacheStore> {
    const key = await keyProvider.getKey();
    return new CacheStore(openCacheDb(join(dataDir, CACHE_FILE), key), log);
  }

  constructor(
    readonly db: CacheDb,
    private readonly log: Log = () => {},
  ) {
    this.photos = new PhotoStore(db);
    this.notifications = new NotificationStore(db);
    const cols = ITEM_COLUMNS.join(', ');
    const updates = ITEM_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = ?`)
      .join(', ');
    this.stmts = {
      metaGet: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      metaSet: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      metaDelete: db.prepare('DELETE FROM meta WHERE key = ?'),
      // UPDATE, then INSERT when nothing was there, rather than one UPSERT: an UPSERT's conflict
      // policy overrides the OR IGNORE of triggers on items (the search queue has such triggers).
      insertItem: db.prepare(`INSERT INTO items (${cols}, pending) VALUES (${ITEM_COLUMNS.map(() => '?').join(', ')}, ?)`),
      updateItem: db.prepare(`UPDATE items SET ${updates}, pending = ? WHERE id = ?`),
      // The JSON may come as UTF-8 bytes (PreparedItem): bound as a blob, stored as text.
      upsertDoc: db.prepare(
        'INSERT INTO item_docs (id, json, confirmed_json) VALUES (?, CAST(? AS TEXT), ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, confirmed_json = excluded.confirmed_json',
      ),
      getBase: db.prepare('SELECT d.json, d.confirmed_json, i.pending FROM item_docs d JOIN items i ON i.id = d.id WHERE d.id = ?'),
      outboxAfter: db.prepare('SELECT id, name, args, item_id, client_time, actor FROM outbox WHERE id > ? ORDER BY id LIMIT ?'),
      outboxFor: db.prepare('SELECT id, name, args, item_id, client_time, actor FROM outbox WHERE item_id = ? ORDER BY id'),
      outboxUpTo: db.prepare('SELECT id, name, args, item_id, client_time, actor FROM outbox WHERE id <= ? ORDER BY id'),
      outboxDeleteUpTo: db.prepare('DELETE FROM outbox WHERE id <= ?'),
      outboxItemsAfter: db.prepare('SELECT DISTINCT item_id FROM outbox WHERE id > ?').pluck(),
      outboxInsert: db.prepare('INSERT INTO outbox (id, name, args, item_id, client_time, actor) VALUES (?, ?, ?, ?, ?, ?)'),
      outboxStats: db.prepare('SELECT count(*) AS n, min(id) AS minId, max(id) AS maxId, min(client_time) AS oldest FROM outbox'),
      rejectedPut: db.prepare(
        'INSERT OR REPLACE INTO rejected (mutation_id, name, args, item_id, code, message, details, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      rejectedAll: db.prepare('SELECT mutation_id, name, args, item_id, code, message, details, at FROM rejected ORDER BY mutation_id'),
      rejectedGet: db.prepare('SELECT mutation_id, name, args, item_id, code, message, details, at FROM rejected WHERE mutation_id = ?'),
      rejectedDelete: db.prepare('DELETE FROM rejected WHERE mutation_id = ?'),
      rejectedCount: db.prepare('SELECT count(*) FROM rejected').pluck(),
      deleteItem: db.prepare('DELETE FROM items WHERE id = ?'),
      deleteDoc: db.prepare('DELETE FROM item_docs WHERE id = ?'),
      getItemJson: db.prepare('SELECT json FROM item_docs WHERE id = ?').pluck(),
      refGet: db.prepare('SELECT json FROM reference WHERE key = ?').pluck(),
      refSet: db.prepare('INSERT INTO reference (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json'),
      countItems: db.prepare('SELECT count(*) FROM items').pluck(),
      triggerSql: db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck(),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- meta ---------------------------------------------------------------------------------

  private metaGet(key: string): unknown {
    const raw = this.stmts.metaGet.get(key) as string | undefined;
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw);
    } catch {
      this.log('cache: damaged meta value ignored', { key });
      return undefined;
    }
  }

  private metaSet(key: string, value: unknown): void {
    if (value === undefined || value === null) this.stmts.metaDelete.run(key);
    else this.stmts.metaSet.run(key, JSON.stringify(value));
  }

  /** This installation's id: made once, kept across sign-ins and sign-outs (mutation ids count per client). */
  clientId(): string {
    const existing = this.metaGet('clientId');
    if (typeof existing === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
    const id = `desk-${randomBytes(12).toString('base64url')}`;
    this.metaSet('clientId', id);
    return id;
  }

  session(): StoredSession | null {
    const raw = this.metaGet('session');
    if (raw === undefined) return null;
    const parsed = StoredSession.safeParse(raw);
    if (!parsed.success) {
      this.log('cache: damaged session ignored (sign in again)', { issues: parsed.error.issues.length });
      return null;
    }
    return parsed.data;
  }

  setSession(session: StoredSession | null): void {
    this.metaSet('session', session);
  }

  /** Whose data fills the cache (and whose changes wait in the outbox); survives an expired session, not a sign-out. */
  cacheOwner(): CacheOwner | null {
    const v = this.metaGet('cacheOwner');
    // A bare staff id was written before usernames were kept.
    if (typeof v === 'string') return { id: v, username: null };
    const owner = CacheOwner.safeParse(v);
    return owner.success ? owner.data : null;
  }

  setCacheOwner(owner: CacheOwner | null): void {
    this.metaSet('cacheOwner', owner);
  }

  /** The central server this cache was filled from (normalized URL). */
  centralUrl(): string | null {
    const v = this.metaGet('centralUrl');
    return typeof v === 'string' ? v : null;
  }

  setCentralUrl(url: string): void {
    this.metaSet('centralUrl', url);
  }

  cookie(): number {
    const v = this.metaGet('cookie');
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  }

  lastSyncAt(): string | null {
    const v = this.metaGet('lastSyncAt');
    return typeof v === 'string' ? v : null;
  }

  // ---- items --------------------------------------------------------------------------------

  itemCount(): number {
    return this.stmts.countItems.get() as number;
  }

  /**
   * Apply pull pages atomically: items upserted, revoked items deleted, cookie, sync time and
   * reference data stored, all or nothing. A connection cut mid-sync therefore never leaves half
   * a page, and the next pull resumes from the last whole page. Several whole pages may go in one
   * transaction (the initial sync does, to save a disk sync per page).
   *
   * Rebase, in the same transaction: mutations up to the page's lastMutationId are confirmed (or
   * refused: the page's results become rejections) and leave the outbox; an item with changes
   * still pending keeps the server's copy as confirmed_json and shows it with them re-applied.
   */
  applyPullPages(
    pages: ReadonlyArray<PullResponse | PreparedPullPage>,
    syncedAt: string,
    opts: {
      filling?: boolean;
      /** Whose desk this is: their notifications are derived from what changed (not while filling). */
      actor?: Actor | null;
    } = {},
  ): PageEffect {
    const touched = new Map<string, IndexRow>();
    this.filling = opts.filling ?? false;
    const actor = this.filling ? null : (opts.actor ?? null);
    const newSince = this.lastSyncAt() ?? syncedAt;
    const apply = this.db.transaction((): PageEffect => {
      const changed = new Set<string>();
      const revoked = new Set<string>();
      const notifications: DerivedNotification[] = [];
      let referenceChanged = false;
      const clientId = this.clientId();
      // Filling: items are queued for search all at once afterwards (finishBulkFill, migration 6).
      // The paused insert trigger still cost ~2.5 us a row (a tenth of the write), so it is
      // dropped for this transaction and re-created from its own SQL before the commit.
      let insertTrigger: string | undefined;
      if (this.filling) {
        this.stmts.metaSet.run(SEARCH_QUEUE_BULK, 'true');
        insertTrigger = this.stmts.triggerSql.get(SEARCH_INSERT_TRIGGER) as string | undefined;
        if (insertTrigger) this.db.exec(`DROP TRIGGER ${SEARCH_INSERT_TRIGGER}`);
      }
      for (const page of pages) {
        // What the person last saw of items leaving their view (step 3 may rewrite it from the
        // server's older copy): the desk says where an item they handed on went.
        const leaving = actor ? new Map(page.revoked.map((id) => [id, this.cachedView(id)])) : null;
        // 1. Refusals of processed mutations become rejections, with the args from the outbox.
        //    Processed entries (id <= lastMutationId) leave the outbox only on the pull's last
        //    page: a refusal may arrive on a later page than the lastMutationId that covers it,
        //    and what the author typed must still be there to keep with it.
        const done = page.lastMutationId;
        const processed = this.stmts.outboxUpTo.all(done) as OutboxRow[];
        const processedById = new Map(processed.map((r) => [r.id, r]));
        for (const result of page.results) {
          if (result.clientId !== clientId) continue;
          const row = processedById.get(result.mutationId);
          this.putRejected({
            mutationId: result.mutationId,
            name: result.name,
            args: row ? parseJsonObject(row.args) : {},
            itemId: row?.item_id ?? null,
            code: result.error.code,
            message: result.error.message,
            details: result.error.details,
            at: result.at,
          });
        }
        const finalPage = !page.hasMore;
        if (finalPage && processed.length > 0) this.stmts.outboxDeleteUpTo.run(done);
        const pendingItems = new Set(this.stmts.outboxItemsAfter.all(done) as string[]);
        // Pages from the sync client arrive prepared (validated, columns and JSON made in the
        // pull worker); others (tests, tools) are prepared here the same way.
        const items = 'prepared' in page ? page.items : page.items.map(prepareItem);

        // 2. The server's copies: stored as they are, or as the base of a rebase on what is
        //    still pending (the processed entries are in the server's copy already).
        for (const item of items) {
          let parsed: FeedbackItem | null = null;
          if (actor) {
            // What the person saw before this copy arrived, against what it is now: their news.
            parsed = JSON.parse(preparedJsonText(item.json)) as FeedbackItem;
            notifications.push(...this.notifications.record(actor, this.cachedView(item.id), parsed, newSince));
            this.notifications.forgetDeparture(item.id);
          }
          if (pendingItems.has(item.id)) this.writeRebased(item.id, parsed ?? (JSON.parse(preparedJsonText(item.json)) as FeedbackItem), done, clientId, touched);
          else this.writePrepared(item, null, false, touched);
          changed.add(item.id);
          revoked.delete(item.id);
        }

        // 3. At the end of a pull, items whose pending changes were all processed but whose new
        //    copy was in none of the pages: the server's copy plus whatever is still pending.
        if (finalPage) {
          const inPage = new Set(items.map((i) => i.id));
          for (const itemId of new Set(processed.map((r) => r.item_id))) {
            if (inPage.has(itemId)) continue;
            const base = this.serverCopy(itemId);
            if (base === undefined) continue;
            if (this.writeRebased(itemId, base, done, clientId, touched)) changed.add(itemId);
            else if (this.deleteLocal(itemId, touched)) revoked.add(itemId);
          }
        }

        // 4. Items this user may no longer see. Unsent changes on them stay queued (ids must
        //    reach the server without gaps; it will refuse them), and the author is told now.
        for (const id of page.revoked) {
          const last = leaving?.get(id);
          if (actor && last) this.notifications.rememberDeparture(actor, last, syncedAt);
          for (const row of this.stmts.outboxFor.all(id) as OutboxRow[]) {
            if (row.id <= done) continue;
            this.putRejected({
              mutationId: row.id,
              name: row.name,
              args: parseJsonObject(row.args),
              itemId: id,
              code: 'item_revoked',
              message: 'this item is no longer visible to you; your pending change could not be shown or confirmed',
              details: {},
              at: syncedAt,
            });
          }
          if (this.deleteLocal(id, touched)) revoked.add(id);
          changed.delete(id);
        }
        if (page.reference && this.putReference(page.reference)) referenceChanged = true;
        this.alignMutationIds(page.lastMutationId);
      }
      const last = pages.at(-1);
      if (last) this.metaSet('cookie', last.cookie);
      this.metaSet('lastSyncAt', syncedAt);
      if (insertTrigger) this.db.exec(insertTrigger);
      return { changedIds: [...changed], revokedIds: [...revoked], notifications, referenceChanged };
    });
    let effect: PageEffect;
    try {
      effect = apply();
    } finally {
      this.filling = false;
    }
    // Only after the commit: a rolled-back page must not show up in the inbox.
    if (this.index) {
      for (const row of touched.values()) this.index.upsert(row);
      for (const id of effect.revokedIds) this.index.remove(id);
      if (effect.notifications.length > 0) this.index.setNewComments(this.notifications.unreadCommentItems());
    }
    return effect;
  }

  /** The cached view of an item as plain JSON (for comparing copies; no schema check), or null. */
  private cachedView(id: string): FeedbackItem | null {
    const raw = this.stmts.getItemJson.get(id) as string | undefined;
    if (raw === undefined) return null;
    try {
      return JSON.parse(raw) as FeedbackItem;
    } catch {
      return null;
    }
  }

  /** Mark an item's notifications (or all, itemId null) read; the inbox's "new comments" chips follow. */
  markNotificationsRead(itemId: string | null): number {
    const changed = this.notifications.markRead(itemId);
    if (changed > 0) this.index?.setNewComments(this.notifications.unreadCommentItems());
    return changed;
  }

  private directory(): Directory {
    return (this.cachedDirectory ??= referenceDirectory(this.reference()));
  }

  /**
   * After filling an empty cache: queue every item for search indexing in one statement and let
   * the per-row triggers work again. A no-op unless a fill left the marker (also after a crash
   * mid-fill: then the next call queues what the fill had written).
   */
  finishBulkFill(): number {
    if (this.stmts.metaGet.get(SEARCH_QUEUE_BULK) === undefined) return 0;
    return this.db.transaction(() => {
      const queued = this.db.prepare('INSERT OR IGNORE INTO search_queue (item_id) SELECT id FROM items').run().changes;
      this.stmts.metaDelete.run(SEARCH_QUEUE_BULK);
      return queued;
    })();
  }

  /** Store an item's view; `confirmed` is the server's copy while local changes are pending. */
  private writeItem(view: FeedbackItem, confirmed: FeedbackItem | null, pending: boolean, touched: Map<string, IndexRow>): void {
    this.writePrepared(prepareItem(view), confirmed ? JSON.stringify(confirmed) : null, pending, touched);
  }

  private writePrepared(view: PreparedItem, confirmedJson: string | null, pending: boolean, touched: Map<string, IndexRow>): void {
    const values = view.values;
    const flag = pending ? 1 : 0;
    if (this.filling) {
      // Filling an empty cache: almost every row is new, so try the insert first.
      try {
        this.stmts.insertItem.run(values, flag);
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_CONSTRAINT_UNIQUE') throw err;
        this.stmts.updateItem.run([...values.slice(1), flag, view.id]);
      }
    } else if (this.stmts.updateItem.run([...values.slice(1), flag, view.id]).changes === 0) {
      this.stmts.insertItem.run(values, flag);
    }
    this.stmts.upsertDoc.run(view.id, view.json, confirmedJson);
    if (this.index) touched.set(view.id, preparedIndexRow(values, pending));
  }

  /**
   * Rebuild an item's view from the server's copy (null: none yet) and its pending changes.
   * Returns false when nothing is left to show (a created item the server never confirmed).
   */
  private writeRebased(itemId: string, confirmed: FeedbackItem | null, processedUpTo: number, clientId: string, touched: Map<string, IndexRow>): boolean {
    const pending = (this.stmts.outboxFor.all(itemId) as OutboxRow[]).filter((r) => r.id > processedUpTo).map(toEntry);
    const view = rebase(confirmed, pending, clientId, this.directory(), this.log);
    if (!view) return false;
    if (pending.length === 0) this.writeItem(view, null, false, touched);
    else this.writeItem(view, confirmed, true, touched);
    return true;
  }

  private deleteLocal(id: string, touched: Map<string, IndexRow>): boolean {
    this.stmts.deleteDoc.run(id);
    this.photos.forgetItem(id);
    touched.delete(id);
    return this.stmts.deleteItem.run(id).changes > 0;
  }

  /**
   * The server's copy of a cached item: json when nothing is pending, confirmed_json while
   * something is, null when the server has none yet (created here); undefined when not cached.
   */
  private serverCopy(id: string): FeedbackItem | null | undefined {
    const row = this.stmts.getBase.get(id) as { json: string; confirmed_json: string | null; pending: number } | undefined;
    if (!row) return undefined;
    const raw = row.pending === 1 ? row.confirmed_json : row.json;
    if (raw === null) return null;
    try {
      return parseRow(FeedbackItem, raw, 'items', id);
    } catch (err) {
      this.log('cache: damaged item row skipped in rebase', { id, error: (err as Error).message });
      return undefined;
    }
  }

  /**
   * Keep our mutation ids in step with the server's count for this client (it skips ids it has
   * seen and refuses gaps): with nothing pending the next id is lastMutationId + 1; pending ids
   * that would leave a gap (a new user on this installation resets the server's count, a forced
   * sign-out dropped unsent ones) are moved down. The server has seen none of them, since it has
   * processed nothing past lastMutationId.
   */
  private alignMutationIds(serverLast: number): void {
    const stats = this.stmts.outboxStats.get() as { n: number; minId: number | null; maxId: number | null };
    if (stats.n === 0) {
      this.metaSet('nextMutationId', serverLast + 1);
      return;
    }
    const shift = stats.minId! - (serverLast + 1);
    if (shift > 0) {
      this.log('outbox: renumbering pending mutations to follow the server', { from: stats.minId, to: serverLast + 1 });
      // Two steps so no intermediate id collides with another row's.
      this.db.prepare('UPDATE outbox SET id = -id').run();
      this.db.prepare('UPDATE outbox SET id = -id - ?').run(shift);
    }
    this.metaSet('nextMutationId', stats.maxId! - Math.max(0, shift) + 1);
  }

  // ---- outbox -------------------------------------------------------------------------------

  /**
   * Apply a local change and queue it, in one transaction: either the optimistic view and the
   * outbox entry are both on disk, or neither is. Throws whatever `apply` throws (nothing written).
   */
  appendMutation(input: {
    name: string;
    args: Record<string, unknown>;
    itemId: string;
    actor: Actor;
    clientTime: string;
    /** A rejection this retries: removed in the same transaction, so a retry is never doubled. */
    replacesRejected?: number;
  }): { mutationId: number; item: FeedbackItem } {
    const touched = new Map<string, IndexRow>();
    const clientId = this.clientId();
    const result = this.db.transaction(() => {
      const stats = this.stmts.outboxStats.get() as { maxId: number | null };
      const stored = this.metaGet('nextMutationId');
      const id = Math.max(typeof stored === 'number' ? stored : 1, (stats.maxId ?? 0) + 1);
      const entry: OutboxEntry = { id, name: input.name, args: input.args, itemId: input.itemId, clientTime: input.clientTime, actor: input.actor };
      const current = this.getItem(input.itemId);
      const next = applyEntry(current, entry, clientId, this.directory());
      const confirmed = current === null ? null : (this.serverCopy(input.itemId) ?? null);
      this.stmts.outboxInsert.run(id, entry.name, JSON.stringify(entry.args), entry.itemId, entry.clientTime, JSON.stringify(entry.actor));
      this.writeItem(next, confirmed, true, touched);
      this.metaSet('nextMutationId', id + 1);
      if (input.replacesRejected !== undefined) this.stmts.rejectedDelete.run(input.replacesRejected);
      return { mutationId: id, item: next };
    })();
    if (this.index) for (const row of touched.values()) this.index.upsert(row);
    return result;
  }

  /** Pending mutations with id > afterId, oldest first. */
  pendingMutations(afterId = 0, limit = 500): OutboxEntry[] {
    return (this.stmts.outboxAfter.all(afterId, limit) as OutboxRow[]).map(toEntry);
  }

  outboxStatus(): { pendingCount: number; oldestPendingAt: string | null; rejectedCount: number } {
    const stats = this.stmts.outboxStats.get() as { n: number; oldest: string | null };
    return { pendingCount: stats.n, oldestPendingAt: stats.oldest, rejectedCount: this.stmts.rejectedCount.get() as number };
  }

  private putRejected(r: RejectedMutation): void {
    this.stmts.rejectedPut.run(r.mutationId, r.name, JSON.stringify(r.args), r.itemId, r.code, r.message, JSON.stringify(r.details), r.at);
  }

  rejected(): RejectedMutation[] {
    return (this.stmts.rejectedAll.all() as RejectedRow[]).map(fromRejectedRow);
  }

  rejectedOne(mutationId: number): RejectedMutation | null {
    const row = this.stmts.rejectedGet.get(mutationId) as RejectedRow | undefined;
    return row ? fromRejectedRow(row) : null;
  }

  deleteRejected(mutationId: number): boolean {
    return this.stmts.rejectedDelete.run(mutationId).changes > 0;
  }

  applyPullPage(page: PullResponse, syncedAt: string): PageEffect {
    return this.applyPullPages([page], syncedAt);
  }

  /** Throws CorruptRowError when the cached JSON does not parse or match the schema. */
  getItem(id: string): FeedbackItem | null {
    const raw = this.stmts.getItemJson.get(id) as string | undefined;
    if (raw === undefined) return null;
    return parseRow(FeedbackItem, raw, 'items', id);
  }

  listInbox(filter: InboxFilter, sort: InboxSort, page: { offset: number; limit: number }, ctx: InboxContext): { items: InboxRow[]; total: number } {
    return this.inboxIndex().query(filter, sort, page.offset, page.limit, ctx);
  }

  /** Load the inbox index ahead of the first listInbox (a desk start with a signed-in user). */
  warmInboxIndex(ctx: InboxContext): void {
    this.inboxIndex().query({ view: 'all' }, { by: 'receivedAt', dir: 'desc' }, 0, 1, ctx);
  }

  private inboxIndex(): InboxIndex {
    if (this.index) return this.index;
    const index = new InboxIndex();
    // Rows come back as one JSON array per chunk: better-sqlite3 turns 16 columns x 200,000 rows
    // into JS values at about twice the cost of one JSON.parse of the same data (measured).
    // Chunks of 10,000 keep the transient strings small: 50,000 left RSS 130 MB higher.
    const chunk = this.db.prepare(
      `SELECT max(rowid), json_group_array(json_array(${INDEX_ROW_COLUMNS})) FROM (SELECT rowid, ${INDEX_ROW_COLUMNS} FROM items WHERE rowid > ? ORDER BY rowid LIMIT ?)`,
    ).raw();
    for (let after = 0; ; ) {
      const [last, json] = chunk.get(after, 10_000) as [number | null, string];
      if (last === null) break;
      for (const r of JSON.parse(json) as InboxRowTuple[]) index.upsert(tupleToIndexRow(r));
      after = last;
    }
    index.setNewComments(this.notifications.unreadCommentItems());
    return (this.index = index);
  }

  // ---- reference ----------------------------------------------------------------------------

  /** Store the reference data; true when it differs from what was stored. */
  private putReference(ref: Reference): boolean {
    const json = JSON.stringify(ref);
    if (this.stmts.refGet.get('reference') === json) return false;
    this.stmts.refSet.run('reference', json);
    this.cachedDirectory = null;
    return true;
  }

  reference(): Reference {
    const raw = this.stmts.refGet.get('reference') as string | undefined;
    if (raw === undefined) return EMPTY_REFERENCE;
    try {
      return parseRow(Reference, raw, 'reference', 'reference');
    } catch (err) {
      this.log('cache: damaged reference data ignored until the next sync', { error: (err as Error).message });
      return EMPTY_REFERENCE;
    }
  }

  // ---- clearing -----------------------------------------------------------------------------

  /**
   * Forget everything a user saw or typed: items, reference, pending and rejected mutations, sync
   * position, session. The clientId and the mutation counter stay (the server's count for this
   * client continues; alignMutationIds brings it back in step).
   */
  clearUserData(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM items; DELETE FROM item_docs; DELETE FROM reference; DELETE FROM outbox; DELETE FROM rejected;');
      this.photos.clear();
      this.notifications.clear();
      for (const key of ['cookie', 'lastSyncAt', 'session', 'cacheOwner']) this.stmts.metaDelete.run(key);
    })();
    this.index = null;
    this.cachedDirectory = null;
  }
}

interface OutboxRow {
  id: number;
  name: string;
  args: string;
  item_id: string;
  client_time: string;
  actor: string;
}

interface RejectedRow {
  mutation_id: number;
  name: string;
  args: string;
  item_id: string | null;
  code: string;
  message: string;
  details: string;
  at: string;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return { id: row.id, name: row.name, args: parseJsonObject(row.args), itemId: row.item_id, clientTime: row.client_time, actor: JSON.parse(row.actor) as Actor };
}

function fromRejectedRow(row: RejectedRow): RejectedMutation {
  return {
    mutationId: row.mutation_id,
    name: row.name,
    args: parseJsonObject(row.args),
    itemId: row.item_id,
    code: row.code,
    message: row.message,
    details: parseJsonObject(row.details),
    at: row.at,
  };
}

function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function parseRow<T>(schema: z.ZodType<T>, raw: string, table: string, key: string): T {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new CorruptRowError(table, key, `not JSON (${(err as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CorruptRowError(table, key, parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}
