import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../shared/api/sync-protocol.js';
import { prepareItem, preparedJsonText, type PreparedItem } from '../store/item-columns.js';
import { makeItem } from '../testing/make-items.js';
import { CentralClient } from './central-client.js';
import { PullParser } from './pull-parser.js';
import { preparePullPage } from './pull-page.js';

const body = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v)).buffer as ArrayBuffer;
const page: PullResponse = { cookie: 3, hasMore: false, total: 2, lastMutationId: 0, items: [makeItem(1), makeItem(2)], revoked: [], results: [], reference: null };
/** Prepared items with their JSON as text (it may come as the body's bytes). */
const asText = (items: PreparedItem[]) => items.map((i) => ({ ...i, json: preparedJsonText(i.json) }));

describe('pull pages parsed in the worker', () => {
  it('gives the same validated, prepared page as parsing in-thread', async () => {
    const logs: string[] = [];
    const parser = new PullParser((m) => logs.push(m), 0);
    try {
      const r = await parser.parse(body(page));
      expect(r).toEqual(preparePullPage(body(page)));
      expect(r.ok && asText(r.page.items)).toEqual(page.items.map(prepareItem));
      expect(logs).toEqual([]);
    } finally {
      parser.close();
    }
  });

  it('tells the validated head (cookie, hasMore) before the prepared page, and no head for a refused page', async () => {
    const parser = new PullParser(undefined, 0);
    try {
      const seen: string[] = [];
      const r = parser.parse(body({ ...page, cookie: 7, hasMore: true }), (h) => seen.push(`head ${h.cookie} ${h.hasMore}`)).then(() => seen.push('page'));
      await r;
      expect(seen).toEqual(['head 7 true', 'page']);
      const heads: unknown[] = [];
      await parser.parse(body({ ...page, cookie: -1 }), (h) => heads.push(h));
      expect(heads).toEqual([]);
    } finally {
      parser.close();
    }
  });

  it('refuses what is not JSON or not the protocol, with the schema issues', async () => {
    const parser = new PullParser(undefined, 0);
    try {
      expect(await parser.parse(body('<html>proxy error</html>'))).toMatchObject({ ok: false, notJson: true });
      const bad = await parser.parse(body({ ...page, items: [{ ...makeItem(1), status: 'lost' }] }));
      expect(bad.ok).toBe(false);
      expect(!bad.ok && 'issues' in bad && bad.issues).toMatch(/items\.0\.status/);
    } finally {
      parser.close();
    }
  });

  it('parses small bodies in-thread without starting a worker', async () => {
    const parser = new PullParser();
    try {
      expect((await parser.parse(body(page))).ok).toBe(true);
      expect((parser as unknown as { workers: unknown[] }).workers).toEqual([]);
    } finally {
      parser.close();
    }
  });

  it('after close (or a dead worker) pages are still parsed, in-thread', async () => {
    const parser = new PullParser(undefined, 0);
    parser.close();
    const r = await parser.parse(body(page));
    expect(r.ok && r.page.items.map((i) => i.id)).toEqual([makeItem(1).id, makeItem(2).id]);
  });
});

describe('a pull worker that dies holding a page', () => {
  const big = () => body({ ...page, items: Array.from({ length: 400 }, (_, i) => makeItem(i)) });

  it('answers that page lost (its body was transferred) and parses later pages in-thread', async () => {
    const logs: string[] = [];
    const parser = new PullParser((m) => logs.push(m), 0);
    try {
      const sent = big();
      const pending = parser.parse(sent);
      expect(sent.byteLength).toBe(0);
      void (parser as unknown as { workers: Worker[] }).workers[0].terminate();
      expect(await pending).toEqual({ ok: false, lost: true });
      expect((await parser.parse(big())).ok).toBe(true);
      expect(logs).toEqual([expect.stringMatching(/^sync: pull worker exited .*in the main thread$/)]);
    } finally {
      parser.close();
    }
  });

  it('the client requests the lost page again', async () => {
    let requests = 0;
    const fakeFetch: typeof fetch = async () => {
      requests++;
      return new Response(big());
    };
    const client = new CentralClient({ baseUrl: 'http://central.invalid', fetch: fakeFetch });
    try {
      const workers = () => (client as unknown as { pullParser: { workers: Worker[] } }).pullParser.workers;
      const killOnce = () => void workers()[0]?.terminate();
      const result = await client.pull('t'.repeat(32), { cookie: 0, limit: 5000, clientId: 'desk-test-1' }, undefined, killOnce);
      expect(requests).toBe(2);
      expect(result.items.map((i) => i.id)).toEqual(Array.from({ length: 400 }, (_, i) => makeItem(i).id));
    } finally {
      client.close();
    }
  });
});
