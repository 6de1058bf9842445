/**
 * Quick local measurement of the initial-sync budget: 100,000 items into an empty cache at
 * >= 0.5x the rate of a raw better-sqlite3 bulk insert of the same rows in one transaction.
 * Pages are served from memory (pre-serialized) so this measures the desk, not the server.
 * Run: npx tsx electron/desk/sync/initial-sync-measure.ts [count]
 */
import Database from 'better-sqlite3';
import Cipher from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PullResponse } from '../../../shared/api/sync-protocol.js';
import { createDesk } from '../desk.js';
import { makeItem } from '../testing/make-items.js';

const count = Number(process.argv[2] ?? 100_000);
const pageSize = 500;
const items = Array.from({ length: count }, (_, i) => makeItem(i));
const pages: string[] = [];
for (let p = 0; p * pageSize < count; p++) {
  const slice = items.slice(p * pageSize, (p + 1) * pageSize);
  const body: PullResponse = {
    cookie: Math.min(count, (p + 1) * pageSize),
    hasMore: (p + 1) * pageSize < count,
    total: p === 0 ? count : null,
    lastMutationId: 0,
    items: slice,
    revoked: [],
    results: [],
    reference: p === 0 ? { departments: [], services: [], staff: [] } : null,
  };
  pages.push(JSON.stringify(body));
}
const staff = { id: 'staff-1', username: 'u', displayName: 'U', role: 'clerk', departmentId: null };
const fakeFetch: typeof fetch = async (input) => {
  const url = new URL(String(input));
  if (url.pathname.endsWith('/login')) return Response.json({ token: 't'.repeat(32), expiresAt: '2099-01-01T00:00:00.000Z', staff });
  if (url.pathname.endsWith('/pull')) {
    const cookie = Number(url.searchParams.get('cookie'));
    const page = pages[Math.floor(cookie / pageSize)] ?? JSON.stringify({ cookie, hasMore: false, total: 0, lastMutationId: 0, items: [], revoked: [], results: [], reference: null });
    return new Response(page, { headers: { 'content-type': 'application/json' } });
  }
  return new Response('{}', { status: 404 });
};

function rawInsert(db: Database.Database | Cipher.Database): number {
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
  const d = mkdtempSync(join(tmpdir(), 'desk-sync-measure-'));
  dirs.push(d);
  return d;
};

const plain = new Database(join(tmp(), 'raw.sqlite'));
const rawPlainMs = rawInsert(plain);
plain.close();
const enc = new Cipher(join(tmp(), 'raw-enc.sqlite'));
enc.pragma(`cipher='chacha20'`);
enc.pragma(`key="x'${'ab'.repeat(32)}'"`);
const rawEncMs = rawInsert(enc);
enc.close();

const desk = await createDesk({ dataDir: tmp(), centralUrl: 'http://central.invalid', fetch: fakeFetch, log: () => {} });
const t = performance.now();
await desk.signIn({ username: 'u', password: 'p' });
const status = await desk.syncNow({});
const syncMs = performance.now() - t;
const total = (await desk.listInbox({})).total;
await desk.close();
for (const d of dirs) rmSync(d, { recursive: true, force: true });

const rate = (ms: number) => Math.round((count / ms) * 1000);
console.log(`initial sync: ${count} items in ${Math.round(syncMs)} ms = ${rate(syncMs)} items/s (phase ${status.phase} ${status.lastError ?? ""}, ${total} listed)`);
console.log(`raw bulk insert, plain better-sqlite3: ${Math.round(rawPlainMs)} ms = ${rate(rawPlainMs)} items/s -> ratio ${(rawPlainMs / syncMs).toFixed(2)}`);
console.log(`raw bulk insert, same cipher: ${Math.round(rawEncMs)} ms = ${rate(rawEncMs)} items/s -> ratio ${(rawEncMs / syncMs).toFixed(2)} (target >= 0.5)`);
