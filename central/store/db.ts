import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrations } from './migrations.js';

export type Db = Database.Database;

export const DB_FILE_NAME = 'central.sqlite';

/** Open (creating when missing) `<dataDir>/central.sqlite` and bring its schema up to date. */
export function openDatabase(dataDir: string): { db: Db; created: boolean } {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE_NAME));
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MiB page cache: a full pull reads every item, and seeding writes them all in one transaction.
  db.pragma('cache_size = -65536');
  const created = migrate(db) === 0;
  return { db, created };
}

/** Apply pending migrations in order, each in its own transaction. Returns the version found before. */
export function migrate(db: Db): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  const before = row.v ?? 0;
  if (before > migrations.length) {
    throw new Error(`database schema version ${before} is newer than this server (${migrations.length}); refusing to run`);
  }
  for (let v = before + 1; v <= migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v - 1]);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(v, new Date().toISOString());
    })();
  }
  return before;
}
