/**
 * Working with colleagues through desk cores against a real central (demo seed) on loopback:
 * notifications, the collaboration views and chips, items that leave a desk, presence.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../shared/api/desk-api.js';
import { startCentral, type RunningCentral } from '../../central/server.js';
import { createDesk, type Desk } from './desk.js';
import { eventually } from './testing/eventually.js';

let central: RunningCentral;
const dirs: string[] = [];
const open: Desk[] = [];

function network() {
  const net = { offline: false };
  const fetchImpl: typeof fetch = async (input, init) => {
    if (net.offline) throw new TypeError('fetch failed');
    return fetch(input, init);
  };
  return { net, fetchImpl };
}

async function deskFor(username: string, fetchImpl?: typeof fetch): Promise<{ desk: Desk; events: DeskEvent[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-collab-'));
  dirs.push(dataDir);
  const desk = await createDesk({ dataDir, centralUrl: central.url, fetch: fetchImpl, log: () => {}, sync: { retry: { baseMs: 50, maxMs: 200 } } });
  open.push(desk);
  const events: DeskEvent[] = [];
  desk.onEvent((e) => events.push(e));
  await desk.signIn({ username, password: 'demo' });
  await desk.syncNow({});
  return { desk, events };
}

const inFuture = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();

async function kympItemOf(desk: Desk): Promise<string> {
  const { items } = await desk.listInbox({ filter: { view: 'mine', status: ['in_progress', 'forwarded'] }, page: { offset: 0, limit: 50 } });
  const free = items.find((r) => r.workFlags.length === 0);
  return free!.id;
}

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-collab-central-'));
  dirs.push(dataDir);
  central = await startCentral({ port: 0, dataDir, seed: 'demo', logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  for (const d of open) await d.close().catch(() => {});
  await central?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('working with colleagues at two desks', () => {
  it('a comment request reaches the asked desk as a notification and a view; the answer, written offline, comes back as "new comments"', async () => {
    const a = await deskFor('kymp.vastaaja');
    const { net, fetchImpl } = network();
    const b = await deskFor('kasko.vastaaja', fetchImpl);
    const itemId = await kympItemOf(a.desk);
    expect(await b.desk.getItem({ id: itemId })).toBeNull();

    await a.desk.mutate({ name: 'requestComment', args: { itemId, to: [{ staffId: 'kasko.vastaaja' }], question: 'Onko koulun pihalla töitä?', dueAt: inFuture(48) } });
    const noticed = await eventually('the notification on the asked desk', () =>
      b.events.find((e): e is Extract<DeskEvent, { type: 'notifications' }> => e.type === 'notifications' && e.added.some((n) => n.itemId === itemId)),
    );
    expect(noticed.added.find((n) => n.itemId === itemId)).toMatchObject({ kind: 'comment_requested', actorName: 'Kalle Katumestari', read: false });
    const asked = await b.desk.listInbox({ filter: { view: 'requested_from_me' }, page: { offset: 0, limit: 50 } });
    expect(asked.items.find((r) => r.id === itemId)?.workFlags).toContain('asked_of_me');
    const mine = await a.desk.listInbox({ filter: { view: 'my_requests' }, page: { offset: 0, limit: 50 } });
    expect(mine.items.find((r) => r.id === itemId)?.workFlags).toContain('waiting_for_comments');

    // B answers while the central is unreachable; the comment waits in the outbox and goes once.
    net.offline = true;
    await b.desk.mutate({ name: 'addComment', args: { itemId, text: 'Pihalla ei ole töitä tällä viikolla.' } });
    expect((await b.desk.syncStatus({})).pendingCount).toBe(1);
    net.offline = false;
    await b.desk.syncNow({});
    await eventually('the item to leave the asked desk', async () => (await b.desk.getItem({ id: itemId })) === null);
    expect(await b.desk.departedItem({ id: itemId })).toMatchObject({ reason: 'request_closed' });

    const row = await eventually('"new comments" on the asker\'s row', async () => {
      await a.desk.syncNow({});
      const { items } = await a.desk.listInbox({ filter: { view: 'mine' }, page: { offset: 0, limit: 200 } });
      return items.find((r) => r.id === itemId && r.workFlags.includes('new_comments'));
    });
    expect(row.workFlags).not.toContain('waiting_for_comments');
    expect((await a.desk.listNotifications({})).items.find((n) => n.itemId === itemId)).toMatchObject({ kind: 'request_answered', read: false, title: expect.any(String) });
    const item = await a.desk.getItem({ id: itemId });
    expect(item?.comments.filter((c) => c.text === 'Pihalla ei ole töitä tällä viikolla.')).toHaveLength(1);

    await a.desk.markNotificationsRead({ itemId });
    const after = await a.desk.listInbox({ filter: { view: 'mine' }, page: { offset: 0, limit: 200 } });
    expect(after.items.find((r) => r.id === itemId)?.workFlags).not.toContain('new_comments');
  }, 60_000);

  it('after a transfer out the sender is told where the item went, not "not found"', async () => {
    const a = await deskFor('kymp.vastaaja');
    const itemId = await kympItemOf(a.desk);
    await a.desk.mutate({ name: 'transfer', args: { itemId, toDepartmentId: 'kasko', note: 'Koskee koulun pihaa.' } });
    await eventually('the item to leave the desk', async () => {
      await a.desk.syncNow({});
      return (await a.desk.getItem({ id: itemId })) === null;
    });
    expect(await a.desk.departedItem({ id: itemId })).toMatchObject({ reason: 'transferred', toDepartmentId: 'kasko', toStaffId: null });
    const b = await deskFor('kasko.vastaaja');
    expect((await b.desk.getItem({ id: itemId }))?.handoff).toMatchObject({ note: 'Koskee koulun pihaa.', byName: 'Kalle Katumestari' });
  }, 60_000);

  it('presence: the other desk hears who opened the item and who edits its draft within a second; offline it is unknown', async () => {
    const a = await deskFor('kymp.vastaaja');
    const { net, fetchImpl } = network();
    const b = await deskFor('kymp.esihenkilo', fetchImpl);
    const itemId = await kympItemOf(a.desk);
    await eventually('both live streams', async () => (await a.desk.syncStatus({})).online && (await b.desk.syncStatus({})).online);
    expect((await b.desk.setPresence({ itemId, editing: false })).people).toEqual([]);
    const started = Date.now();
    await a.desk.setPresence({ itemId, editing: true });
    const heard = await eventually('presence on the other desk', () =>
      b.events.find((e): e is Extract<DeskEvent, { type: 'presence' }> => e.type === 'presence' && e.presence.itemId === itemId && e.presence.people.length > 0),
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(heard.presence.people).toEqual([{ staffId: 'kymp.vastaaja', displayName: 'Kalle Katumestari', editing: true }]);
    expect((await b.desk.getPresence({ itemId })).people).toHaveLength(1);
    // A leaves; B hears it.
    await a.desk.setPresence({ itemId: null, editing: false });
    await eventually('the empty presence', async () => (await b.desk.getPresence({ itemId })).people.length === 0);
    net.offline = true;
    await b.desk.syncNow({});
    expect(await b.desk.getPresence({ itemId })).toMatchObject({ known: false, people: [] });
  }, 60_000);
});
