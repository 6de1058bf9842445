/**
 * Numbered schema migrations of the central store. Append only: a migration that has shipped is
 * never edited, a change is a new entry. Index + 1 is the version recorded in schema_migrations.
 */
import { publicSideTables } from '../mail/schema.js';

export const migrations: readonly string[] = [
  // 1: reference data, staff and sessions, items with the columns visibility and pull need,
  // the sync bookkeeping (clients, refusals) and Open311 api keys.
  `
  CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE services (
    code TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    sort INTEGER NOT NULL DEFAULT 0
  );

  CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    department_id TEXT REFERENCES departments(id),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
  );

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    client_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_staff ON sessions(staff_id);

  -- One row per item; json is the full FeedbackItem as staff see it. The other columns are
  -- copies the store keeps in step on every write, so visibility and pull never parse json.
  CREATE TABLE items (
    id TEXT PRIMARY KEY,
    service_request_id TEXT NOT NULL UNIQUE,
    json TEXT NOT NULL,
    department_id TEXT,
    assignee_id TEXT,
    restricted_by TEXT,
    is_restricted INTEGER NOT NULL DEFAULT 0,
    published INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    service_code TEXT,
    received_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    -- P22: only ever read after an official request by the police; never in any output.
    sender_ip TEXT
  );
  CREATE INDEX items_published ON items(published, received_at);
  CREATE INDEX items_department ON items(department_id);
  CREATE INDEX items_assignee ON items(assignee_id);

  CREATE TABLE clients (
    client_id TEXT PRIMARY KEY,
    staff_id TEXT NOT NULL REFERENCES staff(id),
    last_mutation_id INTEGER NOT NULL DEFAULT 0,
    -- The cookie of the last pull page that had more to come: a pull with exactly this cookie
    -- continues a paged pull (no reference, no total); any other cookie starts a new pull.
    pull_next_cookie INTEGER,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
  );

  -- Refused mutations. seq comes from the same change counter as items, so a pull returns each
  -- refusal exactly in the page whose cookie range covers it (never lost with a cut response).
  CREATE TABLE mutation_results (
    client_id TEXT NOT NULL,
    mutation_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    error_json TEXT NOT NULL,
    at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (client_id, mutation_id)
  );
  CREATE INDEX mutation_results_seq ON mutation_results(client_id, seq);

  CREATE TABLE api_keys (
    key_hash TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    channel TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  `,
  // 2: the public side's tables (mail outbox, status tokens, imported mail, media) and location columns.
  publicSideTables,
  // 3: what each change replaced, so pull revokes exactly the items a desk had and may no longer
  // see (not every changed item it cannot see), and the cookie a paged pull started from.
  `
  CREATE TABLE item_visibility_log (
    item_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    existed INTEGER NOT NULL,
    department_id TEXT,
    assignee_id TEXT,
    restricted_by TEXT,
    is_restricted INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (item_id, seq)
  ) WITHOUT ROWID;
  ALTER TABLE clients ADD COLUMN pull_start_cookie INTEGER;
  `,
  // 4: the item's version as a column, so a write need not parse the stored JSON to bump it.
  `
  ALTER TABLE items ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
  UPDATE items SET version = json_extract(json, '$.version');
  `,
  // 5: answering with colleagues. `grants`: whom an item is open to besides its owners (open
  // comment requests, shares; shared/workflow/permissions.ts visibilityGrants), as a JSON array or
  // '' for none, kept in step like the other visibility columns and logged with them. Text modules.
  // Status tokens: an answer mail carries a link of its own (only hashes are kept, so the first
  // link cannot be sent again), so an item may have several.
  `
  ALTER TABLE items ADD COLUMN grants TEXT NOT NULL DEFAULT '';
  ALTER TABLE item_visibility_log ADD COLUMN grants TEXT NOT NULL DEFAULT '';

  CREATE TABLE answer_templates (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL
  );

  CREATE TABLE status_tokens_v5 (
    token_hash TEXT PRIMARY KEY,
    item_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  INSERT INTO status_tokens_v5 (token_hash, item_id, created_at) SELECT token_hash, item_id, created_at FROM status_tokens;
  DROP TABLE status_tokens;
  ALTER TABLE status_tokens_v5 RENAME TO status_tokens;
  CREATE INDEX status_tokens_item ON status_tokens(item_id);
  `,
];
