/**
 * The desk core against a real central server (startCentral, demo seed) on loopback: sign-in,
 * initial and incremental sync, restarts, user switches, sign-out, bad responses.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../central/server.js';
import { TestDesk } from '../../central/testing.js';
import type { DeskEvent, SyncStatus } from '../../shared/api/desk-api.js';
import { createDesk, fileKeyProvider, type Desk } from './desk.js';
import { eventually } from './testing/eventually.js';
import { openCacheDb } from './store/cache-db.js';
import { CacheStore } from './store/cache-store.js';

let central: RunningCentral;
const dirs: string[] = [];
const desks: Desk[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

async function open(dataDir: string, extra: Partial<Parameters<typeof createDesk>[0]> = {}): Promise<{ desk: Desk; events: DeskEvent[]; logs: string[] }> {
  const events: DeskEvent[] = [];
  const logs: string[] = [];
  const desk = await createDesk({ dataDir, centralUrl: central.url, log: (m, x) => { logs.push(m); if (process.env.DESK_DEBUG) console.log('LOG', m, JSON.stringify(x)); }, sync: { retry: { baseMs: 50, maxMs: 200 } }, ...extra });
  desk.onEvent((e) => events.push(e));
  desks.push(desk);
  return { desk, events, logs };
}

/** What the central gives this user, pulled the plain way. */
async function centralView(username: string): Promise<Map<string, { kind: string; version: number }>> {
  const td = new TestDesk(central.url);
  const res = await td.login(username, 'demo');
  expect(res.ok).toBe(true);
  const all = await td.pullAll();
  return new Map(all.items.map((i) => [i.id, { kind: i.kind, version: i.version }]));
}

beforeAll(async () => {
  central = await startCentral({ port: 0, dataDir: tmp('desk-central-'), seed: 'demo', logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  for (const d of desks) await d.close().catch(() => {});
  await central?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('sign-in', () => {
  it('refuses a wrong password with bad_credentials and stays signed out', async () => {
    const { desk } = await open(tmp('desk-'));
    await expect(desk.signIn({ username: 'neuvonta', password: 'wrong' })).rejects.toMatchObject({ code: 'bad_credentials' });
    expect(await desk.whoAmI({})).toBeNull();
    await expect(desk.listInbox({})).rejects.toMatchObject({ code: 'not_signed_in' });
    expect((await desk.syncStatus({})).phase).toBe('signed_out');
  });

  it('says too_many_attempts once the central locks an account after repeated wrong passwords', async () => {
    const { desk } = await open(tmp('desk-'));
    for (let i = 0; i < 5; i++) await expect(desk.signIn({ username: 'no.such.user', password: `guess-${i}` })).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(desk.signIn({ username: 'no.such.user', password: 'demo' })).rejects.toMatchObject({ code: 'too_many_attempts' });
    expect(await desk.whoAmI({})).toBeNull();
  });

  it('says central_unreachable when nothing listens at the central URL', async () => {
    const { desk } = await open(tmp('desk-'), { centralUrl: 'http://127.0.0.1:9' });
    await expect(desk.signIn({ username: 'neuvonta', password: 'demo' })).rejects.toMatchObject({ code: 'central_unreachable' });
  });

  it('rejects invalid arguments before anything is sent', async () => {
    const { desk } = await open(tmp('desk-'));
    await expect(desk.signIn({ username: '', password: 'x' })).rejects.toMatchObject({ code: 'invalid_args' });
  });
});

describe('an unreadable cache', () => {
  it('fails clearly by default, and with resetUnreadableCache moves the file aside and starts empty', async () => {
    const dataDir = tmp('desk-key-');
    const first = await open(dataDir);
    await first.desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    await first.desk.syncNow({});
    await first.desk.close();
    const wrongKey = { getKey: async () => 'cd'.repeat(32) };
    await expect(createDesk({ dataDir, centralUrl: central.url, keyProvider: wrongKey, log: () => {} })).rejects.toMatchObject({ code: 'cache_key_mismatch' });
    const { desk } = await open(dataDir, { keyProvider: wrongKey, resetUnreadableCache: true });
    expect(await desk.whoAmI({})).toBeNull();
    expect(readdirSync(dataDir).some((f) => f.startsWith('desk-cache.sqlite.unreadable-'))).toBe(true);
    // The old file is intact: the right key still opens it.
    const old = readdirSync(dataDir).find((f) => f.startsWith('desk-cache.sqlite.unreadable-'))!;
    const db = openCacheDb(join(dataDir, old), await fileKeyProvider(dataDir).getKey());
    expect(db.prepare('SELECT count(*) FROM items').pluck().get()).toBeGreaterThan(0);
    db.close();
  });
});

describe('another central server', () => {
  it('a cache made for one central is cleared when the desk points at another; unsent changes are moved aside, not dropped', async () => {
    const dataDir = tmp('desk-central-');
    const first = await open(dataDir);
    await first.desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    await first.desk.syncNow({});
    const { items } = await first.desk.listInbox({ page: { offset: 0, limit: 1 } });
    await first.desk.close();

    // Same central (trailing slash aside): the session and cache stay.
    const same = await open(dataDir, { centralUrl: `${central.url}/`, fetch: () => Promise.reject(new TypeError('offline')) });
    expect((await same.desk.whoAmI({}))?.staff.username).toBe('kasko.vastaaja');
    await same.desk.mutate({ name: 'addComment', args: { itemId: items[0].id, text: 'Lähettämättä' } });
    await same.desk.close();

    const other = await open(dataDir, { centralUrl: 'http://127.0.0.1:9' });
    expect(await other.desk.whoAmI({})).toBeNull();
    expect((await other.desk.syncStatus({})).pendingCount).toBe(0);
    expect(other.logs.some((l) => l.includes('moved aside'))).toBe(true);
    expect(readdirSync(dataDir).some((f) => f.startsWith('desk-cache.sqlite.other-central-'))).toBe(true);
  });
});

describe('a clerk at one desk', () => {
  let dataDir: string;
  let desk: Desk;
  let events: DeskEvent[];

  it('signs in, syncs everything the clerk may see with progress, and lists it', async () => {
    dataDir = tmp('desk-clerk-');
    ({ desk, events } = await open(dataDir, { sync: { pageSize: 200 } }));
    const session = await desk.signIn({ username: 'neuvonta', password: 'demo' });
    expect(session.staff).toMatchObject({ username: 'neuvonta', role: 'clerk' });
    expect(session.centralUrl).toBe(central.url);

    const expected = await centralView('neuvonta');
    expect(expected.size).toBeGreaterThan(400);
    const status = await eventually('initial sync', async () => {
      const s = await desk.syncStatus({});
      return s.phase === 'idle' && s.lastSyncAt !== null ? s : undefined;
    }, 60_000);
    expect(status.online).toBe(true);

    const syncs = events.filter((e): e is Extract<DeskEvent, { type: 'sync' }> => e.type === 'sync').map((e) => e.status);
    const withProgress = syncs.filter((s) => s.phase === 'initial' && s.progress);
    expect(withProgress.length).toBeGreaterThan(1);
    expect(withProgress.at(-1)!.progress!.total).toBe(expected.size);
    expect(withProgress.map((s) => s.progress!.done)).toEqual([...withProgress.map((s) => s.progress!.done)].sort((a, b) => a - b));
    expect(events.some((e) => e.type === 'items-changed' && e.ids.length > 0)).toBe(true);

    const inbox = await desk.listInbox({ page: { offset: 0, limit: 50 } });
    expect(inbox.total).toBe(expected.size);
    expect(inbox.items).toHaveLength(50);
    for (const row of inbox.items) expect(expected.has(row.id)).toBe(true);
    const item = await desk.getItem({ id: inbox.items[0].id });
    expect(item?.id).toBe(inbox.items[0].id);
    const ref = await desk.getReference({});
    expect(ref.departments.length).toBeGreaterThan(0);
    expect(ref.staff.some((s) => s.username === 'neuvonta')).toBe(true);
  });

  it('receives a change made at another desk through a live poke', async () => {
    const { items } = await desk.listInbox({ filter: { view: 'new' }, page: { offset: 0, limit: 1 } });
    const target = items[0];
    const newKind = target.kind === 'praise' ? 'question' : 'praise';
    const before = events.length;

    const colleague = new TestDesk(central.url);
    await colleague.login('admin', 'demo');
    await colleague.push('setKind', { itemId: target.id, kind: newKind });

    // No syncNow: the SSE poke has to bring it.
    const updated = await eventually('the change to arrive', async () => {
      const item = await desk.getItem({ id: target.id });
      return item?.kind === newKind ? item : undefined;
    }, 10_000);
    expect(updated.history.at(-1)).toMatchObject({ type: 'kind_set' });
    expect(events.slice(before).some((e) => e.type === 'items-changed' && e.ids.includes(target.id))).toBe(true);
    expect((await desk.listInbox({ filter: { view: 'new', kind: [newKind] }, page: { offset: 0, limit: 500 } })).items.map((r) => r.id)).toContain(target.id);
  });

  it('resumes the session after a restart and opens the cache before any network', async () => {
    const total = (await desk.listInbox({})).total;
    await desk.close();
    const reopened = await open(dataDir, { fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect((await reopened.desk.whoAmI({}))?.staff.username).toBe('neuvonta');
    expect((await reopened.desk.listInbox({})).total).toBe(total);
    const offline = await eventually('offline status', async () => {
      const s = await reopened.desk.syncStatus({});
      return s.phase === 'offline' ? s : undefined;
    });
    expect(offline).toMatchObject({ online: false, lastError: 'central_unreachable' });
    await reopened.desk.close();
    ({ desk, events } = await open(dataDir));
  });

  it('keeps the cache when the same user signs in again, clears it for another user', async () => {
    const total = (await desk.listInbox({})).total;
    await desk.signIn({ username: 'neuvonta', password: 'demo' });
    // Immediately after sign-in, before any pull: the cache is still there.
    expect((await desk.listInbox({})).total).toBe(total);

    await desk.signIn({ username: 'kymp.vastaaja', password: 'demo' });
    const expected = await centralView('kymp.vastaaja');
    const status = await desk.syncNow({});
    expect(status.phase).toBe('idle');
    const inbox = await desk.listInbox({ page: { offset: 0, limit: 500 } });
    expect(inbox.total).toBe(expected.size);
    expect(inbox.total).toBeLessThan(total);
    for (const row of inbox.items) expect(expected.has(row.id)).toBe(true);
  });

  it('signing out removes the cache and the session', async () => {
    await desk.signOut({});
    expect(await desk.whoAmI({})).toBeNull();
    await expect(desk.listInbox({})).rejects.toMatchObject({ code: 'not_signed_in' });
    await desk.close();
    const store = await CacheStore.open(dataDir, fileKeyProvider(dataDir));
    expect(store.itemCount()).toBe(0);
    expect(store.session()).toBeNull();
    store.close();
  });
});

describe('bad responses from central', () => {
  it('rejects a malformed pull page with a logged error and leaves the cache unchanged', async () => {
    let corrupt = false;
    const fetchImpl: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!corrupt || !String(input).includes('/pull')) return res;
      const body = (await res.json()) as { items: Array<Record<string, unknown>> };
      body.items = [{ id: 'broken', kind: 'not-a-kind' }];
      return new Response(JSON.stringify({ ...body, hasMore: false }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const { desk, logs } = await open(tmp('desk-bad-'), { fetch: fetchImpl });
    await desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    const first = await desk.syncNow({});
    expect(first.phase).toBe('idle');
    const before = await desk.listInbox({ page: { offset: 0, limit: 500 } });

    corrupt = true;
    const colleague = new TestDesk(central.url);
    await colleague.login('admin', 'demo');
    await colleague.push('addComment', { itemId: before.items[0].id, text: 'Tarkistetaan.' });
    const status: SyncStatus = await desk.syncNow({});
    expect(status.phase).toBe('error');
    expect(status.lastError).toMatch(/invalid_response/);
    expect(logs.some((l) => l.includes('sync'))).toBe(true);
    expect(await desk.listInbox({ page: { offset: 0, limit: 500 } })).toEqual(before);
    expect(await desk.getItem({ id: 'broken' })).toBeNull();

    corrupt = false;
    const recovered = await eventually('recovery by retry', async () => {
      const s = await desk.syncStatus({});
      return s.phase === 'idle' ? s : undefined;
    });
    expect(recovered.lastError).toBeNull();
    expect((await desk.getItem({ id: before.items[0].id }))?.comments.at(-1)?.text).toBe('Tarkistetaan.');
  });

  it('a connection cut in the middle of a pull response leaves whole pages only, and the next pull completes', async () => {
    let cutAfter = 2;
    const fetchImpl: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('/pull') || cutAfter < 0 || cutAfter-- > 0) return res;
      // Half of the body, then the connection breaks.
      const text = await res.text();
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode(text.slice(0, text.length / 2)));
          c.error(new TypeError('terminated'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const dataDir = tmp('desk-cut-');
    const { desk, events } = await open(dataDir, { fetch: fetchImpl, sync: { pageSize: 100, retry: { baseMs: 50, maxMs: 200 } } });
    await desk.signIn({ username: 'kymp.vastaaja', password: 'demo' });
    // The retry comes within 100 ms, so look for the offline moment in the event stream.
    const cut = await eventually('the cut to show', async () =>
      events.map((e) => (e.type === 'sync' ? e.status : null)).find((s) => s?.phase === 'offline'),
    );
    expect(cut?.lastError).toBe('central_unreachable');
    const expected = await centralView('kymp.vastaaja');
    const done = await eventually('the pull to complete', async () => {
      const s = await desk.syncStatus({});
      return s.phase === 'idle' ? s : undefined;
    });
    expect(done.online).toBe(true);
    const inbox = await desk.listInbox({ page: { offset: 0, limit: 500 } });
    expect(inbox.total).toBe(expected.size);
  });

  it('keeps a signed-out user\'s unsent changes from another user\'s sign-in unless told to discard them', async () => {
    let mode: 'pass' | 'push-fails' | 'expired' = 'pass';
    const fetchImpl: typeof fetch = async (input, init) => {
      const url = String(input);
      if (mode === 'expired' && !url.includes('/login')) return Response.json({ error: { code: 'unauthorized', message: 'session expired' } }, { status: 401 });
      if (mode === 'push-fails' && url.includes('/push')) return Response.json({ error: { code: 'internal_error', message: 'down' } }, { status: 503 });
      return fetch(input, init);
    };
    const { desk } = await open(tmp('desk-others-'), { fetch: fetchImpl });
    await desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    await desk.syncNow({});
    const { items } = await desk.listInbox({ page: { offset: 0, limit: 1 } });
    /** A comment typed while pushes fail, then the session expires before it is sent. */
    const strand = async (text: string) => {
      mode = 'push-fails';
      await desk.mutate({ name: 'addComment', args: { itemId: items[0].id, text } });
      mode = 'expired';
      await desk.syncNow({});
      await eventually('sign-out', async () => (await desk.whoAmI({})) === null);
      expect((await desk.syncStatus({})).pendingCount).toBe(1);
      mode = 'pass';
    };

    await strand('Odottaa lähetystä.');
    await expect(desk.signIn({ username: 'neuvonta', password: 'demo' })).rejects.toMatchObject({ code: 'other_users_changes' });
    expect(await desk.whoAmI({})).toBeNull();
    expect((await desk.syncStatus({})).pendingCount).toBe(1);
    // Its author signs in again: the comment is sent after all.
    await desk.signIn({ username: 'Kasko.Vastaaja', password: 'demo' });
    await eventually('the queue to drain', async () => (await desk.syncStatus({})).pendingCount === 0);
    expect((await centralView('kasko.vastaaja')).has(items[0].id)).toBe(true);
    const colleague = new TestDesk(central.url);
    await colleague.login('admin', 'demo');
    expect((await colleague.pullAll()).items.find((i) => i.id === items[0].id)?.comments.some((c) => c.text === 'Odottaa lähetystä.')).toBe(true);

    // Someone else may still sign in, saying the changes may go.
    await strand('Tämä hävitetään.');
    await desk.signIn({ username: 'neuvonta', password: 'demo', discardOtherUsersChanges: true });
    expect((await desk.syncStatus({})).pendingCount).toBe(0);
    expect((await desk.whoAmI({}))?.staff.username).toBe('neuvonta');
  });

  it('an expired session signs out but keeps the cache for the same user', async () => {
    let expired = false;
    const fetchImpl: typeof fetch = async (input, init) =>
      expired && !String(input).includes('/login') ? Response.json({ error: { code: 'unauthorized', message: 'session expired' } }, { status: 401 }) : fetch(input, init);
    const { desk, events } = await open(tmp('desk-exp-'), { fetch: fetchImpl });
    await desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    await desk.syncNow({});
    const total = (await desk.listInbox({})).total;
    expired = true;
    await desk.syncNow({});
    await eventually('sign-out', async () => (await desk.whoAmI({})) === null);
    await eventually('the session event', async () => events.some((e) => e.type === 'session' && e.session === null));
    expect((await desk.syncStatus({})).phase).toBe('signed_out');
    expired = false;
    await desk.signIn({ username: 'kasko.vastaaja', password: 'demo' });
    expect((await desk.listInbox({})).total).toBe(total);
  });
});
