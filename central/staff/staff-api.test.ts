import { afterEach, describe, expect, it } from 'vitest';
import { LoginResponse, PullResponse } from '../../shared/api/sync-protocol.js';
import { startTestCentral, testItem, TestDesk, type TestCentral } from '../testing.js';

let central: TestCentral | undefined;
afterEach(async () => {
  await central?.dispose();
  central = undefined;
});

const restrictedBy = (by: string) => ({ reason: 'terveystietoja', by, at: '2026-11-20T09:00:00.000Z' });

describe('login', () => {
  it('gives a token and the staff record for the right password', async () => {
    central = await startTestCentral();
    const desk = new TestDesk(central.url);
    const res = await desk.login('clerk');
    expect(res.status).toBe(200);
    const body = LoginResponse.parse(await res.json());
    expect(body.staff).toEqual({ id: 'st-clerk', username: 'clerk', displayName: 'Niina Neuvoja', role: 'clerk', departmentId: 'neuvonta' });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });

  it('refuses a wrong password and an unknown user alike with 401 bad_credentials', async () => {
    central = await startTestCentral();
    for (const [user, password] of [['clerk', 'wrong'], ['nobody', 'secret']]) {
      const res = await new TestDesk(central.url).login(user, password);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'bad_credentials', message: expect.any(String) } });
    }
  });

  it('refuses sign-in for 15 minutes after 5 wrong passwords, even with the right one, and names the wait', async () => {
    let now = new Date('2026-11-27T08:00:00.000Z');
    central = await startTestCentral({ now: () => now });
    for (let i = 0; i < 5; i++) expect((await new TestDesk(central.url).login('clerk', `guess-${i}`)).status).toBe(401);
    const locked = await new TestDesk(central.url).login('clerk');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(await locked.json()).toEqual({ error: { code: 'too_many_attempts', message: expect.stringContaining('15 min') } });
    // another account is not locked by this one's failures
    expect((await new TestDesk(central.url).login('mod')).status).toBe(200);
    now = new Date('2026-11-27T08:15:01.000Z');
    expect((await new TestDesk(central.url).login('clerk')).status).toBe(200);
  });

  it('stores only a hash of the token and refuses it after logout', async () => {
    central = await startTestCentral();
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const stored = central.store.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toContain(desk.token);
    const out = await fetch(`${central.url}/staff/v1/logout`, { method: 'POST', headers: { authorization: `Bearer ${desk.token}` } });
    expect(out.status).toBe(200);
    const res = await desk.pullRaw(0);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('expires a session after 12 hours', async () => {
    let now = new Date('2026-11-27T08:00:00.000Z');
    central = await startTestCentral({ now: () => now });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    expect((await desk.pullRaw(0)).status).toBe(200);
    now = new Date('2026-11-27T20:00:01.000Z');
    expect((await desk.pullRaw(0)).status).toBe(401);
  });
});

describe('bad input', () => {
  it('answers bad bodies and queries with 400 and an error code, and keeps serving', async () => {
    central = await startTestCentral({ items: [testItem(1)] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const post = (path: string, body: string, contentType = 'application/json') =>
      fetch(`${central!.url}/staff/v1${path}`, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${desk.token}` }, body });

    const cases: [Response, number, string][] = [
      [await post('/login', '{"username":"clerk"'), 400, 'invalid_request'],
      [await post('/login', JSON.stringify({ username: 'clerk', password: 'secret' })), 400, 'invalid_request'],
      [await post('/login', JSON.stringify({ username: 'clerk', password: 'secret', clientId: 'bad id!' })), 400, 'invalid_request'],
      [await post('/push', JSON.stringify({ clientId: desk.clientId, schemaVersion: 1, mutations: [{ id: 0, name: 'x', args: {}, clientTime: '' }] })), 400, 'invalid_request'],
      [await post('/push', JSON.stringify({ clientId: desk.clientId, schemaVersion: 99, mutations: [] })), 400, 'invalid_request'],
      [await post('/push', 'clientId=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
      [await desk.pullRaw(-1), 400, 'invalid_request'],
      [await fetch(`${central.url}/staff/v1/pull?cookie=abc&clientId=${desk.clientId}`, { headers: { authorization: `Bearer ${desk.token}` } }), 400, 'invalid_request'],
      [await fetch(`${central.url}/staff/v1/nothing-here`), 404, 'not_found'],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    expect((await desk.pull(0)).items).toHaveLength(1);
  });

  it('refuses a pull or push for a clientId the token was not issued to', async () => {
    central = await startTestCentral({ items: [testItem(1)] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const res = await fetch(`${central.url}/staff/v1/pull?cookie=0&clientId=someone-elses`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('client_mismatch');
  });
});

describe('pull', () => {
  it('pages in change order with a cookie; total and reference on the first page only', async () => {
    const items = Array.from({ length: 25 }, (_, i) => testItem(i + 1));
    central = await startTestCentral({ items });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');

    const { pages, items: got, cookie } = await desk.pullAll(0, 10);
    for (const p of pages) PullResponse.parse(p);
    expect(pages.map((p) => p.items.length)).toEqual([10, 10, 5]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages[0].total).toBe(25);
    expect(pages[0].reference?.departments.map((d) => d.id)).toContain('kymp');
    expect(pages[0].reference?.staff.map((s) => s.username)).toContain('clerk');
    expect(pages.slice(1).map((p) => [p.total, p.reference])).toEqual([[null, null], [null, null]]);
    expect(got.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(cookie).toBe(central.store.changeCounter());

    // Nothing changed: an empty page at the same cookie.
    const again = await desk.pull(cookie);
    expect(again).toMatchObject({ items: [], hasMore: false, cookie, revoked: [] });

    // One change: only that item, with its new state.
    const admin = new TestDesk(central.url);
    await admin.login('admin');
    await admin.push('setKind', { itemId: 'item-7', kind: 'praise' });
    const next = await desk.pull(cookie);
    expect(next.items.map((i) => [i.id, i.kind, i.version])).toEqual([['item-7', 'praise', 2]]);
    expect(next.total).toBe(1);
    expect(next.cookie).toBeGreaterThan(cookie);
  });

  it('never gives a clerk a restricted item assigned to someone else, nor a responder other departments', async () => {
    central = await startTestCentral({
      items: [
        testItem(1, { departmentId: 'kymp' }),
        testItem(2, { departmentId: 'kasko' }),
        testItem(3, { departmentId: 'kasko', assigneeId: 'st-kymp' }),
        testItem(4, { departmentId: 'kymp', restricted: restrictedBy('st-admin'), assigneeId: 'st-kasko' }),
        testItem(5, { departmentId: 'neuvonta', restricted: restrictedBy('st-clerk') }),
        testItem(6, { departmentId: 'neuvonta' }),
      ],
    });
    const idsFor = async (username: string) => {
      const desk = new TestDesk(central!.url);
      await desk.login(username);
      const { items, pages } = await desk.pullAll(0, 2);
      expect(pages[0].total).toBe(items.length);
      return items.map((i) => i.id).sort();
    };
    expect(await idsFor('clerk')).toEqual(['item-1', 'item-2', 'item-3', 'item-5', 'item-6']);
    expect(await idsFor('kymp')).toEqual(['item-1', 'item-3']);
    expect(await idsFor('kasko')).toEqual(['item-2', 'item-3', 'item-4']);
    expect(await idsFor('mod')).toEqual(['item-1', 'item-2', 'item-3', 'item-6']);
    expect(await idsFor('admin')).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-5', 'item-6']);
  });

  it('revokes an item once it is restricted or forwarded away from the user', async () => {
    central = await startTestCentral({ items: [testItem(1, { departmentId: 'kymp' }), testItem(2, { departmentId: 'kymp', status: 'in_progress' })] });
    const responder = new TestDesk(central.url);
    await responder.login('kymp');
    const first = await responder.pullAll();
    expect(first.items.map((i) => i.id).sort()).toEqual(['item-1', 'item-2']);

    // The responder forwards item-2 to another division: it leaves their cache on the next pull.
    await responder.push('forwardToDepartment', { itemId: 'item-2', departmentId: 'kasko', note: 'koulun asia' });
    // Someone restricts item-1 without assigning it to the responder.
    const item1 = central.store.getItem('item-1')!;
    central.store.putItem({ ...item1, restricted: restrictedBy('st-admin') });

    const next = await responder.pullAll(first.cookie);
    expect(next.items).toEqual([]);
    expect(next.revoked.sort()).toEqual(['item-1', 'item-2']);

    const kasko = new TestDesk(central.url);
    await kasko.login('kasko');
    expect((await kasko.pullAll()).items.map((i) => [i.id, i.departmentId, i.status])).toEqual([['item-2', 'kasko', 'forwarded']]);
  });
});

describe('revocation without leaks', () => {
  it('does not name items the user never could see, even when they change', async () => {
    central = await startTestCentral({ items: [testItem(1, { departmentId: 'kymp' }), testItem(2, { departmentId: 'kasko' })] });
    const kymp = new TestDesk(central.url);
    await kymp.login('kymp');
    const first = await kymp.pullAll();
    const admin = new TestDesk(central.url);
    await admin.login('admin');
    await admin.push('addComment', { itemId: 'item-2', text: 'kasko only' });
    await admin.push('setKind', { itemId: 'item-1', kind: 'praise' });
    const next = await kymp.pullAll(first.cookie);
    expect(next.items.map((i) => i.id)).toEqual(['item-1']);
    expect(next.revoked).toEqual([]);
  });

  it('revokes an item delivered on an earlier page of the same pull that was taken away before the next page', async () => {
    central = await startTestCentral({
      items: [testItem(1, { departmentId: 'kymp', status: 'in_progress' }), testItem(2, { departmentId: 'kymp' }), testItem(3, { departmentId: 'kymp' })],
    });
    const kymp = new TestDesk(central.url);
    await kymp.login('kymp');
    const page1 = await kymp.pull(0, 1);
    expect(page1.items.map((i) => i.id)).toEqual(['item-1']);
    expect(page1.hasMore).toBe(true);
    const item1 = central.store.getItem('item-1')!;
    central.store.putItem({ ...item1, departmentId: 'kasko' });
    const rest = await kymp.pullAll(page1.cookie, 1);
    expect(rest.pages[0].reference).toBeNull();
    expect(rest.items.map((i) => i.id)).toEqual(['item-2', 'item-3']);
    expect(rest.revoked).toEqual(['item-1']);
  });
});

describe('push', () => {
  it('applies a mutation once when the same push is delivered twice', async () => {
    central = await startTestCentral({ items: [testItem(1)] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const batch = [{ id: 1, name: 'addComment', args: { itemId: 'item-1', text: 'Soitin asiakkaalle.' } }];
    for (let i = 0; i < 2; i++) {
      const res = await desk.pushRaw(batch);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ lastMutationId: 1 });
    }
    const item = central.store.getItem('item-1')!;
    expect(item.comments.map((c) => [c.text, c.authorId])).toEqual([['Soitin asiakkaalle.', 'st-clerk']]);
    expect(item.version).toBe(2);
    const pulled = await desk.pull(0);
    expect(pulled.lastMutationId).toBe(1);
    expect(pulled.items[0].comments).toHaveLength(1);
  });

  it('refuses a gap with 409 and applies nothing after it', async () => {
    central = await startTestCentral({ items: [testItem(1)] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const res = await desk.pushRaw([
      { id: 1, name: 'setKind', args: { itemId: 'item-1', kind: 'praise' } },
      { id: 3, name: 'setKind', args: { itemId: 'item-1', kind: 'question' } },
    ]);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('mutation_gap');
    expect(central.store.getItem('item-1')!.kind).toBe('praise');
    expect((await desk.pull(0)).lastMutationId).toBe(1);
  });

  it('records a permanent failure, consumes its id, and returns it in the next pull only once the cookie passes it', async () => {
    central = await startTestCentral({ items: [testItem(1, { status: 'closed' })] });
    const desk = new TestDesk(central.url);
    await desk.login('clerk');
    const start = await desk.pullAll();

    const res = await desk.pushRaw([
      { id: 1, name: 'forwardToDepartment', args: { itemId: 'item-1', departmentId: 'kasko' } }, // closed -> forwarded: not allowed
      { id: 2, name: 'noSuchMutation', args: { itemId: 'item-1' } },
      { id: 3, name: 'addComment', args: { itemId: 'item-1', text: 'ok' } },
    ]);
    expect(await res.json()).toEqual({ lastMutationId: 3 });

    const page = await desk.pull(start.cookie);
    expect(page.lastMutationId).toBe(3);
    expect(page.results.map((r) => [r.mutationId, r.name, r.error.code])).toEqual([
      [1, 'forwardToDepartment', 'invalid_transition'],
      [2, 'noSuchMutation', 'unknown_mutation'],
    ]);
    expect(page.items.map((i) => i.comments.length)).toEqual([1]);
    // A response lost on the way: pulling again from the old cookie returns the results again.
    expect((await desk.pull(start.cookie)).results).toHaveLength(2);
    // Once the client moved its cookie past them, they are not repeated.
    expect((await desk.pull(page.cookie)).results).toEqual([]);
  });

  it('turns a stale answer-draft base into a conflict result carrying both texts', async () => {
    central = await startTestCentral({ items: [testItem(1, { status: 'in_progress', assigneeId: 'st-kymp' })] });
    const a = new TestDesk(central.url);
    const b = new TestDesk(central.url);
    await a.login('kymp');
    await b.login('clerk');
    await a.push('saveAnswerDraft', { itemId: 'item-1', text: 'Korjaus on tilattu.', baseVersion: 0 });
    await b.push('saveAnswerDraft', { itemId: 'item-1', text: 'Kiitos ilmoituksesta.', baseVersion: 0 });

    expect(central.store.getItem('item-1')!.answer.draft).toMatchObject({ text: 'Korjaus on tilattu.', version: 1 });
    const page = await b.pull(0);
    expect(page.results).toEqual([
      expect.objectContaining({
        mutationId: 1,
        name: 'saveAnswerDraft',
        error: expect.objectContaining({ code: 'conflict', details: expect.objectContaining({ mine: 'Kiitos ilmoituksesta.', theirs: 'Korjaus on tilattu.' }) }),
      }),
    ]);
  });

  it('refuses a mutation on an item the user may not see', async () => {
    central = await startTestCentral({ items: [testItem(1, { departmentId: 'kasko' })] });
    const desk = new TestDesk(central.url);
    await desk.login('kymp');
    await desk.push('addComment', { itemId: 'item-1', text: 'hei' });
    expect(central.store.getItem('item-1')!.comments).toEqual([]);
    expect((await desk.pull(0)).results.map((r) => r.error.code)).toEqual(['forbidden']);
  });
});

describe('live events', () => {
  it('pokes a desk when an item it may see changes, not when others change', async () => {
    central = await startTestCentral({ items: [testItem(1, { departmentId: 'kymp' }), testItem(2, { departmentId: 'kasko' })] });
    const kymp = new TestDesk(central.url);
    await kymp.login('kymp');
    const ac = new AbortController();
    const res = await fetch(`${central.url}/staff/v1/events?token=${kymp.token}`, { signal: ac.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const readUntil = async (needle: string) => {
      while (!received.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        received += decoder.decode(value);
      }
    };
    await readUntil('event: ready');

    const admin = new TestDesk(central.url);
    await admin.login('admin');
    await admin.push('addComment', { itemId: 'item-2', text: 'kasko only' });
    // Longer than the poke coalescing delay, so a wrong poke for item-2 would arrive on its own.
    await new Promise((r) => setTimeout(r, 150));
    await admin.push('addComment', { itemId: 'item-1', text: 'kymp' });
    await readUntil('event: poke');
    const pokes = received.split('event: poke').length - 1;
    expect(pokes).toBe(1);
    ac.abort();
    expect((await fetch(`${central.url}/staff/v1/events`)).status).toBe(401);
  });
});
