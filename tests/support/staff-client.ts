/**
 * A minimal staff-API client for tests that play "someone else at another desk": it speaks the
 * sync protocol over HTTP exactly as a desk would, validated by the shared schemas.
 */
import { randomBytes } from 'node:crypto';
import { LoginResponse, PullResponse, PushResponse, SCHEMA_VERSION } from '../../shared/api/index.js';

export class StaffClient {
  readonly clientId = `test-${randomBytes(8).toString('hex')}`;
  private token = '';
  private nextMutationId = 1;

  constructor(readonly centralUrl: string) {}

  async login(username: string, password = 'demo'): Promise<LoginResponse> {
    const res = await fetch(`${this.centralUrl}/staff/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, clientId: this.clientId }),
    });
    if (!res.ok) throw new Error(`login ${username} failed: ${res.status} ${await res.text()}`);
    const body = LoginResponse.parse(await res.json());
    this.token = body.token;
    return body;
  }

  /** Pull every page from `cookie` on. */
  async pullAll(cookie = 0): Promise<{ items: PullResponse['items']; revoked: string[]; cookie: number; lastMutationId: number; results: PullResponse['results'] }> {
    const items: PullResponse['items'] = [];
    const revoked: string[] = [];
    const results: PullResponse['results'] = [];
    let page: PullResponse;
    do {
      const res = await fetch(`${this.centralUrl}/staff/v1/pull?cookie=${cookie}&limit=1000&clientId=${this.clientId}`, {
        headers: { authorization: `Bearer ${this.token}` },
      });
      if (!res.ok) throw new Error(`pull failed: ${res.status} ${await res.text()}`);
      page = PullResponse.parse(await res.json());
      items.push(...page.items);
      revoked.push(...page.revoked);
      results.push(...page.results);
      cookie = page.cookie;
    } while (page.hasMore);
    return { items, revoked, cookie, lastMutationId: page.lastMutationId, results };
  }

  async push(name: string, args: Record<string, unknown>): Promise<number> {
    const id = this.nextMutationId++;
    const res = await fetch(`${this.centralUrl}/staff/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ clientId: this.clientId, schemaVersion: SCHEMA_VERSION, mutations: [{ id, name, args, clientTime: new Date().toISOString() }] }),
    });
    if (!res.ok) throw new Error(`push ${name} failed: ${res.status} ${await res.text()}`);
    PushResponse.parse(await res.json());
    return id;
  }
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
