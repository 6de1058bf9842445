/**
 * The desk core: implements the DeskApi over the local encrypted cache and the sync loop.
 * Node only; the Electron shell (ipc.ts) and browser mode (web-host.ts) both wrap one of these.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DeskError,
  deskMethods,
  type DeskApi,
  type DeskArgs,
  type DeskEvent,
  type DeskMethodName,
  type DeskResult,
  type Session,
  type SyncStatus,
} from '../../shared/api/desk-api.js';
import { findMutation, MutationError } from '../../shared/mutations/index.js';
import { CacheStore, CorruptRowError, type Log, type StoredSession } from './store/cache-store.js';
import { CACHE_FILE, CacheOpenError } from './store/cache-db.js';
import { fileKeyProvider, type CacheKeyProvider } from './store/key-provider.js';
import { CentralClient, CentralError } from './sync/central-client.js';
import { SyncEngine } from './sync/sync-engine.js';
import { SearchIndex } from './search/search-index.js';
import { loadDashboard } from './dashboard/dashboard.js';
import { createTriageSuggester } from './triage/suggest.js';
import { createDeskModeration } from './moderation/desk-moderation.js';
import { loadItemFile, loadItemPhoto, type AttachmentDeps } from './media/item-attachments.js';
import type { PresencePerson } from '../../shared/api/sync-protocol.js';
import type { Actor } from '../../shared/workflow/permissions.js';

export type { CacheKeyProvider } from './store/key-provider.js';
export { fileKeyProvider } from './store/key-provider.js';
export { CacheOpenError } from './store/cache-db.js';

/** A desk keeps its presence alive on the central (which forgets it after 45 s without news). */
const PRESENCE_REFRESH_MS = 20_000;

/**
 * Background search indexing: batches of ~100 items take ~40 ms (stemming + FTS insert), so the
 * desk core never stalls a renderer call for long; 200,000 items are indexed in about 2-3 minutes.
 */
const INDEX_BATCH = 100;
const INDEX_GAP_MS = 15;
const INDEX_DELAY_MS = 200;
const INDEX_START_DELAY_MS = 3000;

export interface DeskOptions {
  /** Folder of desk-cache.sqlite (and cache.key with the default key provider). */
  dataDir: string;
  /** Base URL of the central server, e.g. http://127.0.0.1:8311 */
  centralUrl: string;
  /** Defaults to fileKeyProvider(dataDir); the Electron shell passes its safeStorage provider. */
  keyProvider?: CacheKeyProvider;
  fetch?: typeof fetch;
  now?: () => Date;
  log?: (msg: string, extra?: object) => void;
  /**
   * When the cache cannot be opened with the key we have (the OS keystore lost it, cache.key was
   * deleted): true moves the unreadable file aside (kept, renamed) and starts with an empty cache;
   * false (default) fails with CacheOpenError so the caller can ask the user first.
   */
  resetUnreadableCache?: boolean;
  /** Tuning, mainly for tests. */
  sync?: { pageSize?: number; pullIntervalMs?: number; retry?: { baseMs?: number; maxMs?: number } };
}

export interface Desk extends DeskApi {
  /** Stop syncing and close the cache. The desk cannot be used afterwards. */
  close(): Promise<void>;
}

export async function createDesk(opts: DeskOptions): Promise<Desk> {
  const log: Log = opts.log ?? ((msg, extra) => console.warn(`desk: ${msg}`, extra ?? ''));
  const keyProvider = opts.keyProvider ?? fileKeyProvider(opts.dataDir);
  let store: CacheStore;
  try {
    store = await CacheStore.open(opts.dataDir, keyProvider, log);
  } catch (err) {
    if (!(err instanceof CacheOpenError && err.code === 'cache_key_mismatch' && opts.resetUnreadableCache)) throw err;
    const movedTo = moveCacheAside(opts.dataDir, 'unreadable');
    log('cache: could not be opened with this key; moved aside, starting with an empty cache', { movedTo });
    store = await CacheStore.open(opts.dataDir, keyProvider, log);
  }
  // A cache belongs to one central server: its cookie, ids and pending changes mean nothing to
  // another. Unsent changes are never dropped: that cache is moved aside (kept, still encrypted).
  const central = opts.centralUrl.replace(/\/+$/, '');
  const previous = store.centralUrl();
  if (previous !== null && previous !== central) {
    if (store.outboxStatus().pendingCount > 0) {
      store.close();
      const movedTo = moveCacheAside(opts.dataDir, 'other-central');
      log('cache: made for another central server and holds unsent changes; moved aside', { previous, movedTo });
      store = await CacheStore.open(opts.dataDir, keyProvider, log);
    } else {
      log('cache: made for another central server; cleared', { previous });
      store.clearUserData();
    }
  }
  store.setCentralUrl(central);
  const desk = new DeskCore(store, opts, log);
  desk.resume();
  return desk;
}

/** Rename the cache file (and any journal) out of the way; returns the new path. */
function moveCacheAside(dataDir: string, why: string): string {
  const aside = join(dataDir, `${CACHE_FILE}.${why}-${Date.now()}`);
  renameSync(join(dataDir, CACHE_FILE), aside);
  // A leftover rollback journal belongs to the old file; the new cache must not replay it.
  for (const suffix of ['-journal', '-wal', '-shm']) {
    if (existsSync(join(dataDir, CACHE_FILE + suffix))) renameSync(join(dataDir, CACHE_FILE + suffix), aside + suffix);
  }
  return aside;
}

function parseArgs<M extends DeskMethodName>(method: M, raw: unknown): z.output<(typeof deskMethods)[M]['args']> {
  const parsed = deskMethods[method].args.safeParse(raw);
  if (!parsed.success) throw new DeskError('invalid_args', `invalid arguments for ${method}: ${z.prettifyError(parsed.error)}`);
  return parsed.data as z.output<(typeof deskMethods)[M]['args']>;
}

class DeskCore implements Desk {
  private readonly listeners = new Set<(event: DeskEvent) => void>();
  private readonly client: CentralClient;
  private readonly now: () => Date;
  private readonly clientId: string;
  private session: StoredSession | null = null;
  private engine: SyncEngine | null = null;
  private closed = false;
  private readonly searchIndex: SearchIndex;
  // One lazily built moderation engine (and lexicon) for triage suggestions and the moderation editor.
  private readonly moderation = createDeskModeration({ log: (msg, extra) => this.log(msg, extra) });
  private readonly suggester = createTriageSuggester(() => this.moderation.engine());
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private syncPhase: SyncStatus['phase'] = 'idle';
  /** Where this person is (the item open, editing its draft), re-sent after a reconnect and every 20 s. */
  private presenceHere: { itemId: string | null; editing: boolean } = { itemId: null, editing: false };
  /** The others on each item, as the central last said (its answers and live events). */
  private readonly presenceThere = new Map<string, PresencePerson[]>();
  private presenceTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: CacheStore,
    private readonly opts: DeskOptions,
    private readonly log: Log,
  ) {
    // An empty cache is filled by the first sync after sign-in: have the pull worker ready for it.
    this.client = new CentralClient({ baseUrl: opts.centralUrl, fetch: opts.fetch, log, warmPullWorkers: store.itemCount() === 0 });
    this.now = opts.now ?? (() => new Date());
    this.clientId = store.clientId();
    this.searchIndex = new SearchIndex(store.db);
    // Not at once: the first inbox page after a start must not wait behind indexing work.
    this.scheduleIndexing(INDEX_START_DELAY_MS);
  }

  /**
   * Keep the search index in step in the background, a small batch per tick so the desk stays
   * responsive during an initial sync (a search also indexes a short queue itself first).
   */
  private scheduleIndexing(delayMs = INDEX_DELAY_MS): void {
    if (this.closed || this.indexTimer) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      // While an initial sync fills the cache, the index waits and is then built in one go
      // (started by the phase change in emit): interleaved, it took as long as the fill itself.
      if (this.closed || this.syncPhase === 'initial') return;
      let done = 0;
      try {
        // After an initial fill: queue its items for indexing in one go (migration 6).
        if (this.store.finishBulkFill() > 0) done = 1;
        done += this.searchIndex.catchUp(INDEX_BATCH);
      } catch (err) {
        this.log('search: indexing failed; retried on the next change', { error: (err as Error).message });
        return;
      }
      if (done > 0) this.scheduleIndexing(INDEX_GAP_MS);
    }, delayMs);
    this.indexTimer.unref?.();
  }

  /** At start: an unexpired saved session resumes (offline too: the cache opens at once). */
  resume(): void {
    const saved = this.store.session();
    if (!saved) return;
    if (Date.parse(saved.expiresAt) <= this.now().getTime()) {
      // The cache stays for the same user's next sign-in; only the token is forgotten.
      this.store.setSession(null);
      return;
    }
    this.session = saved;
    this.startSync();
    // The renderer's first request is an inbox page: have the index ready by then, without
    // holding up createDesk itself.
    const timer = setTimeout(() => {
      if (this.closed || !this.session) return;
      const t = performance.now();
      this.store.warmInboxIndex({ staffId: saved.staff.id, departmentId: saved.staff.departmentId, now: this.now() });
      const ms = Math.round(performance.now() - t);
      if (ms > 300) this.log('inbox index took long to load', { ms, items: this.store.itemCount() });
    }, 0);
    timer.unref();
  }

  onEvent(listener: (event: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: DeskEvent): void {
    if (event.type === 'sync') {
      const wasInitial = this.syncPhase === 'initial';
      this.syncPhase = event.status.phase;
      if (wasInitial && event.status.phase !== 'initial') this.scheduleIndexing();
    }
    if (event.type === 'items-changed') this.scheduleIndexing();
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.log('event listener failed', { error: (err as Error).message });
      }
    }
  }

  private publicSession(): Session | null {
    return this.session ? { staff: this.session.staff, centralUrl: this.opts.centralUrl } : null;
  }

  private requireSession(): StoredSession {
    if (this.closed) throw new DeskError('internal', 'the desk core is closed');
    if (!this.session) throw new DeskError('not_signed_in', 'sign in first');
    return this.session;
  }

  private startSync(): void {
    this.engine = new SyncEngine({
      store: this.store,
      client: this.client,
      clientId: this.clientId,
      centralUrl: this.opts.centralUrl,
      token: () => this.session?.token ?? null,
      onUnauthorized: () => void this.expireSession(),
      emit: (e) => this.emit(e),
      actor: () => (this.session ? actorOf(this.session.staff) : null),
      onPresence: (presence) => this.heardPresence(presence.itemId, presence.people),
      onConnected: () => void this.sendPresence(),
      now: this.now,
      log: this.log,
      pageSize: this.opts.sync?.pageSize,
      pullIntervalMs: this.opts.sync?.pullIntervalMs,
      retry: this.opts.sync?.retry,
    });
    this.engine.start();
  }

  private async stopSync(): Promise<void> {
    const engine = this.engine;
    this.engine = null;
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
    this.presenceThere.clear();
    this.presenceHere = { itemId: null, editing: false };
    await engine?.stop();
  }

  /** Central no longer accepts the token: back to the sign-in screen, cache kept for this user. */
  private async expireSession(): Promise<void> {
    this.session = null;
    this.store.setSession(null);
    await this.stopSync();
    this.emit({ type: 'session', session: null });
    this.emit({ type: 'sync', status: await this.syncStatus({}) });
  }

  // ---- DeskApi ------------------------------------------------------------------------------

  async signIn(raw: DeskArgs<'signIn'>): Promise<DeskResult<'signIn'>> {
    if (this.closed) throw new DeskError('internal', 'the desk core is closed');
    const args = parseArgs('signIn', raw);
    this.refuseToDiscardSilently(args.username, args.discardOtherUsersChanges);
    let res;
    try {
      res = await this.client.login({ username: args.username, password: args.password, clientId: this.clientId });
    } catch (err) {
      if (err instanceof CentralError) {
        if (err.kind === 'unauthorized') throw new DeskError('bad_credentials', 'wrong username or password');
        if (err.code === 'too_many_attempts') throw new DeskError('too_many_attempts', err.message);
        if (err.kind === 'unreachable' || err.kind === 'server_error') {
          throw new DeskError('central_unreachable', `cannot reach the central server at ${this.opts.centralUrl}`);
        }
        this.log('sign-in failed', { error: err.message });
        throw new DeskError('internal', `sign-in failed: ${err.message}`);
      }
      throw err;
    }
    await this.stopSync();
    const owner = this.store.cacheOwner();
    if (owner !== null && owner.id !== res.staff.id) {
      // Another person's cache must not be shown to this one, and their unsent changes cannot be
      // sent in this person's name (the server binds this installation to whoever signs in).
      const { pendingCount } = this.store.outboxStatus();
      if (pendingCount > 0) this.log('sign-in as another user: the previous user\'s unsent changes are discarded', { pendingCount });
      this.store.clearUserData();
      this.emit({ type: 'items-changed', ids: [] });
    }
    this.session = { token: res.token, expiresAt: res.expiresAt, staff: res.staff };
    this.store.setSession(this.session);
    this.store.setCacheOwner({ id: res.staff.id, username: res.staff.username });
    this.startSync();
    const session = this.publicSession()!;
    this.emit({ type: 'session', session });
    return session;
  }

  /**
   * Another user's changes waiting in the outbox (their session expired before they were sent) are
   * not discarded by someone else's sign-in unless that person says so. Checked before the central
   * hears of the sign-in: it rebinds this desk to whoever signs in.
   */
  private refuseToDiscardSilently(username: string, discard: boolean): void {
    const owner = this.store.cacheOwner();
    if (discard || !owner?.username || owner.username.toLowerCase() === username.toLowerCase()) return;
    const { pendingCount } = this.store.outboxStatus();
    if (pendingCount > 0) {
      throw new DeskError('other_users_changes', `${pendingCount} change(s) by ${owner.username} have not reached the central server yet; signing in as another user discards them`);
    }
  }

  async signOut(raw: DeskArgs<'signOut'>): Promise<DeskResult<'signOut'>> {
    const args = parseArgs('signOut', raw);
    const { pendingCount } = this.store.outboxStatus();
    if (pendingCount > 0 && !args.force) {
      throw new DeskError('pending_mutations', `${pendingCount} change(s) have not reached the central server yet; signing out discards them`);
    }
    const token = this.session?.token;
    await this.stopSync();
    this.session = null;
    this.store.clearUserData();
    if (token) {
      // Best effort: the cache is already gone; an unreachable central just keeps the token until it expires.
      void this.client.logout(token).catch(() => {});
    }
    this.emit({ type: 'session', session: null });
    this.emit({ type: 'items-changed', ids: [] });
    this.emit({ type: 'sync', status: await this.syncStatus({}) });
    return { ok: true };
  }

  async whoAmI(raw: DeskArgs<'whoAmI'>): Promise<DeskResult<'whoAmI'>> {
    parseArgs('whoAmI', raw);
    return this.publicSession();
  }

  async listInbox(raw: DeskArgs<'listInbox'>): Promise<DeskResult<'listInbox'>> {
    const args = parseArgs('listInbox', raw);
    const session = this.requireSession();
    const filter = args.filter ?? { view: 'all' as const };
    const sort = args.sort ?? { by: 'receivedAt' as const, dir: 'desc' as const };
    const page = args.page ?? { offset: 0, limit: 100 };
    return this.store.listInbox(filter, sort, page, { staffId: session.staff.id, departmentId: session.staff.departmentId, now: this.now() });
  }

  async itemPhoto(raw: DeskArgs<'itemPhoto'>): Promise<DeskResult<'itemPhoto'>> {
    const args = parseArgs('itemPhoto', raw);
    return loadItemPhoto(this.attachmentDeps(), args.itemId, args.name);
  }

  async attachmentFile(raw: DeskArgs<'attachmentFile'>): Promise<DeskResult<'attachmentFile'>> {
    const args = parseArgs('attachmentFile', raw);
    return loadItemFile(this.attachmentDeps(), args.itemId, args.name);
  }

  private attachmentDeps(): AttachmentDeps {
    return { store: this.store, client: this.client, token: this.requireSession().token, now: this.now };
  }

  async getItem(raw: DeskArgs<'getItem'>): Promise<DeskResult<'getItem'>> {
    const args = parseArgs('getItem', raw);
    this.requireSession();
    try {
      return this.store.getItem(args.id);
    } catch (err) {
      if (err instanceof CorruptRowError) {
        this.log('cache: damaged item row', { id: args.id, error: err.message });
        throw new DeskError('internal', `the cached copy of item ${args.id} is damaged; it is replaced when the item next changes`);
      }
      throw err;
    }
  }

  async getReference(raw: DeskArgs<'getReference'>): Promise<DeskResult<'getReference'>> {
    parseArgs('getReference', raw);
    this.requireSession();
    return this.store.reference();
  }

  async syncStatus(raw: DeskArgs<'syncStatus'>): Promise<SyncStatus> {
    parseArgs('syncStatus', raw);
    if (this.engine) return this.engine.status();
    return {
      phase: 'signed_out',
      online: false,
      lastSyncAt: this.session ? this.store.lastSyncAt() : null,
      progress: null,
      ...this.store.outboxStatus(),
      lastError: null,
      centralUrl: this.opts.centralUrl,
    };
  }

  async syncNow(raw: DeskArgs<'syncNow'>): Promise<SyncStatus> {
    parseArgs('syncNow', raw);
    this.requireSession();
    return this.engine ? this.engine.syncNow() : this.syncStatus({});
  }

  async mutate(raw: DeskArgs<'mutate'>): Promise<DeskResult<'mutate'>> {
    const args = parseArgs('mutate', raw);
    return this.runMutation(args.name, args.args);
  }

  private runMutation(name: string, args: Record<string, unknown>, replacesRejected?: number): DeskResult<'mutate'> {
    const session = this.requireSession();
    if (!findMutation(name)) throw new DeskError('invalid_args', `unknown mutation: ${name}`);
    const itemId = args.itemId;
    if (typeof itemId !== 'string' || itemId.length === 0) throw new DeskError('invalid_args', `${name} needs an itemId`);
    const { staff } = session;
    let result;
    try {
      result = this.store.appendMutation({
        name,
        args,
        itemId,
        actor: actorOf(staff),
        clientTime: this.now().toISOString(),
        replacesRejected,
      });
    } catch (err) {
      if (err instanceof MutationError) throw new DeskError(err.code, err.message, typeof err.details.reason === 'string' ? err.details.reason : undefined);
      if (err instanceof CorruptRowError) throw new DeskError('internal', `the cached copy of item ${itemId} is damaged; the change was not made`);
      throw err;
    }
    this.emit({ type: 'items-changed', ids: [itemId] });
    this.engine?.emitStatus();
    this.engine?.request();
    return result;
  }

  async listRejected(raw: DeskArgs<'listRejected'>): Promise<DeskResult<'listRejected'>> {
    parseArgs('listRejected', raw);
    this.requireSession();
    return this.store.rejected();
  }

  async resolveRejected(raw: DeskArgs<'resolveRejected'>): Promise<DeskResult<'resolveRejected'>> {
    const args = parseArgs('resolveRejected', raw);
    this.requireSession();
    const rejected = this.store.rejectedOne(args.mutationId);
    if (!rejected) throw new DeskError('not_found', `no rejected change ${args.mutationId}`);
    if (args.action === 'discard') {
      this.store.deleteRejected(args.mutationId);
      this.engine?.emitStatus();
      return { ok: true, mutationId: null };
    }
    const { mutationId } = this.runMutation(rejected.name, rejected.args, args.mutationId);
    return { ok: true, mutationId };
  }

  async search(raw: DeskArgs<'search'>): Promise<DeskResult<'search'>> {
    const args = parseArgs('search', raw);
    this.requireSession();
    const { staff } = this.requireSession();
    const result = this.searchIndex.search(args.query, args.page ?? { offset: 0, limit: 50 }, {
      id: staff.id,
      departmentId: staff.departmentId,
      now: this.now(),
      newComments: this.store.notifications.unreadCommentItems(),
    });
    const hits = result.hits.flatMap((h) => (h.row ? [{ row: h.row, title: h.title, snippet: h.snippet, field: h.field }] : []));
    return { ...result, hits };
  }

  async dashboard(raw: DeskArgs<'dashboard'>): Promise<DeskResult<'dashboard'>> {
    parseArgs('dashboard', raw);
    this.requireSession();
    return loadDashboard(this.store.db, this.now());
  }

  async suggestions(raw: DeskArgs<'suggestions'>): Promise<DeskResult<'suggestions'>> {
    const args = parseArgs('suggestions', raw);
    this.requireSession();
    const item = await this.getItem({ id: args.id });
    if (!item) throw new DeskError('not_found', `item ${args.id} is not in the cache`);
    const candidates = this.searchIndex
      .similar(`${item.original.title ?? ''} ${item.original.description}`, item.id)
      .flatMap((id) => {
        try {
          const other = this.store.getItem(id);
          return other ? [other] : [];
        } catch {
          return [];
        }
      });
    return this.suggester.suggest(item, this.store.reference().services, candidates);
  }

  async moderationScan(raw: DeskArgs<'moderationScan'>): Promise<DeskResult<'moderationScan'>> {
    const args = parseArgs('moderationScan', raw);
    this.requireSession();
    const item = await this.getItem({ id: args.itemId });
    if (!item) throw new DeskError('not_found', `item ${args.itemId} is not in the cache`);
    let duplicateOfState = null;
    if (item.duplicateOf) {
      try {
        duplicateOfState = this.store.getItem(item.duplicateOf)?.publication.state ?? null;
      } catch {
        duplicateOfState = null;
      }
    }
    return this.moderation.scan(item, { texts: args.texts, duplicateOfState, now: this.now().toISOString() });
  }

  async spellcheck(raw: DeskArgs<'spellcheck'>): Promise<DeskResult<'spellcheck'>> {
    const args = parseArgs('spellcheck', raw);
    this.requireSession();
    return this.moderation.spellcheck(args.text, args.language);
  }

  async listNotifications(raw: DeskArgs<'listNotifications'>): Promise<DeskResult<'listNotifications'>> {
    parseArgs('listNotifications', raw);
    this.requireSession();
    return { unread: this.store.notifications.unreadCount(), items: this.store.notifications.list() };
  }

  async markNotificationsRead(raw: DeskArgs<'markNotificationsRead'>): Promise<DeskResult<'markNotificationsRead'>> {
    const args = parseArgs('markNotificationsRead', raw);
    this.requireSession();
    const itemId = args.all ? null : (args.itemId ?? null);
    if (itemId === null && !args.all) throw new DeskError('invalid_args', 'name an itemId, or all: true');
    if (this.store.markNotificationsRead(itemId) > 0) this.emit({ type: 'items-changed', ids: itemId ? [itemId] : [] });
    return { unread: this.store.notifications.unreadCount() };
  }

  async setPresence(raw: DeskArgs<'setPresence'>): Promise<DeskResult<'setPresence'>> {
    const args = parseArgs('setPresence', raw);
    this.requireSession();
    this.presenceHere = { itemId: args.itemId, editing: args.editing };
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
    if (args.itemId !== null) {
      this.presenceTimer = setInterval(() => void this.sendPresence(), PRESENCE_REFRESH_MS);
      this.presenceTimer.unref?.();
    }
    const known = await this.sendPresence();
    return this.presenceState(args.itemId, known);
  }

  async getPresence(raw: DeskArgs<'getPresence'>): Promise<DeskResult<'getPresence'>> {
    const args = parseArgs('getPresence', raw);
    this.requireSession();
    return this.presenceState(args.itemId, this.engine?.status().online ?? false);
  }

  private presenceState(itemId: string | null, known: boolean): DeskResult<'getPresence'> {
    return { itemId, known, people: known && itemId ? (this.presenceThere.get(itemId) ?? []) : [] };
  }

  /** Tell the central where this person is; false when it cannot be reached (presence is then unknown). */
  private async sendPresence(): Promise<boolean> {
    const token = this.session?.token;
    if (!token || this.closed) return false;
    const here = this.presenceHere;
    try {
      const res = await this.client.presence(token, { clientId: this.clientId, itemId: here.itemId, editing: here.editing });
      if (res.itemId) this.heardPresence(res.itemId, res.people);
      return true;
    } catch (err) {
      if (!(err instanceof CentralError) || err.kind !== 'unreachable') this.log('presence: not sent', { error: (err as Error).message });
      return false;
    }
  }

  private heardPresence(itemId: string, people: PresencePerson[]): void {
    const mine = this.session?.staff.id;
    const others = people.filter((p) => p.staffId !== mine);
    this.presenceThere.set(itemId, others);
    this.emit({ type: 'presence', presence: { itemId, known: true, people: others } });
  }

  async departedItem(raw: DeskArgs<'departedItem'>): Promise<DeskResult<'departedItem'>> {
    const args = parseArgs('departedItem', raw);
    this.requireSession();
    return this.store.notifications.departed(args.id);
  }

  async saveTemplate(raw: DeskArgs<'saveTemplate'>): Promise<DeskResult<'saveTemplate'>> {
    const { id, ...input } = parseArgs('saveTemplate', raw);
    const token = this.requireAdmin();
    const template = await this.adminCall(() => this.client.putTemplate(token, id ?? `t-${randomUUID()}`, input));
    this.engine?.request();
    return template;
  }

  async deleteTemplate(raw: DeskArgs<'deleteTemplate'>): Promise<DeskResult<'deleteTemplate'>> {
    const args = parseArgs('deleteTemplate', raw);
    const token = this.requireAdmin();
    await this.adminCall(() => this.client.deleteTemplate(token, args.id));
    this.engine?.request();
    return { ok: true };
  }

  async setDepartmentSettings(raw: DeskArgs<'setDepartmentSettings'>): Promise<DeskResult<'setDepartmentSettings'>> {
    const args = parseArgs('setDepartmentSettings', raw);
    const token = this.requireAdmin();
    const department = await this.adminCall(() => this.client.putDepartmentSettings(token, args.departmentId, { requiresApproval: args.requiresApproval }));
    this.engine?.request();
    return department;
  }

  private requireAdmin(): string {
    const session = this.requireSession();
    if (session.staff.role !== 'admin') throw new DeskError('forbidden', 'only an administrator may change reference data');
    return session.token;
  }

  /** Reference data is kept by the central: these calls need it, and say so clearly when it is away. */
  private async adminCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      if (err.kind === 'unreachable' || err.kind === 'server_error') throw new DeskError('central_unreachable', `cannot reach the central server at ${this.opts.centralUrl}`);
      if (err.code === 'unknown_placeholder') throw new DeskError('unknown_placeholder', err.message);
      if (err.status === 403) throw new DeskError('forbidden', err.message);
      if (err.status === 404) throw new DeskError('not_found', err.message);
      if (err.kind === 'unauthorized') throw new DeskError('not_signed_in', err.message);
      throw new DeskError('invalid_args', err.message);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.moderation.close();
    if (this.indexTimer) clearTimeout(this.indexTimer);
    await this.stopSync();
    this.client.close();
    this.listeners.clear();
    this.store.close();
  }
}

function actorOf(staff: StoredSession['staff']): Actor {
  return { id: staff.id, role: staff.role, departmentId: staff.departmentId, displayName: staff.displayName };
}
