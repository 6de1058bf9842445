import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { MutationError } from '../../../shared/mutations/index.js';
import type { Actor } from '../../../shared/workflow/permissions.js';
import { makeItem, pullPage } from '../testing/make-items.js';
import { CacheStore } from './cache-store.js';
import { fileKeyProvider } from './key-provider.js';

const clerk: Actor = { id: 'staff-1', role: 'clerk', departmentId: null, displayName: 'Niina' };
const ctx = { staffId: 'staff-1', departmentId: null, now: new Date('2026-11-27T12:00:00Z') };
let dir: string;
let store: CacheStore;

const page = pullPage;
const item = (i: number, over: Partial<FeedbackItem> = {}) => makeItem(i, undefined, { status: 'received', ...over });
const mutate = (name: string, args: Record<string, unknown>, extra: object = {}) =>
  store.appendMutation({ name, args, itemId: String(args.itemId), actor: clerk, clientTime: '2026-11-27T12:00:00.000Z', ...extra });
const row = (id: string) => store.listInbox({ view: 'all' }, { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 500 }, ctx).items.find((r) => r.id === id);

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-outbox-'));
  store = await CacheStore.open(dir, fileKeyProvider(dir));
  store.applyPullPage(page({ cookie: 1, items: [item(1), item(2), item(3)] }), 'now');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('optimistic mutations', () => {
  it('applies at once, queues with increasing ids, marks the row pending', () => {
    const a = mutate('setKind', { itemId: item(1).id, kind: 'praise' });
    const b = mutate('addComment', { itemId: item(1).id, text: 'Soitan asiakkaalle.' });
    expect([a.mutationId, b.mutationId]).toEqual([1, 2]);
    expect(store.getItem(item(1).id)).toMatchObject({ kind: 'praise', comments: [{ text: 'Soitan asiakkaalle.' }] });
    expect(row(item(1).id)).toMatchObject({ kind: 'praise', pending: true });
    expect(row(item(2).id)?.pending).toBe(false);
    expect(store.pendingMutations().map((m) => [m.id, m.name])).toEqual([[1, 'setKind'], [2, 'addComment']]);
    expect(store.outboxStatus()).toEqual({ pendingCount: 2, oldestPendingAt: '2026-11-27T12:00:00.000Z', rejectedCount: 0 });
  });

  it('writes nothing when the mutation refuses', () => {
    const before = store.getItem(item(1).id);
    expect(() => mutate('setKind', { itemId: item(1).id, kind: 'nonsense' })).toThrow(MutationError);
    expect(() => mutate('setKind', { itemId: 'no-such-item', kind: 'praise' })).toThrow(/not found/);
    expect(() => store.appendMutation({ name: 'setKind', args: { itemId: item(1).id, kind: 'praise' }, itemId: item(1).id, actor: { ...clerk, role: 'moderator' }, clientTime: 'x' })).toThrow(/may not/);
    expect(store.getItem(item(1).id)).toEqual(before);
    expect(store.outboxStatus().pendingCount).toBe(0);
    expect(row(item(1).id)?.pending).toBe(false);
  });

  it('survives reopening: the queue and the optimistic view are on disk', async () => {
    mutate('addComment', { itemId: item(2).id, text: 'Kirjattu tiskillä.' });
    store.close();
    store = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(store.pendingMutations()).toHaveLength(1);
    expect(store.getItem(item(2).id)?.comments.at(-1)?.text).toBe('Kirjattu tiskillä.');
    expect(row(item(2).id)?.pending).toBe(true);
  });
});

describe('rebase on pull', () => {
  it('puts pending changes on top of a newer server copy, then drops them when confirmed', () => {
    const { mutationId } = mutate('addComment', { itemId: item(1).id, text: 'Oma kommentti' });
    // Someone else changed the item; our comment has not reached the server yet.
    const theirs = item(1, { version: 2, kind: 'question' });
    store.applyPullPage(page({ cookie: 2, items: [theirs], lastMutationId: 0 }), 'now');
    const view = store.getItem(item(1).id)!;
    expect(view.kind).toBe('question');
    expect(view.comments.map((c) => c.text)).toEqual(['Oma kommentti']);
    expect(row(item(1).id)).toMatchObject({ kind: 'question', pending: true });

    // The server applied it: its copy has the comment (with its own ids); ours is dropped.
    const confirmed = item(1, {
      version: 3,
      kind: 'question',
      comments: [{ id: 'server-c1', authorId: 'staff-1', authorName: 'Niina', at: '2026-11-27T12:00:05.000Z', text: 'Oma kommentti' }],
    });
    store.applyPullPage(page({ cookie: 3, items: [confirmed], lastMutationId: mutationId }), 'now');
    expect(store.getItem(item(1).id)).toEqual(confirmed);
    expect(row(item(1).id)?.pending).toBe(false);
    expect(store.outboxStatus().pendingCount).toBe(0);
  });

  it('keeps a refused mutation as a rejection with its reason and shows the server state', () => {
    const { mutationId } = mutate('saveAnswerDraft', { itemId: item(1).id, text: 'Minun vastaukseni', baseVersion: 0 });
    expect(store.getItem(item(1).id)?.answer.draft?.text).toBe('Minun vastaukseni');
    const theirs = item(1, { version: 2, answer: { draft: { text: 'Heidän vastauksensa', version: 1, updatedBy: 'staff-2', updatedAt: '2026-11-27T11:59:00.000Z' }, sent: null, approvedBy: null } });
    const clientId = store.clientId();
    store.applyPullPage(
      page({
        cookie: 2,
        items: [theirs],
        lastMutationId: mutationId,
        results: [{ clientId, mutationId, name: 'saveAnswerDraft', error: { code: 'conflict', message: 'changed by someone else', details: { mine: 'Minun vastaukseni', theirs: 'Heidän vastauksensa' } }, at: '2026-11-27T12:00:01.000Z' }],
      }),
      'now',
    );
    expect(store.getItem(item(1).id)?.answer.draft?.text).toBe('Heidän vastauksensa');
    expect(store.rejected()).toEqual([
      {
        mutationId,
        name: 'saveAnswerDraft',
        args: { itemId: item(1).id, text: 'Minun vastaukseni', baseVersion: 0 },
        itemId: item(1).id,
        code: 'conflict',
        message: 'changed by someone else',
        details: { mine: 'Minun vastaukseni', theirs: 'Heidän vastauksensa' },
        at: '2026-11-27T12:00:01.000Z',
      },
    ]);
    expect(store.outboxStatus()).toMatchObject({ pendingCount: 0, rejectedCount: 1 });
  });

  it('keeps what was typed when the refusal arrives on a later page than the lastMutationId covering it', () => {
    const { mutationId } = mutate('addComment', { itemId: item(1).id, text: 'Pitkä kommentti, jota ei saa hukata' });
    store.applyPullPage(page({ cookie: 2, hasMore: true, lastMutationId: mutationId, items: [item(2, { version: 2 })] }), 'now');
    const clientId = store.clientId();
    store.applyPullPage(
      page({
        cookie: 3,
        hasMore: false,
        lastMutationId: mutationId,
        results: [{ clientId, mutationId, name: 'addComment', error: { code: 'forbidden', message: 'no', details: {} }, at: 'now' }],
      }),
      'now',
    );
    expect(store.rejected()).toMatchObject([{ mutationId, itemId: item(1).id, args: { text: 'Pitkä kommentti, jota ei saa hukata' } }]);
    expect(store.outboxStatus().pendingCount).toBe(0);
    // The refused comment is gone from the view: it shows the server's copy again.
    expect(store.getItem(item(1).id)?.comments).toEqual([]);
    expect(row(item(1).id)?.pending).toBe(false);
  });

  it('reports pending changes on an item the user lost, and keeps them queued', () => {
    const { mutationId } = mutate('addComment', { itemId: item(3).id, text: 'Tärkeä huomio' });
    store.applyPullPage(page({ cookie: 2, revoked: [item(3).id] }), '2026-11-27T12:01:00.000Z');
    expect(store.getItem(item(3).id)).toBeNull();
    expect(store.rejected()).toMatchObject([{ mutationId, code: 'item_revoked', args: { text: 'Tärkeä huomio' } }]);
    expect(store.pendingMutations().map((m) => m.id)).toEqual([mutationId]);
  });

  it('moves pending ids down when the server count restarted (no gap), and continues after it', () => {
    for (let i = 0; i < 5; i++) mutate('addComment', { itemId: item(1).id, text: `c${i}` });
    // Confirm all five, then queue two more: ids 6 and 7.
    store.applyPullPage(page({ cookie: 2, lastMutationId: 5 }), 'now');
    mutate('addComment', { itemId: item(2).id, text: 'x' });
    mutate('addComment', { itemId: item(2).id, text: 'y' });
    expect(store.pendingMutations().map((m) => m.id)).toEqual([6, 7]);
    // The server now counts this client from 0 (another user signed in there meanwhile).
    store.applyPullPage(page({ cookie: 3, lastMutationId: 0 }), 'now');
    expect(store.pendingMutations().map((m) => m.id)).toEqual([1, 2]);
    expect(mutate('addComment', { itemId: item(2).id, text: 'z' }).mutationId).toBe(3);
    expect(store.getItem(item(2).id)?.comments.map((c) => c.text)).toEqual(['x', 'y', 'z']);
  });

  it('with nothing pending, the next id follows the server count', () => {
    mutate('addComment', { itemId: item(1).id, text: 'a' });
    store.applyPullPage(page({ cookie: 2, lastMutationId: 41 }), 'now');
    expect(mutate('addComment', { itemId: item(1).id, text: 'b' }).mutationId).toBe(42);
  });

  it('a walk-in created here is pending until confirmed; refused, it leaves the cache but not the rejected list', () => {
    const args = {
      itemId: 'walkin-1',
      serviceRequestId: 'w0000000000000000001',
      kind: 'suggestion',
      language: 'fi',
      description: 'Toivon penkkejä Kaivopuistoon.',
      publicationPermission: true,
      permissionAsked: true,
    };
    const { mutationId } = mutate('createWalkIn', args);
    expect(row('walkin-1')).toMatchObject({ channel: 'verbal', pending: true });
    // A pull that does not concern it leaves it alone.
    store.applyPullPage(page({ cookie: 2, items: [item(2, { version: 2 })] }), 'now');
    expect(store.getItem('walkin-1')?.original.description).toBe('Toivon penkkejä Kaivopuistoon.');

    store.applyPullPage(
      page({
        cookie: 3,
        lastMutationId: mutationId,
        results: [{ clientId: store.clientId(), mutationId, name: 'createWalkIn', error: { code: 'forbidden', message: 'no', details: {} }, at: 'now' }],
      }),
      'now',
    );
    expect(store.getItem('walkin-1')).toBeNull();
    expect(row('walkin-1')).toBeUndefined();
    expect(store.rejected()).toMatchObject([{ mutationId, code: 'forbidden', args: { description: 'Toivon penkkejä Kaivopuistoon.' } }]);

    // Retrying creates it again locally, with a new id, and the rejection is gone in the same step.
    const retry = store.appendMutation({ name: 'createWalkIn', args, itemId: 'walkin-1', actor: clerk, clientTime: '2026-11-27T12:05:00.000Z', replacesRejected: mutationId });
    expect(retry.mutationId).toBe(mutationId + 1);
    expect(store.rejected()).toEqual([]);
    expect(row('walkin-1')?.pending).toBe(true);
  });
});
