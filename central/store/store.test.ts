import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { CentralStore } from './central-store.js';
import { openDatabase } from './db.js';
import { migrations } from './migrations.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { tempDataDir, testItem } from '../testing.js';

const dirs: string[] = [];
const dir = () => {
  const d = tempDataDir('store');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('applies every migration once and records it; reopening changes nothing', () => {
    const d = dir();
    const first = openDatabase(d);
    expect(first.created).toBe(true);
    const versions = first.db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((_, i) => i + 1));
    expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal');
    first.db.close();
    const again = openDatabase(d);
    expect(again.created).toBe(false);
    expect(again.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    again.db.close();
  });

  it('refuses a database written by a newer server', () => {
    const d = dir();
    const { db } = openDatabase(d);
    db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(migrations.length + 1, new Date().toISOString());
    db.close();
    expect(() => openDatabase(d)).toThrow(/newer than this server/);
  });
});

describe('items', () => {
  it('validates on write: an invalid item is refused and nothing changes', () => {
    const store = new CentralStore(dir());
    store.putItem(testItem(1));
    const counter = store.changeCounter();
    expect(() => store.putItem({ ...testItem(1), status: 'lost' as never })).toThrow();
    expect(() => store.putItem({ ...testItem(2), serviceRequestId: 'NOT VALID' })).toThrow();
    expect(store.changeCounter()).toBe(counter);
    expect(store.getItem('item-1')!.status).toBe('received');
    expect(store.getItem('item-2')).toBeNull();
    store.close();
  });

  it('gives every change the next sequence and the item the next version, keeping indexed columns in step', () => {
    const store = new CentralStore(dir());
    const a = store.putItem(testItem(1));
    const b = store.putItem({ ...a, departmentId: 'kasko', restricted: { reason: 'terveys', by: 'st-admin', at: a.receivedAt } });
    expect(b.version).toBe(2);
    expect(store.getItemRow('item-1')).toMatchObject({ seq: 2, department_id: 'kasko', restricted_by: 'st-admin', is_restricted: 1 });
    expect(() => store.putItem({ ...b, serviceRequestId: 'zzzzzzzzzzzzzzzzzzzz' })).toThrow(/serviceRequestId cannot change/);
    store.close();
  });

  it('tells listeners about changes only after the commit', () => {
    const store = new CentralStore(dir());
    const heard: string[] = [];
    store.onItemsChanged((changes) => heard.push(...changes.map((c) => c.id)));
    expect(() =>
      store.transaction(() => {
        store.putItem(testItem(1));
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(heard).toEqual([]);
    expect(store.getItem('item-1')).toBeNull();
    store.putItem(testItem(2));
    expect(heard).toEqual(['item-2']);
    store.close();
  });
});

describe('passwords', () => {
  it('salts every hash and verifies only the right password', async () => {
    const h1 = await hashPassword('demo');
    const h2 = await hashPassword('demo');
    expect(h1).not.toBe(h2);
    expect(h1).not.toContain('demo');
    expect(await verifyPassword('demo', h1)).toBe(true);
    expect(await verifyPassword('Demo', h1)).toBe(false);
    expect(await verifyPassword('demo', 'not-a-hash')).toBe(false);
  });
});
