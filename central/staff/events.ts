import type { ServerResponse } from 'node:http';
import { canSee, type Actor } from '../../shared/workflow/index.js';
import { visibilityOf, type CentralStore, type ItemChange } from '../store/central-store.js';
import { PresenceHub, type PresencePerson } from './presence.js';

export const HEARTBEAT_MS = 15_000;

interface Connection {
  actor: Actor;
  token: string;
  clientId: string;
  res: ServerResponse;
  pokeScheduled: boolean;
  lastSeq: number;
}

/**
 * Live events for desks (SSE).
 * - `poke`: something the user may see changed (an item, or reference data such as text modules),
 *   so the desk pulls; it carries no item data, only the change sequence, so nothing leaks through it.
 * - `presence`: who else has an item open or is editing its draft, sent to connections whose user
 *   may see that item, within a moment of the change.
 */
export class EventHub {
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: Array<() => void>;
  readonly presence: PresenceHub;

  constructor(
    private readonly store: CentralStore,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.presence = new PresenceHub(() => Date.parse(store.nowIso()));
    this.unsubscribe = [store.onItemsChanged((changes) => this.onChanges(changes)), store.onReferenceChanged(() => this.pokeAll())];
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  open(res: ServerResponse, actor: Actor, token: string, clientId: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const conn: Connection = { actor, token, clientId, res, pokeScheduled: false, lastSeq: this.store.changeCounter() };
    this.connections.add(conn);
    res.on('close', () => {
      this.connections.delete(conn);
      // The desk is gone: so is its presence, unless it still has another stream open.
      if (![...this.connections].some((c) => c.clientId === clientId)) this.broadcastPresence(this.presence.drop(clientId));
    });
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ cookie: conn.lastSeq })}\n\n`);
  }

  /** Record a desk's presence and tell whoever may see the items concerned; returns the item's people for that desk. */
  setPresence(clientId: string, actor: Actor, itemId: string | null, editing: boolean): PresencePerson[] {
    this.broadcastPresence(this.presence.set(clientId, { id: actor.id, displayName: actor.displayName }, itemId, editing));
    return itemId ? this.presence.people(itemId, clientId) : [];
  }

  private broadcastPresence(itemIds: readonly string[]): void {
    for (const itemId of itemIds) {
      const row = this.store.db.open ? this.store.getItemRow(itemId) : null;
      if (!row) continue;
      const visibility = visibilityOf(row);
      for (const conn of this.connections) {
        if (!canSee(conn.actor, visibility)) continue;
        this.send(conn, 'presence', { itemId, people: this.presence.people(itemId, conn.clientId) });
      }
    }
  }

  private send(conn: Connection, event: string, data: unknown): void {
    if (!conn.res.writableEnded) conn.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  private onChanges(changes: ItemChange[]): void {
    for (const conn of this.connections) {
      const relevant = changes.filter((c) => canSee(conn.actor, c.after) || (c.before !== null && canSee(conn.actor, c.before)));
      if (relevant.length === 0) continue;
      conn.lastSeq = Math.max(conn.lastSeq, ...relevant.map((c) => c.seq));
      this.schedulePoke(conn);
    }
  }

  /** Reference data changed (text modules, department settings): every desk pulls it. */
  private pokeAll(): void {
    for (const conn of this.connections) this.schedulePoke(conn);
  }

  private schedulePoke(conn: Connection): void {
    if (conn.pokeScheduled) return;
    // Coalesce a burst (a pushed batch) into one poke.
    conn.pokeScheduled = true;
    setTimeout(() => {
      conn.pokeScheduled = false;
      this.send(conn, 'poke', { cookie: conn.lastSeq });
    }, 20);
  }

  private beat(): void {
    if (!this.store.db.open) return;
    this.broadcastPresence(this.presence.sweep());
    for (const conn of this.connections) {
      if (!this.store.session(conn.token)) {
        conn.res.end('event: signed_out\ndata: {}\n\n');
        this.connections.delete(conn);
        continue;
      }
      conn.res.write(': heartbeat\n\n');
    }
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const off of this.unsubscribe) off();
    for (const conn of this.connections) conn.res.end();
    this.connections.clear();
  }
}
