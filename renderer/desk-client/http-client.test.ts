/// <reference types="node" />
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// Node 20 has no global EventSource; undici's is the WHATWG implementation Node itself later ships.
import { EventSource as UndiciEventSource } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeskError, type DeskEvent, type SyncStatus } from '../../shared/api/desk-api.js';
import { createHttpDeskClient } from './http-client.js';

const staff = { id: 's-neuvonta', username: 'neuvonta', displayName: 'Neuvonta Demo', role: 'clerk', departmentId: null };
const status: SyncStatus = {
  phase: 'idle',
  online: true,
  lastSyncAt: '2026-11-27T20:00:00.000Z',
  progress: null,
  pendingCount: 2,
  oldestPendingAt: null,
  rejectedCount: 0,
  lastError: null,
  centralUrl: 'http://127.0.0.1:8311',
};

const received: { method: string; contentType?: string; body: unknown }[] = [];
let server: Server;
let baseUrl: string;
let eventConnections = 0;

function json(res: ServerResponse, code: number, body: unknown) {
  res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (req.method === 'GET' && req.url === '/desk/events-flaky') {
      eventConnections++;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write('retry: 50\n\n');
      // The first connection drops at once; the second one stays.
      if (eventConnections === 1) res.end();
      return;
    }
    if (req.method === 'GET' && req.url === '/desk/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(': hello\n\n');
      res.write(`data: ${JSON.stringify({ type: 'items-changed', ids: ['a', 'b'] })}\n\n`);
      res.write('data: {not json\n\n');
      res.write(`data: ${JSON.stringify({ type: 'items-changed', ids: 'not-an-array' })}\n\n`);
      res.write(`data: ${JSON.stringify({ type: 'sync', status })}\n\n`);
      return;
    }
    const method = req.url!.replace('/desk/api/', '');
    const body = await readJson(req);
    received.push({ method, contentType: req.headers['content-type'], body });
    switch (method) {
      case 'signIn': {
        const { username, password } = body as { username: string; password: string };
        if (username === 'neuvonta' && password === 'demo') return json(res, 200, { staff, centralUrl: status.centralUrl });
        return json(res, 401, { error: { code: 'bad_credentials', message: 'wrong username or password' } });
      }
      case 'whoAmI':
        return json(res, 200, null);
      case 'listInbox':
        return json(res, 200, { items: [], total: 200000 });
      case 'getItem':
        return json(res, 200, { id: 'x', title: 'missing every other field' });
      case 'syncStatus':
        return res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
      case 'syncNow':
        return json(res, 500, { error: 'unstructured' });
      default:
        return json(res, 404, { error: { code: 'unknown_method', message: `unknown DeskApi method: ${method}` } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const client = () => createHttpDeskClient({ baseUrl, EventSource: UndiciEventSource as never });

async function rejection(promise: Promise<unknown>): Promise<DeskError> {
  const err = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeskError);
  return err as DeskError;
}

describe('HTTP desk client', () => {
  it('posts JSON args to /desk/api/<method> and returns the validated result', async () => {
    const session = await client().signIn({ username: 'neuvonta', password: 'demo' });
    expect(session.staff.displayName).toBe('Neuvonta Demo');
    const call = received.find((r) => r.method === 'signIn')!;
    expect(call.contentType).toBe('application/json');
    expect(call.body).toEqual({ username: 'neuvonta', password: 'demo' });

    const page = await client().listInbox({ filter: { view: 'overdue' }, page: { offset: 100, limit: 1 } });
    expect(page.total).toBe(200000);
    expect(received.at(-1)!.body).toEqual({ filter: { view: 'overdue' }, page: { offset: 100, limit: 1 } });
  });

  it('returns null results (signed out) as null', async () => {
    expect(await client().whoAmI({})).toBeNull();
  });

  it('maps an {error:{code,message}} body to a DeskError with that code', async () => {
    const err = await rejection(client().signIn({ username: 'neuvonta', password: 'wrong' }));
    expect(err.code).toBe('bad_credentials');
    expect(err.message).toBe('wrong username or password');
  });

  it('rejects a result that does not match the contract instead of passing it on', async () => {
    const err = await rejection(client().getItem({ id: 'x' }));
    expect(err.code).toBe('invalid_response');
    expect(err.message).toContain('getItem');
  });

  it('turns a non-JSON or unstructured error response into an internal error', async () => {
    expect((await rejection(client().syncStatus({}))).code).toBe('internal');
    expect((await rejection(client().syncNow({}))).code).toBe('internal');
  });

  it('reports an unreachable host as desk_unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const err = await rejection(createHttpDeskClient({ baseUrl: `http://127.0.0.1:${port}` }).whoAmI({}));
    expect(err.code).toBe('desk_unreachable');
  });

  it('delivers valid events to every listener and drops malformed ones', async () => {
    const dropped: string[] = [];
    const desk = createHttpDeskClient({ baseUrl, EventSource: UndiciEventSource as never, onInvalidEvent: (raw) => dropped.push(raw) });
    const first: DeskEvent[] = [];
    const second: DeskEvent[] = [];
    const done = new Promise<void>((resolve) => {
      const offFirst = desk.onEvent((e) => {
        first.push(e);
        if (e.type === 'sync') {
          offFirst();
          resolve();
        }
      });
    });
    const offSecond = desk.onEvent((e) => second.push(e));
    await done;
    offSecond();
    expect(first).toEqual([
      { type: 'items-changed', ids: ['a', 'b'] },
      { type: 'sync', status },
    ]);
    expect(second).toEqual(first);
    expect(dropped).toHaveLength(2);
    expect(dropped[0]).toBe('{not json');
  });

  it('after the event stream reconnects, says that anything may have changed', async () => {
    const desk = createHttpDeskClient({
      baseUrl,
      EventSource: class extends (UndiciEventSource as unknown as typeof EventSource) {
        constructor(url: string) {
          super(url.replace('/desk/events', '/desk/events-flaky'));
        }
      } as never,
    });
    const event = await new Promise<DeskEvent>((resolve) => {
      const off = desk.onEvent((e) => {
        off();
        resolve(e);
      });
    });
    expect(event).toEqual({ type: 'items-changed', ids: [] });
    expect(eventConnections).toBe(2);
  });
});
