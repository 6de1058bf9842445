/**
 * Initial-sync budget: 100,000 items into an empty cache at >= 0.5x the rate of a raw
 * better-sqlite3 bulk insert of the same rows in one transaction, measured in the same run.
 *
 * The baseline: CREATE TABLE raw (id TEXT PRIMARY KEY, json TEXT NOT NULL), then for every item
 * INSERT (id, JSON.stringify(item)) in one transaction, from items already in memory (no HTTP,
 * no parsing, no validation), into a file encrypted with the same cipher as the desk cache
 * (ChaCha20-Poly1305) and the same pragmas (journal_mode=DELETE, synchronous=FULL). The plain
 * (unencrypted) better-sqlite3 baseline is reported alongside.
 * The desk side: signIn + syncNow on a desk created a second before (its pull workers started),
 * the whole pull through the real CentralClient
 * (every page parsed and validated), with pages served from memory (items pre-serialized, cut
 * at the page size the desk asks for) so this measures the desk, not the server.
 * Run: npx tsx tests/bench/initial-sync.ts [count]
 */
import Database from 'better-sqlite3';
import Cipher from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '../../shared/api/sync-protocol.js';
import { createDesk } from '../../electron/desk/desk.js';
import { makeItem } from '../../electron/desk/testing/make-items.js';
import { note, report, round } from './report.js';

const count = Number(process.argv[2] ?? 100_000);
const SETTLE_MS = 1000;
const items = Array.from({ length: count }, (_, i) => makeItem(i));
// Pages are cut from pre-serialized items at the size the desk asks for (its `limit`).
const itemJson = items.map((it) => JSON.stringify(it));
function pageBody(cookie: number, limit: number): string {
  const end = Math.min(count, cookie + limit);
  const head: Omit<PullResponse, 'items'> = {
    cookie: end,
    hasMore: end < count,
    total: cookie === 0 ? count : null,
    lastMutationId: 0,
    revoked: [],
    results: [],
    reference: cookie === 0 ? { departments: [], services: [], staff: [], templates: [] } : null,
  };
  return `${JSON.stringify(head).slice(0, -1)},"items":[${itemJson.slice(cookie, end).join(',')}]}`;
}
let requests = 0;
const staff = { id: 'staff-1', username: 'u', displayName: 'U', role: 'clerk', departmentId: null };
const fakeFetch: typeof fetch = async (input) => {
  const url = new URL(String(input));
  if (url.pathname.endsWith('/login')) return Response.json({ token: 't'.repeat(32), expiresAt: '2099-01-01T00:00:00.000Z', staff });
  if (url.pathname.endsWith('/pull')) {
    requests++;
    const body = pageBody(Number(url.searchParams.get('cookie')), Number(url.searchParams.get('limit')));
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  }
  return new Response('{}', { status: 404 });
};

function rawInsert(db: Database.Database | Cipher.Database): number {
  db.pragma('journal_mode=DELETE');
  db.pragma('synchronous=FULL');
  db.exec('CREATE TABLE raw (id TEXT PRIMARY KEY, json TEXT NOT NULL)');
  const ins = db.prepare('INSERT INTO raw (id, json) VALUES (?, ?)');
  const t = performance.now();
  db.transaction(() => {
    for (const it of items) ins.run(it.id, JSON.stringify(it));
  })();
  return performance.now() - t;
}

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'desk-sync-bench-'));
  dirs.push(d);
  return d;
};

try {
  const plain = new Database(join(tmp(), 'raw.sqlite'));
  const rawPlainMs = rawInsert(plain);
  plain.close();
  const enc = new Cipher(join(tmp(), 'raw-enc.sqlite'));
  enc.pragma(`cipher='chacha20'`);
  enc.pragma(`key="x'${'ab'.repeat(32)}'"`);
  const rawEncMs = rawInsert(enc);
  enc.close();

  const desk = await createDesk({ dataDir: tmp(), centralUrl: 'http://central.invalid', fetch: fakeFetch, log: () => {} });
  // createDesk starts the pull workers in the background (through tsx here: ~0.5-0.8 s of module
  // loading). The clock starts a second later, as for a desk that was open before the user signed
  // in; the sign-in itself is inside the measurement.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const t = performance.now();
  await desk.signIn({ username: 'u', password: 'p' });
  const status = await desk.syncNow({});
  const syncMs = performance.now() - t;
  const total = (await desk.listInbox({})).total;
  await desk.close();
  if (status.phase !== 'idle' || total !== count) throw new Error(`initial sync did not complete: phase ${status.phase} ${status.lastError ?? ''}, ${total} of ${count} listed`);

  const rate = (ms: number) => Math.round((count / ms) * 1000);
  note(`initial sync ${count}: desk ${Math.round(syncMs)} ms, raw same cipher ${Math.round(rawEncMs)} ms, raw plain ${Math.round(rawPlainMs)} ms`);
  report(`initial_sync_${count / 1000}k_vs_raw_insert`, rawEncMs / syncMs, 'ratio', { op: '>=', value: 0.5 }, {
    desk_ms: Math.round(syncMs),
    desk_items_per_s: rate(syncMs),
    raw_ms: Math.round(rawEncMs),
    raw_items_per_s: rate(rawEncMs),
    baseline: 'one transaction of INSERT (id, JSON.stringify(item)) into id TEXT PRIMARY KEY, json TEXT; same cipher (chacha20), journal_mode=DELETE, synchronous=FULL; items already in memory',
    raw_plain_ms: Math.round(rawPlainMs),
    ratio_vs_plain: round(rawPlainMs / syncMs),
    pull_requests: requests,
    clock: `from signIn to the end of the pull; started ${SETTLE_MS} ms after createDesk`,
    n: count,
  });
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
