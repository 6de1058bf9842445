import type { CacheDb } from './cache-db.js';
import { SEARCH_SCHEMA_SQL, SEARCH_TEXT_SPLIT_SQL } from '../search/search-index.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { isPublicationPending } from '../../../shared/workflow/publication.js';

/**
 * Numbered, append-only schema steps. A released step is never edited: a change is a new step.
 * Each runs in its own transaction together with its schema_migrations row.
 */
export const migrations: ReadonlyArray<{ version: number; name: string; up: (db: CacheDb) => void }> = [
  {
    version: 1,
    name: 'meta, items, reference',
    up: (db) =>
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        -- One slim row per cached item: the columns the inbox filters, sorts and shows. Kept apart
        -- from the JSON so that loading the inbox index reads a few MB, not the whole cache.
        -- Filtering and sorting run over an in-memory index (inbox-index.ts): measured on 200,000
        -- rows, any SQL filter that cannot use an index needs a 50+ ms scan for its count.
        CREATE TABLE items (
          id TEXT NOT NULL UNIQUE,
          service_request_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          channel TEXT NOT NULL,
          language TEXT NOT NULL,
          status TEXT NOT NULL,
          department_id TEXT,
          service_code TEXT,
          assignee_id TEXT,
          received_at TEXT NOT NULL,
          due_at TEXT NOT NULL,
          is_restricted INTEGER NOT NULL,
          has_contact INTEGER NOT NULL,
          permission INTEGER NOT NULL,
          title TEXT NOT NULL,
          version INTEGER NOT NULL,
          pending INTEGER NOT NULL DEFAULT 0
        );
        -- The full item. json is what the user sees (the server's copy plus pending local
        -- changes); confirmed_json keeps the server's copy while local changes are pending, so a
        -- rebase starts from exactly what the server said.
        CREATE TABLE item_docs (
          id TEXT PRIMARY KEY,
          json TEXT NOT NULL,
          confirmed_json TEXT
        );

        CREATE TABLE reference (key TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
      `),
  },
  {
    version: 2,
    name: 'outbox and rejected mutations',
    up: (db) =>
      db.exec(`
        -- Local changes not yet confirmed by the central server, in the order they were made.
        -- id is the per-client mutation id the server counts (lastMutationId).
        CREATE TABLE outbox (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          args TEXT NOT NULL,
          item_id TEXT NOT NULL,
          client_time TEXT NOT NULL,
          actor TEXT NOT NULL
        );
        CREATE INDEX outbox_item ON outbox (item_id);
        -- Mutations the server refused (or that lost their item): kept with the reason until the
        -- author retries or discards them. Nothing typed is dropped silently.
        CREATE TABLE rejected (
          mutation_id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          args TEXT NOT NULL,
          item_id TEXT,
          code TEXT NOT NULL,
          message TEXT NOT NULL,
          details TEXT NOT NULL,
          at TEXT NOT NULL
        );
      `),
  },
  {
    version: 3,
    name: 'full-text search index (search/search-index.ts)',
    up: (db) => db.exec(SEARCH_SCHEMA_SQL),
  },
  {
    version: 4,
    name: 'covering index for the dashboard answer times',
    // The dashboard joins every item to its answer time; without this it reads each search_docs
    // row (which holds the item's text) and took seconds over 200,000 items.
    up: (db) => db.exec('CREATE INDEX search_docs_answered ON search_docs (item_id, answered_ms)'),
  },
  {
    version: 5,
    name: 'search texts apart from the filter columns',
    up: (db) => db.exec(SEARCH_TEXT_SPLIT_SQL),
  },
  {
    version: 6,
    name: 'search queue triggers pause while an empty cache is filled',
    // Migration 3's insert/update triggers queue every written item for search indexing: a fifth
    // of the initial fill's write time. While meta 'searchQueueBulk' exists (set in the fill's
    // own transactions) they do nothing; CacheStore.finishBulkFill then queues every item in one
    // statement and removes the key, when the fill is over (or at the next start after a crash).
    // The delete trigger is unchanged. Otherwise the same statements as migration 3.
    up: (db) =>
      db.exec(`
        DROP TRIGGER items_search_ins;
        DROP TRIGGER items_search_upd;
        CREATE TRIGGER items_search_ins AFTER INSERT ON items
          WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'searchQueueBulk')
          BEGIN INSERT OR IGNORE INTO search_queue (item_id) VALUES (new.id); END;
        CREATE TRIGGER items_search_upd AFTER UPDATE ON items
          WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = 'searchQueueBulk')
          BEGIN INSERT OR IGNORE INTO search_queue (item_id) VALUES (new.id); END;
      `),
  },
  {
    version: 7,
    name: 'publication queue column',
    // The moderators' "publication queue" view filters on this like the other slim columns. It is
    // filled from each item's JSON with the shared rule (not an SQL copy of it); only answered or
    // closed items can qualify, so only those are parsed.
    up: (db) => {
      db.exec('ALTER TABLE items ADD COLUMN publication_pending INTEGER NOT NULL DEFAULT 0');
      const mark = db.prepare('UPDATE items SET publication_pending = 1 WHERE id = ?');
      const candidates = db
        .prepare("SELECT d.json FROM item_docs d JOIN items i ON i.id = d.id WHERE i.status IN ('answered', 'closed')")
        .pluck()
        .iterate() as IterableIterator<string>;
      const ids: string[] = [];
      for (const json of candidates) {
        const item = JSON.parse(json) as FeedbackItem;
        if (isPublicationPending(item)) ids.push(item.id);
      }
      for (const id of ids) mark.run(id);
    },
  },
  {
    version: 8,
    name: 'item photos',
    // Fetched on first view (not during sync: most photos are never opened), kept for offline use.
    up: (db) =>
      db.exec(`
        CREATE TABLE item_photos (
          name TEXT PRIMARY KEY,
          item_id TEXT NOT NULL,
          content_type TEXT NOT NULL,
          bytes BLOB NOT NULL,
          fetched_at TEXT NOT NULL
        );
        CREATE INDEX item_photos_item ON item_photos(item_id);
      `),
  },
  {
    version: 9,
    name: 'answering with colleagues: collaboration column, notifications, items that left',
    up: (db) => {
      // The inbox's "requested from me", "I asked", "overdue requests" and "to approve" views and
      // the row chips filter on this, like the other slim columns: shared/workflow/collaboration.ts
      // collaborationSummary as JSON, NULL when the item has nothing going on (almost all). No
      // cached item has any yet: this version is the first to keep comment requests and approvals.
      db.exec(`
        ALTER TABLE items ADD COLUMN collab TEXT;

        -- What colleagues did that this user should hear of (shared/workflow/notifications.ts),
        -- one row per history event; read when the user has opened the item or the list.
        CREATE TABLE notifications (
          id TEXT PRIMARY KEY,
          item_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          at TEXT NOT NULL,
          actor_name TEXT NOT NULL,
          read INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX notifications_item ON notifications(item_id);
        CREATE INDEX notifications_unread ON notifications(read, at);

        -- Items that left this user's view after they handed them on (or answered the request that
        -- opened them): where they went, so the desk says that instead of "not found". No text of
        -- the item is kept (P27), only its public id, the destination and the time.
        CREATE TABLE departed_items (
          item_id TEXT PRIMARY KEY,
          service_request_id TEXT NOT NULL,
          reason TEXT NOT NULL,
          to_department_id TEXT,
          to_staff_id TEXT,
          at TEXT NOT NULL
        );
      `);
    },
  },
];
