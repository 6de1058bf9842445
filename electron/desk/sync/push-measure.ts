/**
 * Quick local measurement: 1,000 offline mutations pushed and confirmed after reconnect against a
 * local central (budget: under 3 s), and the incremental pull of 1,000 changed items.
 * Run: npx tsx electron/desk/sync/push-measure.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentral } from '../../../central/server.js';
import { TestDesk } from '../../../central/testing.js';
import { createDesk } from '../desk.js';

const dir = mkdtempSync(join(tmpdir(), 'desk-push-measure-'));
const central = await startCentral({ port: 0, dataDir: join(dir, 'central'), seed: 'demo', logLevel: 'silent' });
let offline = false;
const fetchImpl: typeof fetch = (input, init) => (offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
const desk = await createDesk({ dataDir: join(dir, 'desk'), centralUrl: central.url, fetch: fetchImpl, log: () => {} });
await desk.signIn({ username: 'neuvonta', password: 'demo' });
await desk.syncNow({});
const { items } = await desk.listInbox({ page: { offset: 0, limit: 500 } });

offline = true;
for (let i = 0; i < 1000; i++) await desk.mutate({ name: 'addComment', args: { itemId: items[i % items.length].id, text: `Offline-kommentti ${i}` } });
const queued = await desk.syncStatus({});
offline = false;
let t = performance.now();
let status = await desk.syncNow({});
while (status.pendingCount > 0 || status.phase !== 'idle') status = await desk.syncNow({});
const pushMs = performance.now() - t;
console.log(`1000 offline mutations (${queued.pendingCount} queued) pushed and confirmed in ${Math.round(pushMs)} ms (budget 3000 ms) ${pushMs < 3000 ? 'OK' : 'OVER'}`);

// 1,000 items changed elsewhere, then one incremental pull.
const other = new TestDesk(central.url);
await other.login('admin', 'demo');
const all = await other.pullAll(0, 5000);
const ids = all.items.slice(0, 1000).map((i) => i.id);
const res = await other.pushRaw(ids.map((itemId, k) => ({ id: k + 1, name: 'addComment', args: { itemId, text: 'Muualla lisätty' } })));
if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
t = performance.now();
await desk.syncNow({});
const pullMs = performance.now() - t;
console.log(`incremental pull of ${ids.length} changed items: ${Math.round(pullMs)} ms`);
console.log(`rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
await desk.close();
await central.close();
rmSync(dir, { recursive: true, force: true });
