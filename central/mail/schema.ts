/**
 * Tables of the public side (mail outbox, status tokens, imported mail, uploaded media) and the
 * generated location columns the Open311 geo filters use: migration 2 of the central store
 * (central/store/migrations.ts). It has shipped: never edit it; a change is a new migration
 * appended at the end of the store's list.
 */
export const publicSideTables = `
  -- Citizen mail, written in the same transaction as the item change that causes it and
  -- delivered later by the mail worker (retries with backoff survive restarts).
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    to_address TEXT NOT NULL,
    language TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    -- One mail per cause: a retried import or answer never mails twice.
    dedupe_key TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT,
    smtp_message_id TEXT
  );
  CREATE INDEX outbox_due ON outbox(state, next_attempt_at);

  -- The secret of a citizen's status link (/status/{token}); only its hash is kept.
  CREATE TABLE status_tokens (
    token_hash TEXT PRIMARY KEY,
    item_id TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );

  -- Messages imported from the feedback mailbox, by Message-ID, so a re-import adds nothing.
  CREATE TABLE imported_mail (
    message_id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );

  -- Files sent with a POST (media[]) or attached to an email; served only while the item is public.
  CREATE TABLE media_files (
    name TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    original_name TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX media_files_item ON media_files(item_id);

  -- Location read from the item JSON by SQLite itself, so the store's writes need not know them.
  ALTER TABLE items ADD COLUMN loc_lat REAL GENERATED ALWAYS AS (json_extract(json, '$.location.lat')) VIRTUAL;
  ALTER TABLE items ADD COLUMN loc_long REAL GENERATED ALWAYS AS (json_extract(json, '$.location.long')) VIRTUAL;
  CREATE INDEX items_public_geo ON items(published, loc_lat, loc_long);
  CREATE INDEX items_public_updated ON items(published, updated_at);
  `;
