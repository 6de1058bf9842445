import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxFilter, type InboxSort } from '../../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { dueState } from '../../../shared/workflow/due-dates.js';
import { isOpen } from '../../../shared/workflow/status.js';
import { makeItem } from '../testing/make-items.js';
import { CacheStore } from './cache-store.js';
import { fileKeyProvider } from './key-provider.js';
import { hasContact } from './item-columns.js';

const now = new Date('2026-11-27T12:00:00.000Z');
const me = { staffId: 'staff-2', departmentId: 'dep-kymp', now };
let dir: string;
let store: CacheStore;
const items: FeedbackItem[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'desk-inbox-'));
  store = await CacheStore.open(dir, fileKeyProvider(dir));
  // Spread over 1,500 hours so due_soon and overdue both have members.
  for (let i = 0; i < 1500; i++) items.push(makeItem(i, now.getTime() + 10 * 86_400_000));
  store.applyPullPage({ cookie: 1, hasMore: false, total: null, lastMutationId: 0, items, revoked: [], results: [], reference: null }, now.toISOString());
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same rules written plainly over the item objects, to check the SQL against. */
function expected(filter: InboxFilter, sort: InboxSort): string[] {
  const keep = items.filter((it) => {
    const open = isOpen(it.status);
    switch (filter.view) {
      case 'new': if (it.status !== 'received') return false; break;
      case 'in_triage': if (it.status !== 'in_triage') return false; break;
      case 'mine': if (it.assigneeId !== me.staffId) return false; break;
      case 'my_department': if (it.departmentId !== me.departmentId) return false; break;
      case 'due_soon': if (dueState(it.dueAt, open, now) !== 'due_soon') return false; break;
      case 'overdue': if (dueState(it.dueAt, open, now) !== 'overdue') return false; break;
      case 'restricted': if (!it.restricted) return false; break;
      case 'redirected': if (it.status !== 'redirected_to_registry') return false; break;
      default: break;
    }
    if (filter.kind && !filter.kind.includes(it.kind)) return false;
    if (filter.channel && !filter.channel.includes(it.channel)) return false;
    if (filter.status && !filter.status.includes(it.status)) return false;
    if (filter.language && !filter.language.includes(it.language)) return false;
    if (filter.serviceCode && (it.serviceCode === null || !filter.serviceCode.includes(it.serviceCode))) return false;
    if (filter.departmentId && (it.departmentId === null || !filter.departmentId.includes(it.departmentId))) return false;
    if (filter.hasContact !== undefined && hasContact(it) !== filter.hasContact) return false;
    if (filter.publicationPermission !== undefined && it.publicationPermission !== filter.publicationPermission) return false;
    return true;
  });
  const key = (it: FeedbackItem) => (sort.by === 'dueAt' ? it.dueAt : it.receivedAt);
  // Ties broken by id, in the same direction, so paging is stable.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  keep.sort((a, b) => (Date.parse(key(a)) - Date.parse(key(b)) || cmp(a.id, b.id)) * (sort.dir === 'asc' ? 1 : -1));
  return keep.map((it) => it.id);
}

const cases: Array<[string, unknown]> = [
  ['all', {}],
  ['new', { view: 'new' }],
  ['in_triage', { view: 'in_triage' }],
  ['mine', { view: 'mine' }],
  ['my_department', { view: 'my_department' }],
  ['due_soon', { view: 'due_soon' }],
  ['overdue', { view: 'overdue' }],
  ['restricted', { view: 'restricted' }],
  ['redirected', { view: 'redirected' }],
  ['kind + language', { kind: ['praise', 'question'], language: ['sv'] }],
  ['channel + contact', { channel: ['email', 'verbal'], hasContact: true }],
  ['status + department', { status: ['forwarded'], departmentId: ['dep-kasko', 'dep-sote'] }],
  ['service + permission', { serviceCode: ['svc-1', 'svc-2', 'svc-3'], publicationPermission: false }],
  ['overdue in my department without contact', { view: 'overdue', departmentId: ['dep-kymp'], hasContact: false }],
  ['empty selection matches nothing', { kind: [] }],
];

describe('listInbox', () => {
  for (const [name, rawFilter] of cases) {
    for (const sort of [{ by: 'receivedAt', dir: 'desc' }, { by: 'dueAt', dir: 'asc' }] as InboxSort[]) {
      it(`${name}, ${sort.by} ${sort.dir}`, () => {
        const filter = InboxFilter.parse(rawFilter);
        const want = expected(filter, sort);
        const res = store.listInbox(filter, sort, { offset: 0, limit: 100 }, me);
        expect(res.total).toBe(want.length);
        expect(res.items.map((r) => r.id)).toEqual(want.slice(0, 100));
      });
    }
  }

  it('views are not all empty (the cases above test something)', () => {
    for (const view of ['new', 'mine', 'my_department', 'due_soon', 'overdue', 'restricted', 'redirected'] as const) {
      expect(expected(InboxFilter.parse({ view }), { by: 'receivedAt', dir: 'desc' }).length, view).toBeGreaterThan(0);
    }
  });

  it('pages through a view without gaps or repeats', () => {
    const filter = InboxFilter.parse({ view: 'my_department' });
    const sort: InboxSort = { by: 'dueAt', dir: 'desc' };
    const seen: string[] = [];
    for (let offset = 0; ; offset += 37) {
      const res = store.listInbox(filter, sort, { offset, limit: 37 }, me);
      if (res.items.length === 0) break;
      seen.push(...res.items.map((r) => r.id));
    }
    expect(seen).toEqual(expected(filter, sort));
  });

  it('returns the row projection the inbox shows', () => {
    const res = store.listInbox(InboxFilter.parse({}), { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 500 }, me);
    const withoutTitle = res.items.find((r) => items.find((i) => i.id === r.id)!.original.title === null)!;
    expect(withoutTitle.title).toMatch(/^Palautteen \d+ teksti/);
    const row = res.items[0];
    const item = items.find((i) => i.id === row.id)!;
    expect(row).toMatchObject({ serviceRequestId: item.serviceRequestId, kind: item.kind, status: item.status, receivedAt: item.receivedAt, restricted: item.restricted !== null, pending: false });
  });

  it('"mine" is empty for nobody signed in', () => {
    const res = store.listInbox(InboxFilter.parse({ view: 'mine' }), { by: 'receivedAt', dir: 'desc' }, { offset: 0, limit: 10 }, { staffId: null, departmentId: null, now });
    expect(res.total).toBe(0);
  });
});
