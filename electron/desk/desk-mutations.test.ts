/**
 * Offline-first mutations through the desk core against a real central server (startCentral,
 * demo seed) on loopback: optimistic apply, outbox across restarts, push once, server errors,
 * conflicts kept as rejections, sign-out with pending changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../central/server.js';
import { TestDesk } from '../../central/testing.js';
import type { FeedbackItem } from '../../shared/domain/feedback-item.js';
import { createDesk, type Desk } from './desk.js';
import { eventually } from './testing/eventually.js';

let central: RunningCentral;
const dirs: string[] = [];
const open: Desk[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'desk-mut-'));
  dirs.push(d);
  return d;
};

/** A network the test can cut, make fail, or make repeat requests on. */
function network() {
  const net = { offline: false, pushFailures: 0, duplicatePushes: false, pushes: 0 };
  const fetchImpl: typeof fetch = async (input, init) => {
    if (net.offline) throw new TypeError('fetch failed');
    if (String(input).includes('/push')) {
      net.pushes++;
      if (net.pushFailures > 0) {
        net.pushFailures--;
        return Response.json({ error: { code: 'internal_error', message: 'try again' } }, { status: 500 });
      }
      if (net.duplicatePushes) await fetch(input, init);
    }
    return fetch(input, init);
  };
  return { net, fetchImpl };
}

async function deskAt(dataDir: string, fetchImpl?: typeof fetch): Promise<Desk> {
  const desk = await createDesk({ dataDir, centralUrl: central.url, fetch: fetchImpl, log: () => {}, sync: { retry: { baseMs: 50, maxMs: 200 } } });
  open.push(desk);
  return desk;
}

const drained = (desk: Desk) => eventually('the outbox to drain', async () => {
  const s = await desk.syncStatus({});
  return s.pendingCount === 0 && s.phase === 'idle' ? s : undefined;
}, 20_000);

/** The central's record, read as admin. */
async function centralItem(id: string): Promise<FeedbackItem> {
  const admin = new TestDesk(central.url);
  await admin.login('admin', 'demo');
  const all = await admin.pullAll(0, 5000);
  return all.items.find((i) => i.id === id)!;
}

async function newItemId(desk: Desk, skip = 0): Promise<string> {
  const { items } = await desk.listInbox({ filter: { view: 'new' }, page: { offset: skip, limit: 1 } });
  return items[0].id;
}

beforeAll(async () => {
  central = await startCentral({ port: 0, dataDir: tmp(), seed: 'demo', logLevel: 'silent' });
}, 120_000);

afterAll(async () => {
  for (const d of open) await d.close().catch(() => {});
  await central?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('mutations at a desk', () => {
  it('apply at once, are queued across a restart while offline, and reach the central exactly once', async () => {
    const dataDir = tmp();
    const { net, fetchImpl } = network();
    let desk = await deskAt(dataDir, fetchImpl);
    await desk.signIn({ username: 'neuvonta', password: 'demo' });
    await desk.syncNow({});
    const itemId = await newItemId(desk);
    const before = await desk.getItem({ id: itemId });

    net.offline = true;
    const kind = before!.kind === 'praise' ? 'question' : 'praise';
    const first = await desk.mutate({ name: 'setKind', args: { itemId, kind } });
    const second = await desk.mutate({ name: 'addComment', args: { itemId, text: 'Soitettu asiakkaalle, palaa asiaan.' } });
    expect(second.mutationId).toBeGreaterThan(first.mutationId);
    expect(second.item).toMatchObject({ kind, comments: [{ text: 'Soitettu asiakkaalle, palaa asiaan.' }] });
    const row = (await desk.listInbox({ page: { offset: 0, limit: 500 }, filter: { view: 'new', kind: [kind] } })).items.find((r) => r.id === itemId);
    expect(row).toMatchObject({ pending: true, kind });
    const offline = await desk.syncStatus({});
    expect(offline).toMatchObject({ pendingCount: 2 });
    expect(offline.oldestPendingAt).not.toBeNull();

    // Quit and start again, still offline: the changes are still there and still queued.
    await desk.close();
    desk = await deskAt(dataDir, fetchImpl);
    expect((await desk.getItem({ id: itemId }))?.kind).toBe(kind);
    expect((await desk.syncStatus({})).pendingCount).toBe(2);

    net.offline = false;
    await desk.syncNow({});
    await drained(desk);
    const item = await desk.getItem({ id: itemId });
    expect(item?.comments.filter((c) => c.text === 'Soitettu asiakkaalle, palaa asiaan.')).toHaveLength(1);
    const onCentral = await centralItem(itemId);
    expect(onCentral.kind).toBe(kind);
    expect(onCentral.comments.filter((c) => c.text === 'Soitettu asiakkaalle, palaa asiaan.')).toHaveLength(1);
    expect(onCentral.history.filter((h) => h.type === 'kind_set')).toHaveLength(1);
    expect((await desk.listInbox({ page: { offset: 0, limit: 500 }, filter: { view: 'new' } })).items.find((r) => r.id === itemId)?.pending).toBe(false);
  });

  it('a push delivered twice, and a central answering 500 for a while, still apply each change once', async () => {
    const { net, fetchImpl } = network();
    const desk = await deskAt(tmp(), fetchImpl);
    await desk.signIn({ username: 'neuvonta', password: 'demo' });
    await desk.syncNow({});
    const itemId = await newItemId(desk, 1);

    net.pushFailures = 3;
    net.duplicatePushes = true;
    for (let i = 0; i < 5; i++) await desk.mutate({ name: 'addComment', args: { itemId, text: `Huomio ${i}` } });
    const status = await eventually('a failing push to show', async () => {
      const s = await desk.syncStatus({});
      return s.phase === 'error' ? s : undefined;
    }, 20_000);
    expect(status.pendingCount).toBe(5);
    await drained(desk);
    expect(net.pushes).toBeGreaterThan(3);
    const onCentral = await centralItem(itemId);
    expect(onCentral.comments.map((c) => c.text).filter((t) => t.startsWith('Huomio'))).toEqual(['Huomio 0', 'Huomio 1', 'Huomio 2', 'Huomio 3', 'Huomio 4']);
  });

  it('refuses locally what the user may not do, and writes nothing', async () => {
    const desk = await deskAt(tmp());
    await desk.signIn({ username: 'moderaattori', password: 'demo' });
    await desk.syncNow({});
    const itemId = await newItemId(desk);
    await expect(desk.mutate({ name: 'setKind', args: { itemId, kind: 'praise' } })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(desk.mutate({ name: 'noSuchThing', args: { itemId } })).rejects.toMatchObject({ code: 'invalid_args' });
    await expect(desk.mutate({ name: 'addComment', args: { itemId, text: '' } })).rejects.toMatchObject({ code: 'invalid_args' });
    expect((await desk.syncStatus({})).pendingCount).toBe(0);
  });

  it('two desks edit the same answer draft offline: one conflict, kept with both texts, nothing lost', async () => {
    const a = network();
    const b = network();
    const deskA = await deskAt(tmp(), a.fetchImpl);
    const deskB = await deskAt(tmp(), b.fetchImpl);
    await deskA.signIn({ username: 'neuvonta', password: 'demo' });
    await deskB.signIn({ username: 'admin', password: 'demo' });
    await deskA.syncNow({});
    await deskB.syncNow({});
    const itemId = await newItemId(deskA, 2);
    const base = (await deskB.getItem({ id: itemId }))!.answer.draft?.version ?? 0;

    a.net.offline = true;
    b.net.offline = true;
    await deskA.mutate({ name: 'saveAnswerDraft', args: { itemId, text: 'Kiitos palautteesta, korjaamme valon.', baseVersion: base } });
    const mine = await deskB.mutate({ name: 'saveAnswerDraft', args: { itemId, text: 'Hei! Valo korjataan ensi viikolla.', baseVersion: base } });

    a.net.offline = false;
    await deskA.syncNow({});
    await drained(deskA);
    b.net.offline = false;
    await deskB.syncNow({});
    await drained(deskB);

    const rejected = await deskB.listRejected({});
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({
      mutationId: mine.mutationId,
      name: 'saveAnswerDraft',
      code: 'conflict',
      itemId,
      args: { text: 'Hei! Valo korjataan ensi viikolla.' },
      details: { mine: 'Hei! Valo korjataan ensi viikolla.', theirs: 'Kiitos palautteesta, korjaamme valon.' },
    });
    expect((await deskB.syncStatus({})).rejectedCount).toBe(1);
    expect((await deskB.getItem({ id: itemId }))?.answer.draft?.text).toBe('Kiitos palautteesta, korjaamme valon.');
    expect(await deskA.listRejected({})).toEqual([]);

    // Retrying the same edit conflicts again (its base is stale) and keeps the rejection.
    await expect(deskB.resolveRejected({ mutationId: mine.mutationId, action: 'retry' })).rejects.toMatchObject({ code: 'conflict' });
    expect(await deskB.listRejected({})).toHaveLength(1);
    // The author takes it from there: a new save on the current version, then discards the old one.
    const current = (await deskB.getItem({ id: itemId }))!.answer.draft!.version;
    await deskB.mutate({ name: 'saveAnswerDraft', args: { itemId, text: 'Kiitos palautteesta! Valo korjataan ensi viikolla.', baseVersion: current } });
    expect(await deskB.resolveRejected({ mutationId: mine.mutationId, action: 'discard' })).toEqual({ ok: true, mutationId: null });
    await drained(deskB);
    expect(await deskB.listRejected({})).toEqual([]);
    expect((await centralItem(itemId)).answer.draft?.text).toBe('Kiitos palautteesta! Valo korjataan ensi viikolla.');
  });

  it('sign-out asks first when changes are still queued, and force discards them', async () => {
    const { net, fetchImpl } = network();
    const desk = await deskAt(tmp(), fetchImpl);
    await desk.signIn({ username: 'neuvonta', password: 'demo' });
    await desk.syncNow({});
    const itemId = await newItemId(desk);
    net.offline = true;
    await desk.mutate({ name: 'addComment', args: { itemId, text: 'Ei vielä lähetetty' } });
    await expect(desk.signOut({})).rejects.toMatchObject({ code: 'pending_mutations' });
    expect(await desk.whoAmI({})).not.toBeNull();
    expect(await desk.signOut({ force: true })).toEqual({ ok: true });
    expect(await desk.whoAmI({})).toBeNull();
    expect((await desk.syncStatus({})).pendingCount).toBe(0);

    // Signing in again later works and new changes still get through (ids re-aligned with the server).
    net.offline = false;
    await desk.signIn({ username: 'neuvonta', password: 'demo' });
    await desk.syncNow({});
    await desk.mutate({ name: 'addComment', args: { itemId, text: 'Lähetetty myöhemmin' } });
    await drained(desk);
    const texts = (await centralItem(itemId)).comments.map((c) => c.text);
    expect(texts).toContain('Lähetetty myöhemmin');
    expect(texts).not.toContain('Ei vielä lähetetty');
  });
});
