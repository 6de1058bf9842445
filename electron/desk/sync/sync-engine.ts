import type { DeskEvent, SyncPhase, SyncStatus } from '../../../shared/api/desk-api.js';
import { ItemPresence, SCHEMA_VERSION } from '../../../shared/api/sync-protocol.js';
import type { Actor } from '../../../shared/workflow/permissions.js';
import type { PreparedPullPage } from './pull-page.js';
import type { CacheStore, Log } from '../store/cache-store.js';
import { backoffDelay } from './backoff.js';
import { CentralError, type CentralClient } from './central-client.js';

/** A pull page requested and not yet applied. */
interface Inflight {
  cookie: number;
  page: Promise<PreparedPullPage>;
  /** Resolves once the body is read and handed to the pull worker (or the request failed). */
  received: Promise<void>;
  /** The page after this one, when requested early from this one's validated head. */
  next: Inflight | null;
}

/** Items per transaction while filling an empty cache. */
const INITIAL_BATCH_ITEMS = 5000;
/**
 * Page size of the initial pull (the protocol allows up to 5,000). One page is one transaction:
 * while it is written, the pull worker parses and validates the next one, so the two overlap.
 * With 500-item pages the worker sat idle during each write and the writer waited for each parse.
 */
const INITIAL_PAGE_ITEMS = 5000;

export interface SyncEngineOptions {
  store: CacheStore;
  client: CentralClient;
  clientId: string;
  centralUrl: string;
  /** The current bearer token; null stops the loop's requests. */
  token: () => string | null;
  /** Central said the token is no longer valid. */
  onUnauthorized: () => void;
  emit: (event: DeskEvent) => void;
  /** Whose desk this is: what a pull brings is turned into their notifications. */
  actor?: () => Actor | null;
  /** A `presence` live event: who else is on an item now. */
  onPresence?: (presence: ItemPresence & { itemId: string }) => void;
  /** The live-event stream (re)connected: the desk re-sends what the central keeps only in memory. */
  onConnected?: () => void;
  now: () => Date;
  log: Log;
  pageSize?: number;
  /** Page size of the initial pull; INITIAL_PAGE_ITEMS unless pageSize is given (tests of paging). */
  initialPageSize?: number;
  /** Fallback when live events are down or a poke was lost. */
  pullIntervalMs?: number;
  retry?: { baseMs?: number; maxMs?: number };
  /** Mutations per push request (the protocol allows up to 1,000). */
  pushBatch?: number;
}

/**
 * The sync loop: one cycle at a time (push what is pending, then pull every page), woken by a
 * request (syncNow, sign-in), a live poke, the periodic timer or a retry timer. Failures retry
 * with exponential backoff and jitter; online/offline is read from request outcomes.
 */
export class SyncEngine {
  private phase: SyncPhase = 'idle';
  private online = false;
  private progress: SyncStatus['progress'] = null;
  private lastError: string | null = null;
  private lastEmitted = '';
  private failures = 0;
  private wanted = false;
  private wake: (() => void) | null = null;
  private waiters: Array<() => void> = [];
  private stopped = false;
  private readonly abort = new AbortController();
  private retryTimer: NodeJS.Timeout | null = null;
  private periodic: NodeJS.Timeout | null = null;
  private loopDone: Promise<void> | null = null;
  private liveDone: Promise<void> | null = null;
  private readonly pageSize: number;
  private readonly initialPageSize: number;

  constructor(private readonly o: SyncEngineOptions) {
    this.pageSize = o.pageSize ?? 500;
    this.initialPageSize = o.initialPageSize ?? o.pageSize ?? INITIAL_PAGE_ITEMS;
  }

  start(): void {
    if (this.loopDone) return;
    this.phase = this.o.store.cookie() === 0 ? 'initial' : 'incremental';
    this.loopDone = this.loop();
    this.liveDone = this.live();
    this.periodic = setInterval(() => {
      if (!this.retryTimer) this.request();
    }, this.o.pullIntervalMs ?? 30_000);
    this.periodic.unref();
    this.request();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.periodic) clearInterval(this.periodic);
    this.wake?.();
    await Promise.allSettled([this.loopDone, this.liveDone]);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Ask for a cycle soon (coalesced with one already asked for). */
  request(): void {
    this.wanted = true;
    this.wake?.();
  }

  /** Ask for a cycle and wait until one that started after this call has ended (ok or not). */
  async syncNow(): Promise<SyncStatus> {
    if (this.stopped) return this.status();
    const done = new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.request();
    await done;
    return this.status();
  }

  status(): SyncStatus {
    const outbox = this.o.store.outboxStatus();
    return {
      phase: this.phase,
      online: this.online,
      lastSyncAt: this.o.store.lastSyncAt(),
      progress: this.progress,
      ...outbox,
      lastError: this.lastError,
      centralUrl: this.o.centralUrl,
    };
  }

  /** Emit a sync event when anything visible in the status changed. */
  emitStatus(): void {
    const status = this.status();
    const key = JSON.stringify(status);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.o.emit({ type: 'sync', status });
  }

  private set(patch: Partial<{ phase: SyncPhase; online: boolean; progress: SyncStatus['progress']; lastError: string | null }>): void {
    Object.assign(this, patch);
    this.emitStatus();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      if (!this.wanted) await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
      if (this.stopped) break;
      this.wanted = false;
      const waiters = this.waiters.splice(0);
      try {
        await this.cycle();
        this.failures = 0;
      } catch (err) {
        this.onFailure(err);
      }
      for (const w of waiters) w();
    }
  }

  private onFailure(err: unknown): void {
    if (this.stopped) return;
    const e = err instanceof CentralError ? err : null;
    if (e?.kind === 'unauthorized') {
      this.o.log('sync: session no longer valid', { error: e.message });
      this.set({ phase: 'signed_out', online: true, progress: null, lastError: 'session_expired' });
      this.o.onUnauthorized();
      return;
    }
    this.failures++;
    if (e?.kind === 'unreachable') this.set({ phase: 'offline', online: false, progress: null, lastError: 'central_unreachable' });
    else {
      // Reachable but failing (5xx, a malformed response, a bug here): the cache is unchanged
      // because every page is applied in one transaction.
      this.o.log('sync: cycle failed', { error: (err as Error).message });
      this.set({ phase: 'error', online: e !== null, progress: null, lastError: e ? `${e.kind}: ${e.message}` : `internal: ${(err as Error).message}` });
    }
    const delay = backoffDelay(this.failures, this.o.retry);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.request();
    }, delay);
    this.retryTimer.unref();
  }

  private async cycle(): Promise<void> {
    const token = this.o.token();
    if (!token) return;
    try {
      await this.push(token);
    } catch (err) {
      // The server counts this client's mutations differently (a new user on this installation,
      // unsent changes dropped at a forced sign-out): a pull re-aligns the ids, then push again.
      if (!(err instanceof CentralError && err.code === 'mutation_gap')) throw err;
      this.o.log('sync: mutation ids out of step with the server; pulling to re-align', { error: err.message });
      await this.pullAll(token);
      await this.push(token);
    }
    await this.pullAll(token);
  }

  /**
   * Send pending mutations in id order, in batches. They stay in the outbox until a pull confirms
   * them (lastMutationId), so a push cut off half way is simply sent again: the server skips ids
   * it has already processed.
   */
  private async push(token: string): Promise<void> {
    let after = 0;
    for (;;) {
      const batch = this.o.store.pendingMutations(after, this.o.pushBatch ?? 500);
      if (batch.length === 0) return;
      const res = await this.o.client.push(
        token,
        {
          clientId: this.o.clientId,
          schemaVersion: SCHEMA_VERSION,
          mutations: batch.map((m) => ({ id: m.id, name: m.name, args: m.args, clientTime: m.clientTime })),
        },
        this.abort.signal,
      );
      after = batch.at(-1)!.id;
      this.set({ online: true });
      if (res.lastMutationId < after) {
        throw new CentralError('invalid_response', `push: server processed up to ${res.lastMutationId}, expected ${after}`);
      }
    }
  }

  /**
   * Pull every page from the stored cookie. The next page is requested before the current one is
   * written, so the server prepares it while this process writes (they overlap when the central
   * is another process).
   */
  private async pullAll(token: string): Promise<void> {
    const store = this.o.store;
    let cookie = store.cookie();
    const initial = cookie === 0;
    const filling = initial && store.itemCount() === 0;
    this.set({ phase: initial ? 'initial' : 'incremental', lastError: this.phase === 'offline' ? this.lastError : null });
    const limit = initial ? this.initialPageSize : this.pageSize;
    // Pages requested and not yet taken by the loop below. During the initial pull the next page
    // is requested as soon as the worker has validated the current one's head (its cookie), so
    // the worker always has a page to parse while this thread writes; at most two ahead.
    let ahead = 0;
    const fetchPage = (c: number): Inflight => {
      let received = () => {};
      const inflight: Inflight = { cookie: c, received: new Promise<void>((resolve) => (received = resolve)), page: null!, next: null };
      const onHead = initial
        ? (head: { cookie: number; hasMore: boolean }) => {
            if (head.hasMore && head.cookie > c && !inflight.next && ahead < 2 && !this.stopped) inflight.next = fetchPage(head.cookie);
          }
        : undefined;
      ahead++;
      inflight.page = this.o.client.pull(token, { cookie: c, limit, clientId: this.o.clientId }, this.abort.signal, received, onHead);
      // If an earlier page fails to apply, a prefetch must not surface as an unhandled rejection.
      inflight.page.catch(() => {});
      return inflight;
    };
    let next: Inflight | null = fetchPage(cookie);
    let total: number | null = null;
    let done = 0;
    let batch: PreparedPullPage[] = [];
    let batchItems = 0;
    const flush = () => {
      if (batch.length === 0) return;
      const effect = store.applyPullPages(batch, this.o.now().toISOString(), { filling, actor: this.o.actor?.() ?? null });
      batch = [];
      batchItems = 0;
      const ids = [...effect.changedIds, ...effect.revokedIds];
      if (ids.length > 0) this.o.emit({ type: 'items-changed', ids });
      if (effect.referenceChanged) this.o.emit({ type: 'reference-changed' });
      if (effect.notifications.length > 0) {
        this.o.emit({ type: 'notifications', added: store.notifications.entries(effect.notifications), unread: store.notifications.unreadCount() });
      }
    };
    while (next) {
      const current: Inflight = next;
      const page: PreparedPullPage = await current.page;
      ahead--;
      next = null;
      if (total === null) total = page.total;
      if (page.hasMore) {
        if (page.cookie <= cookie && page.items.length === 0) {
          throw new CentralError('invalid_response', `pull: hasMore without progress at cookie ${cookie}`);
        }
        next = current.next?.cookie === page.cookie ? current.next : fetchPage(page.cookie);
      }
      cookie = page.cookie;
      done += page.items.length;
      batch.push(page);
      batchItems += page.items.length;
      // The initial fill commits several whole pages at once (one disk sync per ~5,000 items);
      // later pulls commit every page so changes show at once. Either way a page is all or nothing.
      if (!initial || batchItems >= INITIAL_BATCH_ITEMS || !page.hasMore) {
        // Writing blocks this thread: first let the next body reach the pull worker, so it is
        // parsed while this batch is written (only the initial pull: there throughput counts).
        if (initial && next) await next.received;
        flush();
      }
      const showProgress = initial || (total !== null && total > this.pageSize);
      this.set({
        online: true,
        progress: showProgress && page.hasMore ? { done: Math.min(done, total ?? done), total: Math.max(total ?? done, done) } : null,
      });
    }
    flush();
    // The fill is complete: queue its items for search indexing (paused per row while filling).
    if (filling) store.finishBulkFill();
    this.set({ phase: 'idle', online: true, progress: null, lastError: null });
  }

  /** Live pokes over SSE; reconnects with backoff. Any event means: pull. */
  private async live(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const token = this.o.token();
      if (!token) return;
      try {
        for await (const ev of this.o.client.events(token, this.abort.signal)) {
          attempt = 0;
          if (ev.event === 'signed_out') throw new CentralError('unauthorized', 'central ended the session');
          if (!this.online) this.set({ online: true });
          // "ready" after a (re)connect may follow missed changes, so it pulls too.
          if (ev.event === 'poke' || ev.event === 'ready') this.request();
          if (ev.event === 'ready') this.o.onConnected?.();
          if (ev.event === 'presence') this.heardPresence(ev.data);
        }
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof CentralError && err.kind === 'unauthorized') {
          // Let a pull confirm it: that path owns sign-out.
          this.request();
        }
      }
      attempt++;
      await this.sleep(backoffDelay(attempt, { baseMs: 1000, maxMs: 30_000 }));
    }
  }

  private heardPresence(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      json = null;
    }
    const parsed = ItemPresence.safeParse(json);
    if (!parsed.success || parsed.data.itemId === null) {
      this.o.log('sync: a presence event did not match the protocol; ignored');
      return;
    }
    this.o.onPresence?.({ itemId: parsed.data.itemId, people: parsed.data.people });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const onAbort = () => {
        clearTimeout(t);
        resolve();
      };
      const t = setTimeout(() => {
        this.abort.signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      t.unref();
      this.abort.signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}
