/**
 * Answering with colleagues over the real staff API (P11, P12, P25, P27): what an asked colleague
 * may see and do, the approval of an answer, sending it (P3, P7), transfers and presence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../shared/domain/index.js';
import type { PullResponse } from '../../shared/api/sync-protocol.js';
import { outboxRows } from '../mail/outbox.js';
import { startTestCentral, testItem, TestDesk, type TestCentral } from '../testing.js';

let central: TestCentral | undefined;
afterEach(async () => {
  await central?.dispose();
  central = undefined;
});

const inFuture = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString();
const kympItem = (n: number, overrides: Partial<FeedbackItem> = {}) =>
  testItem(n, { status: 'in_progress', departmentId: 'kymp', assigneeId: 'st-kymp', ...overrides });

async function signedIn(username: string): Promise<TestDesk> {
  const desk = new TestDesk(central!.url);
  const res = await desk.login(username);
  expect(res.status).toBe(200);
  return desk;
}

/** Push one mutation and return the refusal the next pull reports for it, or null when it applied. */
async function attempt(desk: TestDesk, name: string, args: Record<string, unknown>): Promise<PullResponse['results'][number]['error'] | null> {
  const start = await desk.pull(0);
  const id = await desk.push(name, args);
  const page = await desk.pull(start.cookie);
  return page.results.find((r) => r.mutationId === id)?.error ?? null;
}

const stored = (id: string) => central!.store.getItem(id)!;

describe('a colleague asked for a comment', () => {
  it('sees and comments on another department\'s item while asked, may not act on it, and loses it once answered', async () => {
    central = await startTestCentral({ items: [kympItem(1, { answer: { draft: { text: 'Luonnos', version: 1, updatedBy: 'st-kymp', updatedAt: '2026-11-21T10:00:00.000Z' }, sent: null, approvedBy: null } })] });
    const kymp = await signedIn('kymp');
    const kasko = await signedIn('kasko');
    expect((await kasko.pullAll()).items.map((i) => i.id)).not.toContain('item-1');

    expect(await attempt(kymp, 'requestComment', { itemId: 'item-1', to: [{ staffId: 'st-kasko' }], question: 'Onko koulun pihalla töitä?', dueAt: inFuture(48) })).toBeNull();
    const asked = await kasko.pullAll();
    expect(asked.items.map((i) => i.id)).toContain('item-1');

    // Not allowed: send, transfer, submit for approval, draft (guest access is read and comment).
    for (const [name, args] of [
      ['sendAnswer', { itemId: 'item-1', channel: 'phone', draftRevision: 'v1', note: 'soitettu' }],
      ['transfer', { itemId: 'item-1', toDepartmentId: 'kasko', note: 'meille' }],
      ['submitAnswerForApproval', { itemId: 'item-1', approverId: 'st-kymp-lead', draftRevision: 'v1' }],
      ['approveAnswer', { itemId: 'item-1', draftRevision: 'v1' }],
      ['saveAnswerDraft', { itemId: 'item-1', text: 'toinen', baseRevision: 'v1', revision: 'r-kasko-1' }],
    ] as const) {
      expect(await attempt(kasko, name, args), name).toMatchObject({ code: 'forbidden' });
    }
    expect(stored('item-1').answer.sent).toBeNull();
    expect(stored('item-1').departmentId).toBe('kymp');

    // Their comment answers the request; the item then leaves their desk.
    const before = await kasko.pull(0);
    expect(await attempt(kasko, 'addComment', { itemId: 'item-1', text: 'Pihalla ei ole töitä tällä viikolla.' })).toBeNull();
    const request = stored('item-1').commentRequests![0];
    expect(request).toMatchObject({ state: 'answered', closedBy: 'st-kasko', commentId: stored('item-1').comments[0].id });
    const after = await kasko.pull(before.cookie);
    expect(after.revoked).toContain('item-1');
    expect(after.items.map((i) => i.id)).not.toContain('item-1');
    expect(await attempt(kasko, 'addComment', { itemId: 'item-1', text: 'Vielä yksi asia' })).toMatchObject({ code: 'forbidden' });
  });

  it('keeps seeing the item after the request closes when it is also shared for information', async () => {
    central = await startTestCentral({ items: [kympItem(2)] });
    const kymp = await signedIn('kymp');
    const kasko = await signedIn('kasko');
    await kymp.push('requestComment', { itemId: 'item-2', to: [{ staffId: 'st-kasko' }], question: 'Kommentti?', dueAt: inFuture(24) });
    await kymp.push('shareForInformation', { itemId: 'item-2', staffIds: ['st-kasko'], note: 'tiedoksi' });
    const start = await kasko.pullAll();
    expect(start.items.map((i) => i.id)).toContain('item-2');
    await kasko.push('addComment', { itemId: 'item-2', text: 'Tässä lausuntoni.' });
    const next = await kasko.pullAll(start.cookie);
    expect(next.revoked).not.toContain('item-2');
    expect(next.items.find((i) => i.id === 'item-2')?.commentRequests?.[0].state).toBe('answered');
    // Until the share ends too.
    await kymp.push('endShare', { itemId: 'item-2', staffId: 'st-kasko' });
    expect((await kasko.pullAll(next.cookie)).revoked).toContain('item-2');
  });

  it('opens an item to a whole department, but a restricted one only to named colleagues', async () => {
    central = await startTestCentral({ items: [kympItem(3), kympItem(4, { restricted: { reason: 'terveystietoja', by: 'st-kymp', at: '2026-11-20T09:00:00.000Z' } })] });
    const kymp = await signedIn('kymp');
    const kasko = await signedIn('kasko');
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-3', to: [{ departmentId: 'kasko' }], question: 'Osaatteko sanoa?', dueAt: inFuture(24) })).toBeNull();
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-4', to: [{ departmentId: 'kasko' }], question: 'Osaatteko sanoa?', dueAt: inFuture(24) })).toMatchObject({
      code: 'invalid_state',
      details: { reason: 'restricted_department' },
    });
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-4', to: [{ staffId: 'st-kasko' }], question: 'Voitko katsoa tämän?', dueAt: inFuture(24) })).toBeNull();
    const seen = (await kasko.pullAll()).items.map((i) => i.id);
    expect(seen).toEqual(expect.arrayContaining(['item-3', 'item-4']));
    // A clerk and the moderator are not helped by a grant to someone else: the restricted item stays hidden from them.
    expect((await (await signedIn('clerk')).pullAll()).items.map((i) => i.id)).not.toContain('item-4');
  });

  it('refuses bad requests with a reason, and stores nothing', async () => {
    central = await startTestCentral({ items: [kympItem(5)] });
    const kymp = await signedIn('kymp');
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-5', to: [{ staffId: 'st-kasko' }], question: 'Milloin?', dueAt: '2020-01-01T00:00:00.000Z' })).toMatchObject({
      code: 'invalid_args',
      details: { reason: 'due_in_past' },
    });
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-5', to: [{ staffId: 'st-nobody' }], question: 'Milloin?', dueAt: inFuture(5) })).toMatchObject({
      details: { reason: 'unknown_colleague' },
    });
    expect(await attempt(kymp, 'requestComment', { itemId: 'item-5', to: [], question: 'Milloin?', dueAt: inFuture(5) })).toMatchObject({ code: 'invalid_args' });
    expect(await attempt(kymp, 'addComment', { itemId: 'item-5', text: '   ' })).toMatchObject({ code: 'invalid_args' });
    expect(stored('item-5').commentRequests ?? []).toEqual([]);
    expect(stored('item-5').comments).toEqual([]);
  });
});

describe('answering', () => {
  const draft = (text: string, revision = 'r-1') => ({ draft: { text, version: 1, updatedBy: 'st-kymp', updatedAt: '2026-11-21T10:00:00.000Z', revision }, sent: null, approvedBy: null });

  it('needs the named approver in a department that requires approval, and an edit needs approving again', async () => {
    central = await startTestCentral({ items: [kympItem(6, { answer: draft('Kiitos, korjaamme kuopan.') })] });
    const kymp = await signedIn('kymp');
    const lead = await signedIn('kymp-lead');
    expect(await attempt(kymp, 'sendAnswer', { itemId: 'item-6', channel: 'email', draftRevision: 'r-1' })).toMatchObject({ details: { reason: 'approval_required' } });
    expect(await attempt(kymp, 'submitAnswerForApproval', { itemId: 'item-6', approverId: 'st-kasko', draftRevision: 'r-1' })).toMatchObject({ details: { reason: 'approver_not_eligible' } });
    expect(await attempt(kymp, 'submitAnswerForApproval', { itemId: 'item-6', approverId: 'st-kymp', draftRevision: 'r-1' })).toMatchObject({ details: { reason: 'approve_yourself' } });
    expect(await attempt(kymp, 'submitAnswerForApproval', { itemId: 'item-6', approverId: 'st-kymp-lead', draftRevision: 'r-1' })).toBeNull();
    // Only the named approver approves.
    expect(await attempt(kymp, 'approveAnswer', { itemId: 'item-6', draftRevision: 'r-1' })).toMatchObject({ code: 'forbidden' });
    expect(await attempt(lead, 'approveAnswer', { itemId: 'item-6', draftRevision: 'r-1' })).toBeNull();
    // An edit after approval outdates it.
    expect(await attempt(kymp, 'saveAnswerDraft', { itemId: 'item-6', text: 'Kiitos, korjaamme kuopan huomenna.', baseRevision: 'r-1', revision: 'r-2' })).toBeNull();
    expect(await attempt(kymp, 'sendAnswer', { itemId: 'item-6', channel: 'email', draftRevision: 'r-2' })).toMatchObject({ details: { reason: 'approval_required' } });
    await kymp.push('submitAnswerForApproval', { itemId: 'item-6', approverId: 'st-kymp-lead', draftRevision: 'r-2' });
    expect(await attempt(lead, 'returnAnswer', { itemId: 'item-6', comment: 'Lisää aikataulu.' })).toBeNull();
    expect(stored('item-6').answer.approval).toMatchObject({ state: 'returned', comment: 'Lisää aikataulu.' });
  });

  it('mails the sent answer once, in the item\'s language with a status link and no comment, and refuses email for a sensitive item', async () => {
    central = await startTestCentral({
      items: [
        testItem(7, { status: 'in_progress', departmentId: 'kasko', assigneeId: 'st-kasko', language: 'sv', answer: draft('Tack för er respons.') }),
        testItem(8, { status: 'in_progress', departmentId: 'kasko', assigneeId: 'st-kasko', answer: draft('Vastaus'), restricted: { reason: 'terveystietoja', by: 'st-kasko', at: '2026-11-20T09:00:00.000Z' } }),
      ],
    });
    const kasko = await signedIn('kasko');
    await kasko.push('addComment', { itemId: 'item-7', text: 'SISÄINEN-KOMMENTTI älä lähetä' });
    expect(await attempt(kasko, 'sendAnswer', { itemId: 'item-7', channel: 'email', draftRevision: 'r-1' })).toBeNull();
    // A retried push of the same mutation applies nothing twice.
    expect((await kasko.pushRaw([{ id: kasko.nextMutationId - 1, name: 'sendAnswer', args: { itemId: 'item-7', channel: 'email', draftRevision: 'r-1' } }])).status).toBe(200);
    const mails = outboxRows(central.store.db, 'item-7').filter((m) => m.kind === 'answer');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to_address: 'matti7@example.com', language: 'sv', subject: expect.stringContaining('Svar på din respons') });
    expect(mails[0].body).toContain('Tack för er respons.');
    expect(mails[0].body).toMatch(/\/status\/[A-Za-z0-9_-]{32}/);
    expect(mails[0].body).not.toContain('SISÄINEN');
    expect(stored('item-7').status).toBe('answered');

    expect(await attempt(kasko, 'sendAnswer', { itemId: 'item-8', channel: 'email', draftRevision: 'r-1' })).toMatchObject({ details: { reason: 'restricted_sensitive' } });
    expect(await attempt(kasko, 'sendAnswer', { itemId: 'item-8', channel: 'phone', draftRevision: 'r-1' })).toMatchObject({ details: { reason: 'note_required' } });
    expect(await attempt(kasko, 'sendAnswer', { itemId: 'item-8', channel: 'phone', draftRevision: 'r-1', note: 'Soitettu 3.12. klo 10' })).toBeNull();
    expect(stored('item-8').answer.sent).toMatchObject({ channel: 'phone', note: 'Soitettu 3.12. klo 10' });
    expect(stored('item-8').status).toBe('answered');
    expect(outboxRows(central.store.db, 'item-8')).toEqual([]);
  });

  it('an interim answer is mailed, keeps the item open and its due date, and shows on the status page', async () => {
    central = await startTestCentral({ items: [testItem(9, { status: 'forwarded', departmentId: 'kasko' })] });
    const kasko = await signedIn('kasko');
    const due = stored('item-9').dueAt;
    expect(await attempt(kasko, 'sendInterimAnswer', { itemId: 'item-9', channel: 'email', text: 'Selvitämme asiaa, vastaamme ensi viikolla.' })).toBeNull();
    const item = stored('item-9');
    expect(item).toMatchObject({ status: 'in_progress', dueAt: due });
    const mail = outboxRows(central.store.db, 'item-9').find((m) => m.kind === 'interim_answer')!;
    expect(mail.body).toContain('Selvitämme asiaa');
    const link = /\/status\/([A-Za-z0-9_-]{32})/.exec(mail.body)![0];
    const page = await (await fetch(`${central.url}${link}`)).text();
    expect(page).toContain('Selvitämme asiaa');
    expect(page).toContain('Välitieto');
  });

  it('a stale draft save is a conflict carrying both texts, also when two desks offline both made a "version 2"', async () => {
    central = await startTestCentral({ items: [kympItem(10, { answer: draft('Alku', 'r-base') })] });
    const a = await signedIn('kymp');
    const b = await signedIn('kymp-lead');
    expect(await attempt(a, 'saveAnswerDraft', { itemId: 'item-10', text: 'Alku ja A:n lisäys', baseRevision: 'r-base', revision: 'r-a1' })).toBeNull();
    // B's desk saved twice offline on the base it had; its second save names its own first one.
    const start = await b.pull(0);
    const first = await b.push('saveAnswerDraft', { itemId: 'item-10', text: 'Alku ja B', baseRevision: 'r-base', revision: 'r-b1' });
    const second = await b.push('saveAnswerDraft', { itemId: 'item-10', text: 'Alku ja B:n pidempi', baseRevision: 'r-b1', revision: 'r-b2' });
    const page = await b.pull(start.cookie);
    expect(page.results.find((r) => r.mutationId === first)?.error).toMatchObject({ code: 'conflict', details: { mine: 'Alku ja B', theirs: 'Alku ja A:n lisäys' } });
    expect(page.results.find((r) => r.mutationId === second)?.error).toMatchObject({ code: 'conflict', details: { mine: 'Alku ja B:n pidempi' } });
    expect(stored('item-10').answer.draft?.text).toBe('Alku ja A:n lisäys');
  });
});

describe('transfer', () => {
  it('moves the item with its cover note, every hop in the history, and revokes it from a sender who can no longer see it', async () => {
    central = await startTestCentral({ items: [kympItem(11)] });
    const kymp = await signedIn('kymp');
    const kasko = await signedIn('kasko');
    const start = await kymp.pullAll();
    expect(await attempt(kymp, 'transfer', { itemId: 'item-11', toDepartmentId: 'kasko', note: '' })).toMatchObject({ code: 'invalid_args' });
    expect(await attempt(kymp, 'transfer', { itemId: 'item-11', toStaffId: 'st-kasko', note: 'Koskee koulun pihaa, teidän asianne.' })).toBeNull();
    const item = stored('item-11');
    expect(item).toMatchObject({ departmentId: 'kasko', assigneeId: 'st-kasko', status: 'forwarded', handoff: { note: 'Koskee koulun pihaa, teidän asianne.', by: 'st-kymp' } });
    expect(item.history.filter((e) => e.type === 'transferred').at(-1)?.details).toMatchObject({ fromDepartmentId: 'kymp', toDepartmentId: 'kasko', toStaffId: 'st-kasko' });
    expect((await kymp.pullAll(start.cookie)).revoked).toContain('item-11');
    expect((await kasko.pullAll()).items.find((i) => i.id === 'item-11')?.handoff?.note).toContain('koulun pihaa');
  });
});

describe('public side', () => {
  it('shows the workflow as Helsinki tasks and on the status page with department names only', async () => {
    central = await startTestCentral({ items: [kympItem(12, { publication: { state: 'published', title: 'Katuvalo', text: 'Katuvalo ei pala.', answer: null, publishedAt: '2026-11-22T10:00:00.000Z' } })] });
    const kymp = await signedIn('kymp');
    await kymp.push('requestComment', { itemId: 'item-12', to: [{ staffId: 'st-kasko' }], question: 'SALAINEN-KYSYMYS', dueAt: inFuture(24) });
    await kymp.push('shareForInformation', { itemId: 'item-12', staffIds: ['st-clerk'] });
    const res = await fetch(`${central.url}/open311/v1/requests/${stored('item-12').serviceRequestId}.json?extensions=true`);
    const body = JSON.stringify(await res.json());
    const [request] = JSON.parse(body) as { extended_attributes: { tasks: { owner_name: string; task_type: string; task_state: string }[] } }[];
    expect(request.extended_attributes.tasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ task_type: 'wait_for_comment', owner_name: 'Kasvatuksen ja koulutuksen toimiala', task_state: '' }),
        expect.objectContaining({ task_type: 'informed', owner_name: 'Helsinki-neuvonta' }),
      ]),
    );
    for (const secret of ['SALAINEN', 'Kaisa', 'Kalle', 'st-kasko']) expect(body).not.toContain(secret);
  });
});

describe('presence', () => {
  it('tells another desk within a moment who opened an item and who edits its draft, and no one who may not see it', async () => {
    central = await startTestCentral({ items: [kympItem(13)] });
    const kymp = await signedIn('kymp');
    const lead = await signedIn('kymp-lead');
    const kasko = await signedIn('kasko');
    const events: string[] = [];
    const controller = new AbortController();
    const res = await fetch(`${central.url}/staff/v1/events?token=${lead.token}`, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        events.push(value!);
      }
    })();
    const presence = (desk: TestDesk, itemId: string | null, editing = false) =>
      fetch(`${central!.url}/staff/v1/presence`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
        body: JSON.stringify({ clientId: desk.clientId, itemId, editing }),
      });
    const started = Date.now();
    expect((await presence(kymp, 'item-13', true)).status).toBe(200);
    await expect.poll(() => events.join(''), { timeout: 1000 }).toContain('"displayName":"Kalle Kymp","editing":true');
    expect(Date.now() - started).toBeLessThan(1000);
    const leadView = (await (await presence(lead, 'item-13')).json()) as { people: { staffId: string }[] };
    expect(leadView.people.map((p) => p.staffId)).toEqual(['st-kymp']);
    expect((await presence(kasko, 'item-13')).status).toBe(404);
    expect((await presence(kymp, null)).status).toBe(200);
    await expect.poll(() => events.join('').includes('"people":[]'), { timeout: 1000 }).toBe(true);
    controller.abort();
    await reading;
  });
});
