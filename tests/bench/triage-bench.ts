/**
 * Triage benchmarks over 200,000 cached items (issue 5), JSON lines {name, p50_ms, p95_ms, n}:
 * - inbox_page: filter + sort + 100 rows through the desk store (budget p95 < 10 ms);
 * - search: full-text queries (inflected Finnish words, field terms) with snippets (p95 < 30 ms);
 * - dashboard: the dashboard aggregation (no budget; reported).
 * Texts are real Helsinki feedback (data/helsinki-feedback-2014-2016.json, © City of Helsinki,
 * see data/ATTRIBUTION.md) cycled over the items, so the word distribution is realistic.
 * Run: npx tsx tests/bench/triage-bench.ts [count]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InboxFilter, type InboxSort } from '../../shared/api/desk-api.js';
import { CacheStore } from '../../electron/desk/store/cache-store.js';
import { fileKeyProvider } from '../../electron/desk/store/key-provider.js';
import { makeItem } from '../../electron/desk/testing/make-items.js';
import { SearchIndex } from '../../electron/desk/search/search-index.js';
import { loadDashboard } from '../../electron/desk/dashboard/dashboard.js';

const count = Number(process.argv[2] ?? 200_000);
const root = resolve(import.meta.dirname, '..', '..');
const raw = JSON.parse(readFileSync(join(root, 'data', 'helsinki-feedback-2014-2016.json'), 'utf8')) as Array<{ model: string; fields: { title: string | null; description: string } }>;
const texts = raw.filter((r) => r.model === 'api.feedback' && r.fields.description?.trim()).map((r) => ({ title: r.fields.title?.trim() || null, description: r.fields.description }));

const log = (msg: string) => process.stderr.write(`${msg}\n`);
const dir = mkdtempSync(join(tmpdir(), 'desk-triage-bench-'));
const store = await CacheStore.open(dir, fileKeyProvider(dir));
const now = new Date('2026-11-27T12:00:00.000Z');
let t = performance.now();
for (let start = 0; start < count; start += 5000) {
  const items = [];
  for (let i = start; i < Math.min(count, start + 5000); i++) {
    const text = texts[i % texts.length];
    items.push(makeItem(i, now.getTime(), { original: { title: text.title, description: text.description } }));
  }
  store.applyPullPage({ cookie: start + 1, hasMore: true, total: null, lastMutationId: 0, items, revoked: [], results: [], reference: null }, now.toISOString());
}
log(`filled ${count} items in ${Math.round(performance.now() - t)} ms`);
const search = new SearchIndex(store.db);
t = performance.now();
search.catchUpAll(5000);
log(`search index built in ${Math.round(performance.now() - t)} ms`);
store.db.exec('ANALYZE');

function report(name: string, times: number[]): void {
  times.sort((a, b) => a - b);
  const q = (p: number) => Number(times[Math.min(times.length - 1, Math.floor(times.length * p))].toFixed(3));
  console.log(JSON.stringify({ name, p50_ms: q(0.5), p95_ms: q(0.95), n: times.length }));
}

// ---- inbox page -------------------------------------------------------------------------------
const me = { staffId: 'staff-2', departmentId: 'dep-kymp', now };
store.listInbox(InboxFilter.parse({}), { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 100 }, me);
store.listInbox(InboxFilter.parse({}), { by: 'dueAt', dir: 'asc' }, { offset: 0, limit: 100 }, me);
const filters: unknown[] = [
  {}, { view: 'new' }, { view: 'in_triage' }, { view: 'mine' }, { view: 'my_department' }, { view: 'due_soon' }, { view: 'overdue' },
  { view: 'restricted' }, { view: 'redirected' }, { kind: ['question'], language: ['sv'] }, { channel: ['email'], hasContact: true },
  { status: ['forwarded', 'in_progress'], departmentId: ['dep-kasko'] }, { view: 'new', serviceCode: ['svc-3'], publicationPermission: true },
];
const sorts: InboxSort[] = [{ by: 'receivedAt', dir: 'desc' }, { by: 'dueAt', dir: 'asc' }];
const inboxTimes: number[] = [];
for (let rep = 0; rep < 4; rep++) {
  for (const f of filters) {
    for (const sort of sorts) {
      for (const offset of [0, 500]) {
        t = performance.now();
        store.listInbox(InboxFilter.parse(f), sort, { offset, limit: 100 }, me);
        inboxTimes.push(performance.now() - t);
      }
    }
  }
}
report('inbox_page_200k', inboxTimes);

// ---- search -----------------------------------------------------------------------------------
const queries = [
  'katuvalo', 'katuvaloja', 'kuoppa', 'kuopassa', 'roskakori', 'pyörätie', 'bussipysäkillä', 'liikennevalot', 'lumi aurattu',
  'puisto', 'koira', 'melu', 'osasto:dep-kymp katu', 'tila:uusi valo', 'laji:kysymys kieli:fi', 'kanava:sähköposti pysäköinti',
  'leikkipuisto', 'kiitos', 'ratikka', 'metro asemalla', 'hiekoitus', 'jalkakäytävä', 'osasto:dep-kasko', 'uimahalli',
];
const searchTimes: number[] = [];
const perQuery = new Map<string, number[]>();
for (const q of queries) search.search(q, { offset: 0, limit: 50 });
for (let rep = 0; rep < 5; rep++) {
  for (const q of queries) {
    t = performance.now();
    const r = search.search(q, { offset: 0, limit: 50 });
    const ms = performance.now() - t;
    searchTimes.push(ms);
    if (!perQuery.has(q)) perQuery.set(q, [r.total]);
    perQuery.get(q)!.push(ms);
  }
}
for (const [q, [total, ...ms]] of perQuery) log(`search ${JSON.stringify(q)}: ${total} matches, max ${Math.max(...ms).toFixed(1)} ms`);
report('search_200k', searchTimes);

// ---- dashboard --------------------------------------------------------------------------------
const dashTimes: number[] = [];
for (let rep = 0; rep < 5; rep++) {
  t = performance.now();
  loadDashboard(store.db, now);
  dashTimes.push(performance.now() - t);
}
report('dashboard_200k', dashTimes);

store.close();
rmSync(dir, { recursive: true, force: true });
