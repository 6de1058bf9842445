import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskApi, DeskEvent, Session, SyncStatus } from '../../shared/api/desk-api.js';
import { attachDeskEvents, keys } from './queries.js';

function fakeDesk() {
  const listeners = new Set<(e: DeskEvent) => void>();
  const desk = { onEvent: (l: (e: DeskEvent) => void) => (listeners.add(l), () => listeners.delete(l)) } as unknown as DeskApi;
  return { desk, emit: (e: DeskEvent) => listeners.forEach((l) => l(e)), listeners };
}

const status: SyncStatus = {
  phase: 'idle',
  online: false,
  lastSyncAt: '2026-11-27T20:00:00.000Z',
  progress: null,
  pendingCount: 4,
  oldestPendingAt: null,
  rejectedCount: 0,
  lastError: null,
  centralUrl: 'http://127.0.0.1:8311',
};
const session: Session = { staff: { id: 's1', username: 'neuvonta', displayName: 'N', role: 'clerk', departmentId: null }, centralUrl: status.centralUrl };

afterEach(() => vi.useRealTimers());

describe('desk events into the query cache', () => {
  it('puts sync status from events straight into the cache', () => {
    const { desk, emit } = fakeDesk();
    const client = new QueryClient();
    attachDeskEvents(desk, client);
    emit({ type: 'sync', status });
    expect(client.getQueryData(keys.syncStatus)).toEqual(status);
  });

  it('coalesces a burst of item changes into one refetch of the inbox and the changed items', async () => {
    vi.useFakeTimers();
    const { desk, emit } = fakeDesk();
    const client = new QueryClient();
    client.setQueryData(keys.page('all', '{}', 'receivedAt_desc', 0), { items: [], total: 1 });
    client.setQueryData(keys.count('overdue'), 3);
    client.setQueryData(keys.item('a'), null);
    client.setQueryData(keys.item('untouched'), null);
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    attachDeskEvents(desk, client);
    for (let i = 0; i < 50; i++) emit({ type: 'items-changed', ids: i === 10 ? ['a'] : [`x${i}`] });
    expect(invalidate).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    const inboxCalls = invalidate.mock.calls.filter(([f]) => JSON.stringify(f?.queryKey) === JSON.stringify(keys.inbox));
    expect(inboxCalls).toHaveLength(1);
    expect(client.getQueryState(keys.count('overdue'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.item('a'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(keys.item('untouched'))?.isInvalidated).toBe(false);
  });

  it('forgets cached feedback when the session ends elsewhere', () => {
    const { desk, emit } = fakeDesk();
    const client = new QueryClient();
    client.setQueryData(keys.session, session);
    client.setQueryData(keys.page('all', '{}', 'receivedAt_desc', 0), { items: [], total: 1 });
    client.setQueryData(keys.item('a'), null);
    attachDeskEvents(desk, client);
    emit({ type: 'session', session: null });
    expect(client.getQueryData(keys.session)).toBeNull();
    expect(client.getQueryData(keys.page('all', '{}', 'receivedAt_desc', 0))).toBeUndefined();
    expect(client.getQueryState(keys.item('a'))).toBeUndefined();
  });

  it('stops listening when detached', () => {
    const { desk, listeners } = fakeDesk();
    const detach = attachDeskEvents(desk, new QueryClient());
    expect(listeners.size).toBe(1);
    detach();
    expect(listeners.size).toBe(0);
  });
});
