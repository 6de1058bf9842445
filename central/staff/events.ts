import type { ServerResponse } from 'node:http';
import { canSee, type Actor } from '../../shared/workflow/index.js';
import type { CentralStore, ItemChange } from '../store/central-store.js';

export const HEARTBEAT_MS = 15_000;

interface Connection {
  actor: Actor;
  token: string;
  res: ServerResponse;
  pokeScheduled: boolean;
  lastSeq: number;
}

/**
 * Live events for desks (SSE). A `poke` tells a desk that something it may see changed, so it
 * pulls; the event carries no item data, only the change sequence, so nothing leaks through it.
 */
export class EventHub {
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: CentralStore,
    heartbeatMs = HEARTBEAT_MS,
  ) {
    this.unsubscribe = store.onItemsChanged((changes) => this.onChanges(changes));
    this.heartbeat = setInterval(() => this.beat(), heartbeatMs);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.connections.size;
  }

  open(res: ServerResponse, actor: Actor, token: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const conn: Connection = { actor, token, res, pokeScheduled: false, lastSeq: this.store.changeCounter() };
    this.connections.add(conn);
    res.on('close', () => this.connections.delete(conn));
    res.write(`retry: 3000\nevent: ready\ndata: ${JSON.stringify({ cookie: conn.lastSeq })}\n\n`);
  }

  private onChanges(changes: ItemChange[]): void {
    for (const conn of this.connections) {
      const relevant = changes.filter((c) => canSee(conn.actor, c.after) || (c.before !== null && canSee(conn.actor, c.before)));
      if (relevant.length === 0) continue;
      conn.lastSeq = Math.max(conn.lastSeq, ...relevant.map((c) => c.seq));
      if (conn.pokeScheduled) continue;
      // Coalesce a burst (a pushed batch) into one poke.
      conn.pokeScheduled = true;
      setTimeout(() => {
        conn.pokeScheduled = false;
        if (!conn.res.writableEnded) conn.res.write(`event: poke\ndata: ${JSON.stringify({ cookie: conn.lastSeq })}\n\n`);
      }, 20);
    }
  }

  private beat(): void {
    for (const conn of this.connections) {
      if (!this.store.db.open) return;
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
    this.unsubscribe();
    for (const conn of this.connections) conn.res.end();
    this.connections.clear();
  }
}
