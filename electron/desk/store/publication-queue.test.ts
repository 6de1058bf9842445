import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Actor } from '../../../shared/workflow/permissions.js';
import { makeItem, pullPage } from '../testing/make-items.js';
import { CacheStore } from './cache-store.js';
import { fileKeyProvider } from './key-provider.js';

const moderator: Actor = { id: 'staff-9', role: 'moderator', departmentId: null, displayName: 'Mona' };
const ctx = { staffId: 'staff-9', departmentId: null, now: new Date('2026-11-27T12:00:00Z') };
let dir: string;
let store: CacheStore;

const page = (items: FeedbackItem[]) => pullPage({ items });
const answered = (i: number, over: Partial<FeedbackItem> = {}) =>
  makeItem(i, undefined, { status: 'answered', channel: 'web_form', publicationPermission: true, restricted: null, inappropriate: null, ...over });
const items = [
  answered(1),
  answered(2, { status: 'closed' }),
  answered(3, { publicationPermission: false }),
  answered(4, { channel: 'email' }),
  answered(5, { status: 'in_triage' }),
];
const queue = () => store.listInbox({ view: 'publication_queue' }, { by: 'receivedAt', dir: 'asc' }, { offset: 0, limit: 100 }, ctx);
const queueIds = () => queue().items.map((r) => r.id);
const decide = (itemId: string, decision: 'publish' | 'withhold', reasons: string[] = []) =>
  store.appendMutation({ name: 'decidePublication', args: { itemId, decision, reasons }, itemId, actor: moderator, clientTime: '2026-11-27T12:00:00.000Z' });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-pubqueue-'));
  store = await CacheStore.open(dir, fileKeyProvider(dir));
  store.applyPullPage(page(items), 'now');
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('publication queue view', () => {
  it('lists answered and closed items with permission that wait for a decision, with its count', () => {
    expect(queueIds().sort()).toEqual([items[0].id, items[1].id].sort());
    expect(queue().total).toBe(2);
  });

  it('an item leaves the queue when a moderator publishes it, another when it is withheld', () => {
    decide(items[0].id, 'publish');
    expect(store.getItem(items[0].id)?.publication.state).toBe('published');
    expect(queueIds()).toEqual([items[1].id]);
    decide(items[1].id, 'withhold', ['duplicate']);
    expect(queueIds()).toEqual([]);
    expect(queue().total).toBe(0);
  });

  it('survives reopening: the column is on disk, and an old cache is back-filled by the migration', async () => {
    decide(items[0].id, 'publish');
    store.close();
    store = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(queueIds()).toEqual([items[1].id]);

    // A cache from before migration 7: no column, no record of the step.
    store.db.exec("ALTER TABLE items DROP COLUMN publication_pending; DELETE FROM schema_migrations WHERE version = 7");
    store.close();
    store = await CacheStore.open(dir, fileKeyProvider(dir));
    expect(queueIds()).toEqual([items[1].id]);
  });
});
