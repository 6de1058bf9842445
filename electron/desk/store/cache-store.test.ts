import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeItem, pullPage } from '../testing/make-items.js';
import { CACHE_FILE, CacheOpenError, openCacheDb } from './cache-db.js';
import { CacheStore, CorruptRowError } from './cache-store.js';
import { fileKeyProvider } from './key-provider.js';
import { migrations } from './migrations.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'desk-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const page = pullPage;

describe('cache file and key', () => {
  it('creates a 0600 key file once and reuses it', async () => {
    const kp = fileKeyProvider(dir);
    const k1 = await kp.getKey();
    expect(k1).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, 'cache.key')).mode & 0o777).toBe(0o600);
    expect(await fileKeyProvider(dir).getKey()).toBe(k1);
  });

  it('rejects a damaged key file instead of silently making a new key', async () => {
    writeFileSync(join(dir, 'cache.key'), 'not-a-key');
    await expect(fileKeyProvider(dir).getKey()).rejects.toThrow(/damaged/);
  });

  it('encrypts the cache: no plaintext on disk, unreadable without the key, clear error with a wrong key', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPage(page({ items: [makeItem(1, undefined, { original: { title: 'Salainen otsikko', description: 'Henkilötunnus 010101-123N' } })] }), '2026-11-27T20:00:00.000Z');
    store.close();

    const bytes = readFileSync(join(dir, CACHE_FILE));
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(bytes.includes(Buffer.from('Salainen otsikko'))).toBe(false);
    expect(bytes.includes(Buffer.from('010101-123N'))).toBe(false);

    // An ordinary SQLite cannot read it.
    const plain = new Database(join(dir, CACHE_FILE));
    expect(() => plain.prepare('SELECT * FROM items').all()).toThrow(/not a database/);
    plain.close();

    expect(() => openCacheDb(join(dir, CACHE_FILE), 'ab'.repeat(32))).toThrow(CacheOpenError);
    expect(() => openCacheDb(join(dir, CACHE_FILE), 'ab'.repeat(32))).toThrow(/cannot be opened with this key/);

    // With the right key everything is there.
    const again = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(again.getItem(makeItem(1).id)?.original.title).toBe('Salainen otsikko');
    again.close();
  });
  it('makes new caches with 16 KB pages and opens an existing 4 KB one as it is', async () => {
    const fresh = openCacheDb(join(dir, CACHE_FILE), 'ab'.repeat(32));
    expect(fresh.pragma('page_size', { simple: true })).toBe(16384);
    fresh.close();

    const oldPath = join(dir, 'old.sqlite');
    const old = new Database(oldPath);
    old.pragma(`cipher='chacha20'`);
    old.pragma(`key="x'${'ab'.repeat(32)}'"`);
    old.exec('CREATE TABLE before_page_size (x)');
    old.close();
    const reopened = openCacheDb(oldPath, 'ab'.repeat(32));
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    reopened.close();
  });
});

describe('migrations', () => {
  it('records every numbered migration once and is idempotent on reopen', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((m) => m.version));
    store.close();
    const again = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(again.db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    again.close();
  });

  it('refuses a cache written by a newer app version', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.db.prepare("INSERT INTO schema_migrations VALUES (999, 'future', 'x')").run();
    store.close();
    await expect(CacheStore.open(dir, fileKeyProvider(dir))).rejects.toThrow(/newer than this app knows/);
  });
});

describe('pull pages', () => {
  it('upserts items, deletes revoked ones, stores cookie and reference in one step', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    const ref = { departments: [{ id: 'd1', code: 'KYMP', name: { fi: 'Kaupunkiympäristö', sv: 'Stadsmiljö', en: 'Urban Environment' } }], services: [], staff: [], templates: [] };
    expect(store.applyPullPage(page({ cookie: 5, items: [makeItem(1), makeItem(2)], reference: ref }), '2026-11-27T20:00:00.000Z').referenceChanged).toBe(true);
    // The same reference again (every pull brings it) is no change; a new text module is.
    expect(store.applyPullPage(page({ cookie: 5, items: [], reference: ref }), '2026-11-27T20:00:00.000Z').referenceChanged).toBe(false);
    const template = { id: 't1', departmentId: null, language: 'fi' as const, title: 'Kiitos', text: 'Kiitos palautteesta.', updatedAt: '2026-11-27T19:00:00.000Z', updatedBy: null };
    expect(store.applyPullPage(page({ cookie: 5, items: [], reference: { ...ref, templates: [template] } }), '2026-11-27T20:00:00.000Z').referenceChanged).toBe(true);
    expect(store.applyPullPage(page({ cookie: 5, items: [], reference: ref }), '2026-11-27T20:00:00.000Z').referenceChanged).toBe(true);
    expect(store.itemCount()).toBe(2);
    expect(store.cookie()).toBe(5);
    expect(store.reference()).toEqual(ref);

    const effect = store.applyPullPage(page({ cookie: 7, items: [makeItem(1, undefined, { kind: 'praise', version: 2 })], revoked: [makeItem(2).id, 'never-had'] }), '2026-11-27T20:01:00.000Z');
    expect(effect).toEqual({ changedIds: [makeItem(1).id], revokedIds: [makeItem(2).id], notifications: [], referenceChanged: false });
    expect(store.getItem(makeItem(1).id)?.kind).toBe('praise');
    expect(store.getItem(makeItem(2).id)).toBeNull();
    expect(store.cookie()).toBe(7);
    expect(store.lastSyncAt()).toBe('2026-11-27T20:01:00.000Z');
    store.close();
  });

  it('leaves the cache unchanged when a page fails half way', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPage(page({ cookie: 3, items: [makeItem(1)] }), '2026-11-27T20:00:00.000Z');
    const broken = makeItem(3);
    // A value SQLite cannot bind makes the second upsert throw after the first succeeded.
    (broken as unknown as { version: unknown }).version = {};
    expect(() => store.applyPullPage(page({ cookie: 9, items: [makeItem(2), broken] }), 'later')).toThrow();
    expect(store.itemCount()).toBe(1);
    expect(store.cookie()).toBe(3);
    store.close();
  });
});

describe('damaged rows', () => {
  it('reports a corrupt item row and keeps working', async () => {
    const logs: string[] = [];
    const store = await CacheStore.open(dir, fileKeyProvider(dir), (m) => logs.push(m));
    store.applyPullPage(page({ items: [makeItem(1), makeItem(2)] }), 'now');
    store.db.prepare('UPDATE item_docs SET json = ? WHERE id = ?').run('{"id":"item-0000001","kind":"nonsense"}', makeItem(1).id);
    store.db.prepare('UPDATE item_docs SET json = ? WHERE id = ?').run('{not json', makeItem(2).id);
    expect(() => store.getItem(makeItem(1).id)).toThrow(CorruptRowError);
    expect(() => store.getItem(makeItem(2).id)).toThrow(/not JSON/);
    // The inbox list reads columns, so it still shows both rows.
    const ctx = { staffId: null, departmentId: null, now: new Date('2026-11-27T20:00:00Z') };
    expect(store.listInbox({ view: 'all' }, { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 10 }, ctx).total).toBe(2);

    store.db.prepare("INSERT INTO reference (key, json) VALUES ('reference', '{\"departments\":5}') ON CONFLICT(key) DO UPDATE SET json = excluded.json").run();
    expect(store.reference()).toEqual({ departments: [], services: [], staff: [], templates: [] });
    store.db.prepare("INSERT INTO meta (key, value) VALUES ('session', '{\"token\":1}')").run();
    expect(store.session()).toBeNull();
    expect(logs.some((m) => m.includes('reference'))).toBe(true);
    expect(logs.some((m) => m.includes('session'))).toBe(true);
    store.close();
  });
});

describe('clientId and clearing', () => {
  it('keeps the clientId across clearing user data', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    const id = store.clientId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    store.applyPullPage(page({ cookie: 4, items: [makeItem(1)] }), 'now');
    store.setSession({ token: 't'.repeat(30), expiresAt: '2030-01-01T00:00:00.000Z', staff: { id: 's', username: 'u', displayName: 'U', role: 'clerk', departmentId: null } });
    store.clearUserData();
    expect(store.itemCount()).toBe(0);
    expect(store.cookie()).toBe(0);
    expect(store.session()).toBeNull();
    expect(store.clientId()).toBe(id);
    store.close();
  });
});

describe('photos', () => {
  const png = { contentType: 'image/png' as const, bytes: Buffer.from('89504e470d0a1a0a00', 'hex') };
  const name = `${'ab'.repeat(16)}.png`;

  it('keeps a fetched photo encrypted with its item, and forgets it when the item is revoked', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPage(page({ cookie: 1, items: [makeItem(1), makeItem(2)] }), 'now');
    store.photos.put(makeItem(1).id, name, png, '2026-11-27T20:00:00.000Z');
    expect(store.photos.get(makeItem(1).id, name)).toEqual(png);
    // a photo is found only under its own item
    expect(store.photos.get(makeItem(2).id, name)).toBeNull();
    store.applyPullPage(page({ cookie: 2, revoked: [makeItem(1).id] }), 'now');
    expect(store.photos.get(makeItem(1).id, name)).toBeNull();
    store.close();
  });

  it('forgets every photo when the user data is cleared', async () => {
    const store = await CacheStore.open(dir, fileKeyProvider(dir));
    store.applyPullPage(page({ cookie: 1, items: [makeItem(1)] }), 'now');
    store.photos.put(makeItem(1).id, name, png, 'now');
    store.clearUserData();
    expect(store.db.prepare('SELECT count(*) FROM item_photos').pluck().get()).toBe(0);
    store.close();
  });
});
