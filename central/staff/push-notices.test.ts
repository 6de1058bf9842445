import { afterEach, describe, expect, it } from 'vitest';
import { outboxRows } from '../mail/outbox.js';
import { startTestCentral, testItem, TestDesk, type TestCentral } from '../testing.js';

let central: TestCentral | undefined;
afterEach(async () => {
  await central?.dispose();
  central = undefined;
});

describe('citizen notices queued by staff changes', () => {
  it('acknowledges a walk-in item that has an email address, once, however often the push is retried', async () => {
    central = await startTestCentral();
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const args = {
      itemId: 'walkin-notice-1',
      serviceRequestId: 'walkin0notice0000001',
      kind: 'question',
      language: 'sv',
      description: 'Kunden frågar när simhallen öppnar igen efter renoveringen.',
      email: 'kund@example.com',
      publicationPermission: false,
      permissionAsked: true,
    };
    const mutation = { id: 1, name: 'createWalkIn', args };
    expect((await desk.pushRaw([mutation])).status).toBe(200);
    expect((await desk.pushRaw([mutation])).status).toBe(200);
    const mails = outboxRows(central.store.db, 'walkin-notice-1');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'acknowledgement', to_address: 'kund@example.com', language: 'sv' });
    expect(mails[0]!.body).toMatch(/\/status\/[A-Za-z0-9_-]+/);
  });

  it('mails the registry-office reply in the item language when an item is redirected (P6)', async () => {
    central = await startTestCentral({ items: [testItem(1, { language: 'en', contact: { email: 'resident@example.com', phone: null } })] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const { items } = await desk.pullAll();
    await desk.push('redirectToRegistry', { itemId: items[0]!.id });
    const mails = outboxRows(central.store.db, items[0]!.id).filter((m) => m.kind === 'registry_redirect');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Registry Office/);
    expect(mails[0]!.body).toContain('helsinki.kirjaamo@hel.fi');
  });

  it('does not mail the redirect reply for a restricted item (P7)', async () => {
    central = await startTestCentral({
      items: [testItem(1, { contact: { email: 'asukas@example.com', phone: null }, restricted: { reason: 'terveystietoja', by: 'st-clerk', at: '2026-11-20T09:00:00.000Z' } })],
    });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const { items } = await desk.pullAll();
    await desk.push('redirectToRegistry', { itemId: items[0]!.id });
    expect(outboxRows(central.store.db, items[0]!.id).filter((m) => m.kind === 'registry_redirect')).toEqual([]);
  });
});
