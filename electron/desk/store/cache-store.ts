import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { InboxFilter, InboxRow, InboxSort } from '../../../shared/api/desk-api.js';
import type { PullResponse } from '../../../shared/api/sync-protocol.js';
import { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { Reference, Staff } from '../../../shared/domain/reference.js';
import { CACHE_FILE, openCacheDb, type CacheDb } from './cache-db.js';
import { InboxIndex, type InboxContext } from './inbox-index.js';
import { INDEX_ROW_COLUMNS, toIndexRow, type InboxDbRow } from './inbox-rows.js';
import { ITEM_COLUMNS, itemColumnValues, itemIndexRow } from './item-columns.js';
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

const EMPTY_REFERENCE: Reference = { departments: [], services: [], staff: [] };

/** What applying one pull page changed, for change events. */
export interface PageEffect {
  changedIds: string[];
  revokedIds: string[];
}

/**
 * The local encrypted cache: items the signed-in user may see, reference data, the session and
 * sync bookkeeping. Synchronous on purpose (better-sqlite3): every write is one transaction.
 */
export class CacheStore {
  private readonly stmts;
  /** Built on first use from the `items` table, then kept in step after every commit. */
  private index: InboxIndex | null = null;

  static async open(dataDir: string, keyProvider: CacheKeyProvider, log: Log = () => {}): Promise<CacheStore> {
    const key = await keyProvider.getKey();
    return new CacheStore(openCacheDb(join(dataDir, CACHE_FILE), key), log);
  }

  constructor(
    readonly db: CacheDb,
    private readonly log: Log = () => {},
  ) {
    const cols = ITEM_COLUMNS.join(', ');
    const updates = ITEM_COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ');
    this.stmts = {
      metaGet: db.prepare('SELECT value FROM meta WHERE key = ?').pluck(),
      metaSet: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'),
      metaDelete: db.prepare('DELETE FROM meta WHERE key = ?'),
      upsertItem: db.prepare(
        `INSERT INTO items (${cols}) VALUES (${ITEM_COLUMNS.map(() => '?').join(', ')})
         ON CONFLICT(id) DO UPDATE SET ${updates}`,
      ),
      upsertDoc: db.prepare('INSERT INTO item_docs (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json'),
      deleteItem: db.prepare('DELETE FROM items WHERE id = ?'),
      deleteDoc: db.prepare('DELETE FROM item_docs WHERE id = ?'),
      getItemJson: db.prepare('SELECT json FROM item_docs WHERE id = ?').pluck(),
      refGet: db.prepare('SELECT json FROM reference WHERE key = ?').pluck(),
      refSet: db.prepare('INSERT INTO reference (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json'),
      countItems: db.prepare('SELECT count(*) FROM items').pluck(),
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

  /** The staff id whose data fills the cache; survives an expired session, not a sign-out. */
  cacheOwner(): string | null {
    const v = this.metaGet('cacheOwner');
    return typeof v === 'string' ? v : null;
  }

  setCacheOwner(staffId: string | null): void {
    this.metaSet('cacheOwner', staffId);
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
   */
  applyPullPages(pages: readonly PullResponse[], syncedAt: string): PageEffect {
    const effect = this.db.transaction(() => {
      const { upsertItem, upsertDoc } = this.stmts;
      const changed = new Set<string>();
      const revoked = new Set<string>();
      for (const page of pages) {
        for (const item of page.items) {
          upsertItem.run(itemColumnValues(item));
          upsertDoc.run(item.id, JSON.stringify(item));
          changed.add(item.id);
          revoked.delete(item.id);
        }
        for (const id of page.revoked) {
          this.stmts.deleteDoc.run(id);
          if (this.stmts.deleteItem.run(id).changes > 0) revoked.add(id);
          changed.delete(id);
        }
        if (page.reference) this.putReference(page.reference);
      }
      const last = pages.at(-1);
      if (last) this.metaSet('cookie', last.cookie);
      this.metaSet('lastSyncAt', syncedAt);
      return { changedIds: [...changed], revokedIds: [...revoked] };
    })();
    // Only after the commit: a rolled-back page must not show up in the inbox.
    if (this.index) {
      const gone = new Set(effect.revokedIds);
      for (const page of pages) for (const item of page.items) if (!gone.has(item.id)) this.index.upsert(itemIndexRow(item));
      for (const id of gone) this.index.remove(id);
    }
    return effect;
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

  private inboxIndex(): InboxIndex {
    if (this.index) return this.index;
    const index = new InboxIndex();
    for (const row of this.db.prepare(`SELECT ${INDEX_ROW_COLUMNS} FROM items`).iterate()) index.upsert(toIndexRow(row as InboxDbRow));
    return (this.index = index);
  }

  // ---- reference ----------------------------------------------------------------------------

  private putReference(ref: Reference): void {
    this.stmts.refSet.run('reference', JSON.stringify(ref));
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

  /** Forget everything a user saw: items, reference, sync position, session. The clientId stays. */
  clearUserData(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM items; DELETE FROM item_docs; DELETE FROM reference;');
      for (const key of ['cookie', 'lastSyncAt', 'session', 'cacheOwner']) this.stmts.metaDelete.run(key);
    })();
    this.index = null;
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
