/**
 * Test support for central's own tests (and anyone who wants a small central in a test): a real
 * server on 127.0.0.1 port 0 over a real SQLite file in a temp folder, with a tiny known world.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { FeedbackItem } from '../shared/domain/index.js';
import { SCHEMA_VERSION, type PullResponse } from '../shared/api/sync-protocol.js';
import { startCentral, type RunningCentral } from './server.js';
import { departments } from './seed/reference-data.js';
import { hashPassword } from './store/passwords.js';
import { makeItem } from '../tests/fixtures/items.js';

export function tempDataDir(prefix = 'central'): string {
  return mkdtempSync(join(tmpdir(), `feedback-desk-${prefix}-`));
}

/** The staff of the small world, all with password `secret`. */
export const TEST_STAFF = [
  { id: 'st-clerk', username: 'clerk', displayName: 'Niina Neuvoja', role: 'clerk', departmentId: 'neuvonta' },
  { id: 'st-kymp', username: 'kymp', displayName: 'Kalle Kymp', role: 'responder', departmentId: 'kymp' },
  // Kaupunkiympäristö requires a second person's approval (seed/reference-data.ts): she gives it.
  { id: 'st-kymp-lead', username: 'kymp-lead', displayName: 'Eeva Esihenkilö', role: 'responder', departmentId: 'kymp' },
  { id: 'st-kasko', username: 'kasko', displayName: 'Kaisa Kasko', role: 'responder', departmentId: 'kasko' },
  { id: 'st-mod', username: 'mod', displayName: 'Mona Moderaattori', role: 'moderator', departmentId: 'kanslia' },
  { id: 'st-admin', username: 'admin', displayName: 'Aapo Admin', role: 'admin', departmentId: null },
] as const;
export const TEST_PASSWORD = 'secret';
let testPasswordHash: Promise<string> | undefined;

/** A plausible item numbered n (its own ids and texts); override what a test is about. */
export function testItem(n: number, overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  return FeedbackItem.parse(
    makeItem({
      id: `item-${n}`,
      serviceRequestId: `t${String(n).padStart(19, '0')}`,
      original: { title: `Katuvalo rikki ${n}`, description: `Katuvalo ei pala Sturenkadulla (${n}).` },
      contact: { email: `matti${n}@example.com`, phone: '040 123 4567' },
      ...overrides,
    }),
  );
}

export interface TestCentral extends RunningCentral {
  dataDir: string;
  /** close() and delete the data folder. */
  dispose(): Promise<void>;
}

/**
 * Start a central with departments, one service, TEST_STAFF and the given items (seed 'none'),
 * or with the demo seed when `seed: 'demo'`.
 */
export async function startTestCentral(opts: { items?: FeedbackItem[]; seed?: 'demo' | 'none'; dataDir?: string; now?: () => Date } = {}): Promise<TestCentral> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const central = await startCentral({ port: 0, dataDir, seed: opts.seed ?? 'none', logLevel: 'silent', now: opts.now });
  const { store } = central;
  if ((opts.seed ?? 'none') === 'none' && store.listStaff().length === 0) {
    store.transaction(() => {
      departments.forEach((d, i) => store.putDepartment(d, i));
      store.putService({ code: '171', name: { fi: 'Katujen kunto', sv: 'Gatornas skick', en: 'Potholes' }, keywords: [], departmentId: 'kymp' });
    });
    // One scrypt hash per process: hashing is deliberately slow, and tests start many servers.
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const hash = await testPasswordHash;
    store.transaction(() => {
      for (const s of TEST_STAFF) store.insertStaff(s, hash);
    });
    store.transaction(() => {
      for (const item of opts.items ?? []) store.putItem(item, { keepVersion: true });
    });
  }
  return {
    ...central,
    dataDir,
    dispose: async () => {
      await central.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A desk as the server sees it: one clientId, a token, its own mutation counter. */
export class TestDesk {
  readonly clientId = `desk-${randomBytes(6).toString('hex')}`;
  token = '';
  nextMutationId = 1;

  constructor(readonly url: string) {}

  async login(username: string, password = TEST_PASSWORD): Promise<Response> {
    const res = await fetch(`${this.url}/staff/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password, clientId: this.clientId }),
    });
    if (res.ok) this.token = ((await res.clone().json()) as { token: string }).token;
    return res;
  }

  pullRaw(cookie: number, limit = 500): Promise<Response> {
    return fetch(`${this.url}/staff/v1/pull?cookie=${cookie}&limit=${limit}&clientId=${this.clientId}`, {
      headers: { authorization: `Bearer ${this.token}` },
    });
  }

  async pull(cookie: number, limit = 500): Promise<PullResponse> {
    const res = await this.pullRaw(cookie, limit);
    if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`);
    return (await res.json()) as PullResponse;
  }

  /** Every page from cookie on, concatenated. */
  async pullAll(cookie = 0, limit = 500): Promise<{ pages: PullResponse[]; items: PullResponse['items']; revoked: string[]; cookie: number }> {
    const pages: PullResponse[] = [];
    let page: PullResponse;
    do {
      page = await this.pull(cookie, limit);
      pages.push(page);
      cookie = page.cookie;
    } while (page.hasMore);
    return { pages, items: pages.flatMap((p) => p.items), revoked: pages.flatMap((p) => p.revoked), cookie };
  }

  pushRaw(mutations: { id: number; name: string; args: Record<string, unknown> }[]): Promise<Response> {
    return fetch(`${this.url}/staff/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({
        clientId: this.clientId,
        schemaVersion: SCHEMA_VERSION,
        mutations: mutations.map((m) => ({ ...m, clientTime: new Date().toISOString() })),
      }),
    });
  }

  /** Push one mutation with the next id; returns the id used. */
  async push(name: string, args: Record<string, unknown>): Promise<number> {
    const id = this.nextMutationId++;
    const res = await this.pushRaw([{ id, name, args }]);
    if (!res.ok) throw new Error(`push ${name}: ${res.status} ${await res.text()}`);
    return id;
  }
}
