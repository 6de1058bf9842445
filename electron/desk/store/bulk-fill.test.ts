import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SearchIndex } from '../search/search-index.js';
import { preparePullPage } from '../sync/pull-page.js';
import { makeItem, pullPage } from '../testing/make-items.js';
import { CacheStore } from './cache-store.js';
import { fileKeyProvider } from './key-provider.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-bulk-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = (cookie: number, from: number, n: number) => pullPage({ cookie, hasMore: true, items: Array.from({ length: n }, (_, k) => makeItem(from + k)) });
const queued = (store: CacheStore) => store.db.prepare('SELECT count(*) FROM search_queue').pluck().get() as number;

describe('filling an empty cache (search queue paused, migration 6)', () => {
  it('queues nothing per row while filling, then every item at once; later writes queue again', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPages([page(10, 0, 10), page(20, 10, 10)], 'now', { filling: true });
    expect(queued(store)).toBe(0);
    expect(store.finishBulkFill()).toBe(20);
    expect(queued(store)).toBe(20);
    expect(store.finishBulkFill()).toBe(0);

    const search = new SearchIndex(store.db);
    search.catchUpAll();
    expect(search.search('katuvalo').total).toBe(20);
    // An incremental pull after the fill is queued by the triggers as before.
    store.applyPullPage({ ...page(30, 5, 1), items: [makeItem(5, undefined, { original: { title: 'Uusi otsikko', description: 'Leikkipuiston keinu on rikki' } })] }, 'later');
    expect(queued(store)).toBe(1);
    expect(search.search('keinu').hits.map((h) => h.id)).toEqual([makeItem(5).id]);
    store.close();
  });

  it('a fill that ends before finishBulkFill (app closed or crashed) is queued at the next start', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPages([page(10, 0, 10)], 'now', { filling: true });
    store.applyPullPages([page(20, 10, 5)], 'now', { filling: true });
    store.close();

    const reopened = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(queued(reopened)).toBe(0);
    expect(reopened.finishBulkFill()).toBe(15);
    expect(queued(reopened)).toBe(15);
    reopened.close();
  });
});

describe('items whose JSON comes as bytes of the pull body', () => {
  it('are stored as text, read back as the item, and rebased when changes are pending', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    const title = 'Pyörätie 🙂 "lainattu"';
    const items = [makeItem(1), makeItem(2, undefined, { status: 'received', original: { title, description: 'ääkköset' } })];
    const prepared = preparePullPage(new TextEncoder().encode(JSON.stringify(pullPage({ cookie: 1, items }))).buffer as ArrayBuffer);
    if (!prepared.ok) throw new Error('page refused');
    expect(prepared.page.items.every((i) => i.json instanceof Uint8Array)).toBe(true);
    store.applyPullPages([prepared.page], 'now', { filling: true });
    expect(store.db.prepare('SELECT DISTINCT typeof(json) FROM item_docs').pluck().all()).toEqual(['text']);
    expect(store.getItem(items[1].id)).toEqual(items[1]);

    const clerk = { id: 'staff-1', role: 'clerk' as const, departmentId: null, displayName: 'Niina' };
    store.appendMutation({ name: 'setKind', args: { itemId: items[1].id, kind: 'praise' }, itemId: items[1].id, actor: clerk, clientTime: '2026-11-27T12:00:00.000Z' });
    const again = preparePullPage(new TextEncoder().encode(JSON.stringify(pullPage({ cookie: 2, items: [{ ...items[1], version: 2 }] }))).buffer as ArrayBuffer);
    if (!again.ok) throw new Error('page refused');
    store.applyPullPages([again.page], 'later');
    expect(store.getItem(items[1].id)).toMatchObject({ version: 2, kind: 'praise', original: { title } });
    store.close();
  });
});
