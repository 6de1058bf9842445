/**
 * Against a local central (real server, loopback): 1,000 offline mutations pushed and confirmed
 * after reconnect (budget under 3 s), and the incremental pull of 1,000 items changed elsewhere.
 * Run: npx tsx tests/bench/push-pull.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCentral } from '../../central/server.js';
import { TestDesk } from '../../central/testing.js';
import { createDesk } from '../../electron/desk/desk.js';
import { note, report } from './report.js';

const dir = mkdtempSync(join(tmpdir(), 'desk-push-bench-'));
const central = await startCentral({ port: 0, dataDir: join(dir, 'central'), seed: 'demo', logLevel: 'silent' });
try {
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
  let cycles = 1;
  while ((status.pendingCount > 0 || status.phase !== 'idle') && cycles < 20) {
    status = await desk.syncNow({});
    cycles++;
  }
  const pushMs = performance.now() - t;
  if (status.pendingCount > 0) throw new Error(`push did not complete: ${status.pendingCount} pending, ${status.lastError}`);
  report('push_1000_offline_mutations_confirmed', pushMs, 'ms', { op: '<', value: 3000 }, { queued: queued.pendingCount, rejected: status.rejectedCount, sync_cycles: cycles });

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
  report('incremental_pull_1000_changed', pullMs, 'ms', null, { changed: ids.length, cached_items: (await desk.listInbox({})).total });
  note(`push-pull: rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`);
  await desk.close();
} finally {
  await central.close();
  rmSync(dir, { recursive: true, force: true });
}
