import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { DeskApi, DeskEvent, DeskNotification, InboxView, PresenceState, Session, SyncStatus } from '../../shared/api/desk-api.js';
import type { FeedbackItem } from '../../shared/domain/feedback-item.js';
import { useDesk } from '../app/desk-context.js';
import { SORTS, type ListFilter, type SortKey } from './ui-store.js';

/** Rows fetched per listInbox call; the virtual list asks only for the pages it shows. */
export const PAGE_SIZE = 100;

export const keys = {
  session: ['session'] as const,
  syncStatus: ['syncStatus'] as const,
  reference: ['reference'] as const,
  inbox: ['inbox'] as const,
  count: (view: InboxView) => ['inbox', 'count', view] as const,
  page: (view: InboxView, filter: string, sort: SortKey, page: number) => ['inbox', 'page', view, filter, sort, page] as const,
  filteredCount: (view: InboxView, filter: string) => ['inbox', 'count', view, filter] as const,
  // Under 'inbox' so every change event refreshes them with the list.
  search: (query: string) => ['inbox', 'search', query] as const,
  rejected: ['inbox', 'rejected'] as const,
  dashboard: ['dashboard'] as const,
  suggestions: (id: string) => ['item', id, 'suggestions'] as const,
  // Not under 'item': a photo never changes, so item change events need not refetch it.
  photo: (itemId: string, name: string) => ['photo', itemId, name] as const,
  items: ['item'] as const,
  item: (id: string) => ['item', id] as const,
  // Under 'item' so an item's change events refresh where it went.
  departed: (id: string) => ['item', id, 'departed'] as const,
  notifications: ['notifications'] as const,
  presence: (itemId: string) => ['presence', itemId] as const,
};

export function useSession() {
  const desk = useDesk();
  return useQuery({ queryKey: keys.session, queryFn: () => desk.whoAmI({}), staleTime: Infinity });
}

export function useSyncStatus() {
  const desk = useDesk();
  return useQuery({ queryKey: keys.syncStatus, queryFn: () => desk.syncStatus({}), refetchInterval: 15_000, retry: false });
}

export function useReference(enabled: boolean) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.reference, queryFn: () => desk.getReference({}), enabled, staleTime: 60_000 });
}

export function useViewCount(view: InboxView) {
  const desk = useDesk();
  return useQuery({
    queryKey: keys.count(view),
    queryFn: async () => (await desk.listInbox({ filter: { view }, page: { offset: 0, limit: 1 } })).total,
    placeholderData: keepPreviousData,
  });
}

/** A stable cache key for a filter (empty filters dropped). */
export function filterKey(filter: ListFilter): string {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(clean);
}

/** How many items the view has with the list's filters applied. */
export function useFilteredCount(view: InboxView, filter: ListFilter) {
  const desk = useDesk();
  const key = filterKey(filter);
  return useQuery({
    queryKey: keys.filteredCount(view, key),
    queryFn: async () => (await desk.listInbox({ filter: { ...JSON.parse(key), view }, page: { offset: 0, limit: 1 } })).total,
    placeholderData: keepPreviousData,
  });
}

/** Inbox pages firstPage..lastPage (PAGE_SIZE rows each), fetched in parallel and cached per page. */
export function useInboxPages(view: InboxView, filter: ListFilter, sort: SortKey, firstPage: number, lastPage: number) {
  const desk = useDesk();
  const fkey = filterKey(filter);
  const pages: number[] = [];
  for (let p = firstPage; p <= Math.max(firstPage, lastPage); p++) pages.push(p);
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: keys.page(view, fkey, sort, page),
      queryFn: () => desk.listInbox({ filter: { ...JSON.parse(fkey), view }, sort: SORTS[sort], page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE } }),
      placeholderData: keepPreviousData,
      staleTime: 10_000,
    })),
    combine: (results) => ({
      pages: new Map(pages.map((page, i) => [page, results[i].data] as const)),
      total: results.find((r) => r.data)?.data?.total,
      error: results.find((r) => r.error)?.error ?? null,
      isPending: results.some((r) => r.isPending),
    }),
  });
}

export function useItem(id: string | null) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.item(id ?? ''), queryFn: () => desk.getItem({ id: id! }), enabled: id !== null });
}

/** A photo of an item (from the desk's cache, fetched once); failures are shown with a retry, not retried by themselves. */
export function usePhoto(itemId: string, name: string) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.photo(itemId, name), queryFn: () => desk.itemPhoto({ itemId, name }), staleTime: Infinity, gcTime: 5 * 60_000, retry: false });
}

export function useSearch(query: string, enabled: boolean) {
  const desk = useDesk();
  return useQuery({
    queryKey: keys.search(query),
    queryFn: () => desk.search({ query, page: { offset: 0, limit: 100 } }),
    enabled: enabled && query.trim() !== '',
    placeholderData: keepPreviousData,
  });
}

export function useDashboard() {
  const desk = useDesk();
  return useQuery({ queryKey: keys.dashboard, queryFn: () => desk.dashboard({}), refetchInterval: 60_000, staleTime: 30_000 });
}

export function useSuggestions(id: string | null) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.suggestions(id ?? ''), queryFn: () => desk.suggestions({ id: id! }), enabled: id !== null, retry: false });
}

/** The person's notifications, newest first, with the unread count (the top bar's bell). */
export function useNotifications() {
  const desk = useDesk();
  return useQuery({ queryKey: keys.notifications, queryFn: () => desk.listNotifications({}), refetchInterval: 60_000 });
}

export function useMarkNotificationsRead() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { itemId?: string; all?: boolean }) => desk.markNotificationsRead(args),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.notifications });
      void client.invalidateQueries({ queryKey: keys.inbox });
    },
  });
}

/** Where an item went that this person handed on (shown instead of "not found"). */
export function useDeparted(id: string | null, enabled: boolean) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.departed(id ?? ''), queryFn: () => desk.departedItem({ id: id! }), enabled: enabled && id !== null });
}

/**
 * Who else is on the item; kept current by the desk's presence events. Opening the item (and
 * editing its answer) is announced with setPresence by usePresenceAnnouncement.
 */
export function usePresence(itemId: string | null) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.presence(itemId ?? ''), queryFn: () => desk.getPresence({ itemId: itemId! }), enabled: itemId !== null, staleTime: 30_000 });
}

/** Listeners for newly arrived notifications (the desktop notifications of browser mode and Electron). */
export const notificationListeners = new Set<(added: DeskNotification[]) => void>();

/** Rejected changes, for the badge on items and the sync panel. */
export function useRejected(enabled = true) {
  const desk = useDesk();
  return useQuery({ queryKey: keys.rejected, queryFn: () => desk.listRejected({}), enabled, refetchInterval: 15_000 });
}

export function useResolveRejected() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { mutationId: number; action: 'retry' | 'discard' }) => desk.resolveRejected(args),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: keys.inbox });
      void client.invalidateQueries({ queryKey: keys.syncStatus });
    },
  });
}

/** After a staff action: the changed item at once, and what lists and counts it may change. */
function afterMutation(client: QueryClient, done: readonly FeedbackItem[]): void {
  for (const item of done) client.setQueryData(keys.item(item.id), item);
  void client.invalidateQueries({ queryKey: keys.inbox });
  void client.invalidateQueries({ queryKey: keys.syncStatus });
  void client.invalidateQueries({ queryKey: keys.dashboard });
}

/**
 * Run staff actions through the desk core (optimistic there: the item changes at once and the
 * change is queued for the central server). Several items = one mutation per item, in order.
 */
export function useMutate() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (calls: Array<{ name: string; args: Record<string, unknown> }>) => {
      const done: FeedbackItem[] = [];
      const failed: Array<{ itemId: unknown; error: unknown }> = [];
      for (const call of calls) {
        try {
          done.push((await desk.mutate(call)).item);
        } catch (error) {
          failed.push({ itemId: call.args.itemId, error });
        }
      }
      return { done, failed };
    },
    onSuccess: ({ done }) => afterMutation(client, done),
    onError: () => afterMutation(client, []),
  });
}

/** One staff action as a promise (for callers that order their own calls, like the draft's saves). */
export function useMutateOne() {
  const desk = useDesk();
  const client = useQueryClient();
  return useCallback(
    async (name: string, args: Record<string, unknown>): Promise<FeedbackItem> => {
      try {
        const { item } = await desk.mutate({ name, args });
        afterMutation(client, [item]);
        return item;
      } catch (err) {
        afterMutation(client, []);
        throw err;
      }
    },
    [desk, client],
  );
}

export function useSignIn() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: { username: string; password: string; discardOtherUsersChanges?: boolean }) => desk.signIn(args),
    onSuccess: (session) => {
      // Reset, not remove: the desk's own session event may have shown the workspace already, and
      // a removed query leaves its mounted observers (the view counts) waiting forever.
      void client.resetQueries({ queryKey: keys.inbox });
      void client.resetQueries({ queryKey: keys.items });
      void client.resetQueries({ queryKey: keys.notifications });
      client.setQueryData<Session | null>(keys.session, session);
      void client.invalidateQueries({ queryKey: keys.syncStatus });
      void client.invalidateQueries({ queryKey: keys.reference });
    },
  });
}

export function useSignOut() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) => desk.signOut({ force }),
    onSuccess: () => signedOut(client),
  });
}

export function useSyncNow() {
  const desk = useDesk();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => desk.syncNow({}),
    onSuccess: (status) => client.setQueryData<SyncStatus>(keys.syncStatus, status),
  });
}

function signedOut(client: QueryClient) {
  client.setQueryData<Session | null>(keys.session, null);
  client.removeQueries({ queryKey: keys.inbox });
  client.removeQueries({ queryKey: keys.items });
  client.removeQueries({ queryKey: keys.reference });
  void client.invalidateQueries({ queryKey: keys.syncStatus });
}

/** Coalesce bursts (an initial sync emits many change events) into one refetch per interval. */
const INVALIDATE_INTERVAL_MS = 400;

/**
 * Keeps the query cache in step with the desk core's events: sync status in place, changed items
 * and every inbox page/count refetched (only the ones on screen actually reload).
 */
export function attachDeskEvents(desk: DeskApi, client: QueryClient): () => void {
  const changedIds = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    void client.invalidateQueries({ queryKey: keys.inbox });
    // One pass over the (few) cached items, however many ids an initial sync reported.
    const changed = new Set(changedIds);
    changedIds.clear();
    void client.invalidateQueries({ queryKey: keys.items, predicate: (q) => changed.has(String(q.queryKey[1])) });
    void client.invalidateQueries({ queryKey: keys.reference });
  };
  const off = desk.onEvent((event: DeskEvent) => {
    switch (event.type) {
      case 'sync':
        client.setQueryData<SyncStatus>(keys.syncStatus, event.status);
        return;
      case 'session':
        if (event.session) client.setQueryData<Session | null>(keys.session, event.session);
        else signedOut(client);
        return;
      case 'reference-changed':
        void client.invalidateQueries({ queryKey: keys.reference });
        return;
      case 'presence':
        if (event.presence.itemId) client.setQueryData<PresenceState>(keys.presence(event.presence.itemId), event.presence);
        return;
      case 'notifications':
        void client.invalidateQueries({ queryKey: keys.notifications });
        for (const listener of notificationListeners) listener(event.added);
        return;
      case 'items-changed':
        // No ids: the event stream was interrupted and anything may have changed.
        if (event.ids.length === 0) {
          void client.invalidateQueries({ queryKey: keys.items });
          void client.invalidateQueries({ queryKey: keys.syncStatus });
          void client.invalidateQueries({ queryKey: keys.session });
          void client.invalidateQueries({ queryKey: keys.notifications });
        }
        for (const id of event.ids) changedIds.add(id);
        timer ??= setTimeout(flush, INVALIDATE_INTERVAL_MS);
        return;
    }
  });
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}

export function useDeskEvents() {
  const desk = useDesk();
  const client = useQueryClient();
  useEffect(() => attachDeskEvents(desk, client), [desk, client]);
}
