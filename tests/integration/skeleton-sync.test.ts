/**
 * The walking skeleton end to end across processes: the central server runs as its own process
 * (npm run central), the desk core in this one, talking real HTTP on loopback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../electron/desk/desk.js';
import { DeskError } from '../../shared/api/index.js';
import { startCentralProcess, tempDir, type RunningProcess } from '../support/processes.js';
import { eventually, StaffClient } from '../support/staff-client.js';

let central: RunningProcess;
let desk: Desk;

beforeAll(async () => {
  central = await startCentralProcess({ seed: 'demo' });
  desk = await createDesk({ dataDir: tempDir('desk'), centralUrl: central.url });
});

afterAll(async () => {
  await desk?.close();
  await central?.stop();
});

describe('desk core against a central process', () => {
  it('refuses a wrong password with bad_credentials and stays signed out', async () => {
    await expect(desk.signIn({ username: 'neuvonta', password: 'wrong' })).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(desk.signIn({ username: 'neuvonta', password: 'wrong' })).rejects.toBeInstanceOf(DeskError);
    expect(await desk.whoAmI({})).toBeNull();
  });

  it('signs in and syncs exactly what the clerk may see into the cache', async () => {
    const session = await desk.signIn({ username: 'neuvonta', password: 'demo' });
    expect(session.staff).toMatchObject({ username: 'neuvonta', role: 'clerk' });

    const clerkView = new StaffClient(central.url);
    await clerkView.login('neuvonta');
    const expected = await clerkView.pullAll();
    expect(expected.items.length).toBeGreaterThan(1000);

    await eventually('initial sync to finish', async () => {
      const status = await desk.syncStatus({});
      return status.lastSyncAt !== null && status.phase === 'idle';
    }, 60_000);
    const inbox = await desk.listInbox({ page: { offset: 0, limit: 10 } });
    expect(inbox.total).toBe(expected.items.length);

    // Restricted items assigned to someone else never reach the clerk's cache (P27).
    const admin = new StaffClient(central.url);
    await admin.login('admin');
    const everything = await admin.pullAll();
    const hidden = everything.items.filter((i) => i.restricted && i.restricted.by !== session.staff.id && i.assigneeId !== session.staff.id);
    expect(hidden.length).toBeGreaterThan(0);
    for (const item of hidden) expect(await desk.getItem({ id: item.id })).toBeNull();

    // The cached copy is the central record.
    const sample = expected.items[0]!;
    expect(await desk.getItem({ id: sample.id })).toMatchObject({ original: sample.original, serviceRequestId: sample.serviceRequestId });
  });

  it('receives a change made at another desk by incremental sync', async () => {
    const { items } = await desk.listInbox({ filter: { view: 'new' }, page: { offset: 0, limit: 1 } });
    const target = items[0]!;
    const newKind = target.kind === 'praise' ? 'question' : 'praise';

    const colleague = new StaffClient(central.url);
    await colleague.login('admin');
    await colleague.push('setKind', { itemId: target.id, kind: newKind });

    const updated = await eventually('the change to arrive', async () => {
      const item = await desk.getItem({ id: target.id });
      return item?.kind === newKind ? item : undefined;
    });
    expect(updated.history.at(-1)).toMatchObject({ type: 'kind_set', actorName: expect.any(String) });
  });
});
