/**
 * Sync under faults (issue 4, P29, P30): real central and desk processes, a fault proxy between
 * them. Every test ends by counting on the central server: each change exactly once, none lost.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../electron/desk/desk.js';
import type { FeedbackItem } from '../../shared/domain/index.js';
import { FaultProxy } from '../support/fault-proxy.js';
import { DeskProcessClient } from '../support/desk-process-client.js';
import { freePort, startCentralProcess, startWebHostProcess, tempDir, type RunningProcess } from '../support/processes.js';
import { eventually, StaffClient } from '../support/staff-client.js';

const FAST_RETRY = { pullIntervalMs: 2_000, retry: { baseMs: 100, maxMs: 1_500 } };

let centralPort: number;
let centralDir: string;
let central: RunningProcess;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  centralPort = await freePort();
  centralDir = tempDir('central-faults');
  central = await startCentralProcess({ port: centralPort, dataDir: centralDir });
});

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => {});
  if (central.child.exitCode !== null || central.child.signalCode !== null) {
    central = await startCentralProcess({ port: centralPort, dataDir: centralDir });
  }
});

afterAll(async () => {
  await central?.stop();
});

const marker = () => `m${randomBytes(5).toString('hex')}`;

async function proxiedDesk(username = 'neuvonta'): Promise<{ desk: Desk; proxy: FaultProxy }> {
  const proxy = new FaultProxy(central.url);
  await proxy.start();
  const desk = await createDesk({ dataDir: tempDir('desk-faults'), centralUrl: proxy.url, sync: FAST_RETRY, log: () => {} });
  cleanups.push(async () => {
    await desk.close();
    await proxy.stop();
  });
  await desk.signIn({ username, password: 'demo' });
  await idle(desk);
  return { desk, proxy };
}

async function idle(desk: Desk, timeoutMs = 60_000): Promise<void> {
  await eventually('the desk to be in sync', async () => {
    const s = await desk.syncStatus({});
    return s.phase === 'idle' && s.pendingCount === 0 && s.lastSyncAt !== null;
  }, timeoutMs);
}

/** Every item the admin sees on the central server right now. */
async function centralItems(): Promise<FeedbackItem[]> {
  const admin = new StaffClient(central.url);
  await admin.login('admin');
  return (await admin.pullAll()).items;
}

function commentCounts(items: FeedbackItem[], tag: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const c of item.comments) if (c.text.startsWith(tag)) counts.set(c.text, (counts.get(c.text) ?? 0) + 1);
  return counts;
}

async function someItems(desk: Desk, n: number) {
  return (await desk.listInbox({ filter: { view: 'all' }, page: { offset: 0, limit: n } })).items;
}

function expectEachOnce(counts: Map<string, number>, texts: string[]) {
  const missing = texts.filter((t) => !counts.has(t));
  const doubled = [...counts].filter(([, n]) => n !== 1);
  expect({ missing, doubled }).toEqual({ missing: [], doubled: [] });
}

describe('sync faults', () => {
  it('applies every mutation exactly once when the central server is killed in the middle of a push', async () => {
    const { desk, proxy } = await proxiedDesk();
    const tag = marker();
    const targets = await someItems(desk, 40);
    proxy.setMode('refuse');
    const texts: string[] = [];
    for (let i = 0; i < 300; i++) {
      const text = `${tag} kommentti ${i}`;
      texts.push(text);
      await desk.mutate({ name: 'addComment', args: { itemId: targets[i % targets.length]!.id, text } });
    }
    expect((await desk.syncStatus({})).pendingCount).toBe(300);

    proxy.seen.length = 0;
    proxy.setMode('pass');
    await desk.syncNow({});
    await eventually('a push to start', async () => proxy.seen.includes('/staff/v1/push'), 10_000);
    await central.stop('SIGKILL');
    central = await startCentralProcess({ port: centralPort, dataDir: centralDir });

    await idle(desk);
    expectEachOnce(commentCounts(await centralItems(), tag), texts);
  });

  it('keeps the cache consistent when a pull response is cut, and completes on the next pull', async () => {
    const { desk, proxy } = await proxiedDesk();
    const before = await desk.listInbox({});
    const [target] = await someItems(desk, 1);
    proxy.setMode('cutResponse', '/staff/v1/pull');

    const colleague = new StaffClient(central.url);
    await colleague.login('admin');
    const text = `${marker()} toisen työpisteen kommentti`;
    await colleague.push('addComment', { itemId: target!.id, text });
    await desk.syncNow({}).catch(() => {});
    await new Promise((r) => setTimeout(r, 1_500));

    // Whatever the cut left behind, the cache is whole: same items, every one readable.
    expect((await desk.listInbox({})).total).toBe(before.total);
    expect(await desk.getItem({ id: target!.id })).toMatchObject({ id: target!.id });

    proxy.setMode('pass');
    const arrived = await eventually('the comment to arrive', async () => {
      const item = await desk.getItem({ id: target!.id });
      return item?.comments.some((c) => c.text === text) ? item : undefined;
    });
    expect(arrived.comments.filter((c) => c.text === text)).toHaveLength(1);
  });

  it('drains the queue by itself after the central server answers 500 for a while', async () => {
    const { desk, proxy } = await proxiedDesk();
    const tag = marker();
    const targets = await someItems(desk, 10);
    proxy.setMode('error500');
    const texts = targets.map((t, i) => `${tag} ${i}`);
    for (const [i, t] of targets.entries()) await desk.mutate({ name: 'addComment', args: { itemId: t.id, text: texts[i]! } });
    await new Promise((r) => setTimeout(r, 3_000));
    const during = await desk.syncStatus({});
    expect(during.pendingCount).toBe(10);
    expect(during.oldestPendingAt).not.toBeNull();

    proxy.setMode('pass');
    await idle(desk);
    expectEachOnce(commentCounts(await centralItems(), tag), texts);
  });

  it('applies a push once when its response is lost and the desk sends it again', async () => {
    const { desk, proxy } = await proxiedDesk();
    const tag = marker();
    const [target] = await someItems(desk, 1);
    proxy.setMode('cutResponse', '/staff/v1/push');
    const text = `${tag} kerran`;
    await desk.mutate({ name: 'addComment', args: { itemId: target!.id, text } });
    await eventually('the push to reach the central server', async () => proxy.seen.filter((p) => p === '/staff/v1/push').length >= 2, 20_000);
    proxy.setMode('pass');
    await idle(desk);
    expectEachOnce(commentCounts(await centralItems(), tag), [text]);
    const local = await desk.getItem({ id: target!.id });
    expect(local!.comments.filter((c) => c.text === text)).toHaveLength(1);
  });

  it('keeps a mutation made just before the desk process is killed, and delivers it once after restart', async () => {
    const proxy = new FaultProxy(central.url);
    await proxy.start();
    const deskDir = tempDir('desk-kill');
    let host = await startWebHostProcess({ centralUrl: proxy.url, dataDir: deskDir });
    cleanups.push(async () => {
      await host.stop();
      await proxy.stop();
    });
    let api = new DeskProcessClient(host.url);
    await api.call('signIn', { username: 'neuvonta', password: 'demo' });
    await eventually('initial sync', async () => (await api.call('syncStatus', {})).lastSyncAt !== null, 60_000);
    const { items } = await api.call('listInbox', { page: { offset: 0, limit: 1 } });

    proxy.setMode('refuse');
    const text = `${marker()} ennen kaatumista`;
    await api.call('mutate', { name: 'addComment', args: { itemId: items[0]!.id, text } });
    await host.stop('SIGKILL');

    proxy.setMode('pass');
    host = await startWebHostProcess({ centralUrl: proxy.url, dataDir: deskDir });
    api = new DeskProcessClient(host.url);
    expect(await api.call('whoAmI', {})).toMatchObject({ staff: { username: 'neuvonta' } });
    await eventually('the queue to drain', async () => (await api.call('syncStatus', {})).pendingCount === 0, 60_000);
    expectEachOnce(commentCounts(await centralItems(), text), [text]);
  });

  it('shows one conflict and loses no text when two desks edit the same answer draft offline', async () => {
    const a = await proxiedDesk('kymp.vastaaja');
    const b = await proxiedDesk('admin');
    const { items } = await a.desk.listInbox({ filter: { view: 'my_department', status: ['forwarded', 'in_progress'] }, page: { offset: 0, limit: 20 } });
    const target = items.find((i) => i.departmentId === 'kymp')!;
    const base = (await a.desk.getItem({ id: target.id }))!.answer.draft?.version ?? 0;
    a.proxy.setMode('refuse');
    b.proxy.setMode('refuse');
    const textA = `${marker()} vastaus A`;
    const textB = `${marker()} vastaus B`;
    await a.desk.mutate({ name: 'saveAnswerDraft', args: { itemId: target.id, text: textA, baseVersion: base } });
    await b.desk.mutate({ name: 'saveAnswerDraft', args: { itemId: target.id, text: textB, baseVersion: base } });

    a.proxy.setMode('pass');
    await idle(a.desk);
    b.proxy.setMode('pass');
    const rejected = await eventually('the conflict to reach desk B', async () => {
      const list = await b.desk.listRejected({});
      return list.length ? list : undefined;
    });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ code: 'conflict', itemId: target.id, details: { mine: textB, theirs: textA } });
    expect(await a.desk.listRejected({})).toEqual([]);
    // The central record holds A's text; B's text is kept in its rejected change until B decides.
    const onCentral = (await centralItems()).find((i) => i.id === target.id)!;
    expect(onCentral.answer.draft?.text).toBe(textA);
  });

  it('removes an item from a desk on the next pull once its user loses access to it', async () => {
    const { desk } = await proxiedDesk();
    const [target] = await someItems(desk, 1);
    const admin = new StaffClient(central.url);
    await admin.login('admin');
    await admin.push('assign', { itemId: target!.id, staffId: 'kasko.vastaaja' });
    await admin.push('restrictVisibility', { itemId: target!.id, reason: 'terveystietoja, vain vastuuhenkilölle' });
    await eventually('the item to leave the clerk cache', async () => (await desk.getItem({ id: target!.id })) === null);
    const { items } = await desk.listInbox({ page: { offset: 0, limit: 500 } });
    expect(items.map((i) => i.id)).not.toContain(target!.id);
  });
});
