/**
 * A desk cache of N synthetic items written directly (no central), as a desk that has synced
 * them would hold it: items, search index complete, a signed-in clerk's session. Used by the
 * inbox, memory and first-paint benchmarks; run.ts fills one and hands it to each of them.
 * Search index: empty unless asked for (building it for 200,000 items takes minutes).
 * Run alone: npx tsx tests/bench/fill-cache.ts <dir> [count] [centralUrl] [--search]
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { StoredSession } from '../../electron/desk/store/cache-store.js';
import { CacheStore } from '../../electron/desk/store/cache-store.js';
import { fileKeyProvider } from '../../electron/desk/store/key-provider.js';
import { SearchIndex } from '../../electron/desk/search/search-index.js';
import { makeItem, testDepartments } from '../../electron/desk/testing/make-items.js';
import { note } from './report.js';

export const BENCH_NOW = new Date('2026-11-27T12:00:00.000Z');
export const BENCH_STAFF: StoredSession['staff'] = { id: 'staff-2', username: 'bench', displayName: 'Bench Clerk', role: 'clerk', departmentId: 'dep-kymp' };

/**
 * Items are due 10 days after BENCH_NOW-relative receipt so that "due soon" and "overdue" views
 * are neither empty nor everything. centralUrl: the cache belongs to that central (createDesk
 * clears a cache made for another one).
 */
export async function fillCache(dir: string, count: number, centralUrl: string, opts: { search?: boolean } = {}): Promise<void> {
  const store = await CacheStore.open(dir, fileKeyProvider(dir));
  try {
    let t = performance.now();
    const base = BENCH_NOW.getTime() + 10 * 86_400_000;
    for (let start = 0; start < count; start += 5000) {
      const items = [];
      for (let i = start; i < Math.min(count, start + 5000); i++) items.push(makeItem(i, base));
      store.applyPullPages([{ cookie: start + items.length, hasMore: start + 5000 < count, total: null, lastMutationId: 0, items, revoked: [], results: [], reference: null }], BENCH_NOW.toISOString(), { filling: true });
    }
    note(`fill-cache: ${count} items written in ${Math.round(performance.now() - t)} ms`);
    store.applyPullPage(
      {
        cookie: count,
        hasMore: false,
        total: null,
        lastMutationId: 0,
        items: [],
        revoked: [],
        results: [],
        reference: {
          departments: testDepartments.map((id) => ({ id, code: id.slice(4).toUpperCase(), name: { fi: id, sv: id, en: id } })),
          services: [],
          staff: [BENCH_STAFF],
          templates: [],
        },
      },
      BENCH_NOW.toISOString(),
    );
    store.finishBulkFill();
    if (opts.search) {
      t = performance.now();
      new SearchIndex(store.db).catchUpAll(5000);
      note(`fill-cache: search index built in ${Math.round(performance.now() - t)} ms`);
    } else {
      // Stemming 200,000 items takes minutes on 2 cores; search has its own benchmark
      // (triage-bench.ts). Without this the desk would index in the background while measured.
      store.db.exec('DELETE FROM search_queue');
      note('fill-cache: search index left empty (search_queue cleared)');
    }
    store.setCentralUrl(centralUrl.replace(/\/+$/, ''));
    store.setCacheOwner({ id: BENCH_STAFF.id, username: BENCH_STAFF.username });
    store.setSession({ token: 'bench-token-'.padEnd(40, 'x'), expiresAt: '2099-01-01T00:00:00.000Z', staff: BENCH_STAFF });
    store.db.exec('ANALYZE');
  } finally {
    store.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, count, central] = process.argv.slice(2).filter((a) => a !== '--search');
  if (!dir) {
    console.error('usage: tsx tests/bench/fill-cache.ts <dir> [count] [centralUrl]');
    process.exit(2);
  }
  await fillCache(resolve(dir), Number(count ?? 200_000), central ?? 'http://127.0.0.1:9', { search: process.argv.includes('--search') });
}
