import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** 32 url-safe characters (192 bits): unguessable, so the link alone is the citizen's key. */
export function newStatusToken(): string {
  return randomBytes(24).toString('base64url');
}

export const STATUS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** Give an item its status token (call inside the transaction that creates the item). */
export function issueStatusToken(db: Database, itemId: string, now: string): string {
  const token = newStatusToken();
  db.prepare('INSERT INTO status_tokens (token_hash, item_id, created_at) VALUES (?, ?, ?)').run(sha256(token), itemId, now);
  return token;
}

export function itemIdForStatusToken(db: Database, token: string): string | null {
  if (!STATUS_TOKEN_PATTERN.test(token)) return null;
  const row = db.prepare('SELECT item_id FROM status_tokens WHERE token_hash = ?').get(sha256(token)) as { item_id: string } | undefined;
  return row?.item_id ?? null;
}
