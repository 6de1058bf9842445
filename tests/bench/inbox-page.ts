/**
 * Over 200,000 cached items, in a fresh process that only opens the cache (as a desk start):
 * - inbox page (filter + sort + 100 rows) through the desk core's listInbox: p95 under 10 ms;
 * - desk core memory: RSS of this process after the inbox index is loaded, pages listed and
 *   items opened (the desk core with 200,000 cached items): under 400 MB.
 * The desk resumes a saved session and works offline (its central is a closed loopback port).
 * Run: npx tsx tests/bench/inbox-page.ts [count] [cacheDir]   (no cacheDir: fills a temp one first)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InboxSort } from '../../shared/api/desk-api.js';
import { createDesk } from '../../electron/desk/desk.js';
import { BENCH_NOW, fillCache } from './fill-cache.js';
import { note, p50p95, report } from './report.js';

const count = Number(process.argv[2] ?? 200_000);
const cacheDir = process.argv[3];
const OFFLINE_CENTRAL = 'http://127.0.0.1:9';

if (!cacheDir) {
  const dir = mkdtempSync(join(tmpdir(), 'desk-inbox-bench-'));
  try {
    await fillCache(dir, count, OFFLINE_CENTRAL);
    // Measure in a fresh process: the fill's garbage must not count as the desk's memory.
    execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(count), dir], { stdio: 'inherit' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(0);
}

const desk = await createDesk({ dataDir: cacheDir, centralUrl: OFFLINE_CENTRAL, now: () => BENCH_NOW, log: () => {} });
try {
  let t = performance.now();
  // The first call loads the in-memory index from the items table (what a desk start pays once).
  const first = await desk.listInbox({});
  const loadMs = performance.now() - t;
  if (first.total !== count) throw new Error(`expected ${count} cached items, the inbox lists ${first.total}`);
  await desk.listInbox({ sort: { by: 'dueAt', dir: 'asc' } });

  const filters: unknown[] = [
    {},
    { view: 'new' },
    { view: 'in_triage' },
    { view: 'mine' },
    { view: 'my_department' },
    { view: 'due_soon' },
    { view: 'overdue' },
    { view: 'restricted' },
    { view: 'redirected' },
    { kind: ['praise'] },
    { kind: ['question'], language: ['sv'] },
    { channel: ['email'], hasContact: true },
    { status: ['forwarded', 'in_progress'], departmentId: ['dep-kasko'] },
    { view: 'overdue', departmentId: ['dep-kymp'] },
    { serviceCode: ['svc-3'] },
  ];
  const sorts: InboxSort[] = [
    { by: 'receivedAt', dir: 'desc' },
    { by: 'receivedAt', dir: 'asc' },
    { by: 'dueAt', dir: 'asc' },
    { by: 'dueAt', dir: 'desc' },
  ];
  const times: number[] = [];
  for (const filter of filters) {
    for (const sort of sorts) {
      for (const offset of [0, 100, 1000]) {
        for (let rep = 0; rep < 3; rep++) {
          t = performance.now();
          await desk.listInbox({ filter: filter as never, sort, page: { offset, limit: 100 } });
          times.push(performance.now() - t);
        }
      }
    }
  }
  const stats = p50p95(times);
  report(`inbox_page_${count / 1000}k_p95`, stats.p95_ms, 'ms', { op: '<', value: 10 }, { ...stats, index_load_ms: Math.round(loadMs), via: 'DeskApi.listInbox' });

  for (const row of first.items) await desk.getItem({ id: row.id });
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
  const mem = process.memoryUsage();
  note(`inbox-page: rss ${Math.round(mem.rss / 1e6)} MB, heap used ${Math.round(mem.heapUsed / 1e6)} MB`);
  report(`desk_core_rss_${count / 1000}k`, mem.rss / 1e6, 'MB', { op: '<', value: 400 }, {
    heap_used_mb: Math.round(mem.heapUsed / 1e6),
    external_mb: Math.round(mem.external / 1e6),
    after: 'createDesk (resumed session, offline), inbox index loaded, 540 inbox pages, 100 items opened (search index not built: see fill-cache.ts)',
  });
} finally {
  await desk.close();
}
