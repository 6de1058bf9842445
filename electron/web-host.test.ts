import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './security.js';
import { createDeskDouble, type DeskDouble } from './testing/desk-double.js';
import { MissingRendererError, startWebHost, type WebHost } from './web-host.js';

type Res = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** node:http rather than fetch, so tests can forge Host and Origin like an attacker's page could. */
function send(host: WebHost, method: string, path: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const api = (host: WebHost, method: string, args: unknown, headers: Record<string, string> = {}) =>
  send(host, 'POST', `/desk/api/${method}`, { headers: { 'content-type': 'application/json', ...headers }, body: args === undefined ? undefined : JSON.stringify(args) });

describe('desk web host', () => {
  let dir: string;
  let desk: DeskDouble;
  let host: WebHost;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fd-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(dir, 'assets', 'app.js'), 'console.log("app")');
    desk = createDeskDouble();
    host = await startWebHost({ port: 0, desk, staticDir: dir, heartbeatMs: 50, log: () => {} });
  });
  afterEach(async () => {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback and serves the renderer with the strict CSP', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    const index = await fetch(host.url + '/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('x-frame-options')).toBe('DENY');
    expect(await index.text()).toContain('id="root"');
    const js = await fetch(host.url + '/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers client-side routes with index.html, missing assets with 404', async () => {
    const route = await fetch(host.url + '/inbox/overdue');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('id="root"');
    expect((await fetch(host.url + '/assets/nope.js')).status).toBe(404);
  });

  it('runs a DeskApi call: JSON args in, JSON result out', async () => {
    const res = await fetch(`${host.url}/desk/api/signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'neuvonta', password: 'demo' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ staff: { username: 'neuvonta' } });
    const who = await api(host, 'whoAmI', {});
    expect(JSON.parse(who.body)).toMatchObject({ staff: { username: 'neuvonta' } });
    expect(who.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('returns null results as JSON null', async () => {
    const res = await api(host, 'whoAmI', {});
    expect(res.status).toBe(200);
    expect(res.body).toBe('null');
  });

  it.each([
    ['invalid args', 'signIn', { username: 'neuvonta' }, 400, 'invalid_args'],
    ['an unknown method', 'dropDatabase', {}, 404, 'unknown_method'],
    ['a desk error', 'signIn', { username: 'neuvonta', password: 'nope' }, 401, 'bad_credentials'],
    ['an internal failure', 'getItem', { id: 'explode' }, 500, 'internal'],
  ])('maps %s to {error:{code,message}} with an HTTP error status', async (_label, method, args, status, code) => {
    const res = await api(host, method, args);
    expect(res.status).toBe(status);
    const body = JSON.parse(res.body);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
    expect(body.error.message).not.toContain('/secret/path');
  });

  it('refuses malformed JSON and non-JSON bodies without calling the desk core', async () => {
    const bad = await send(host, 'POST', '/desk/api/signIn', { headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('bad_request');
    const form = await send(host, 'POST', '/desk/api/signIn', { headers: { 'content-type': 'text/plain' }, body: '{"username":"neuvonta","password":"demo"}' });
    expect(form.status).toBe(415);
    expect(JSON.parse(form.body).error.code).toBe('unsupported_media_type');
    const urlencoded = await send(host, 'POST', '/desk/api/signIn', { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=neuvonta&password=demo' });
    expect(urlencoded.status).toBe(415);
    expect(desk.calls).toEqual([]);
  });

  it.each([
    ['a rebinding host name', { host: 'evil.example:8312' }],
    ['the right port on another name', { host: 'feedback.evil.example' }],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a foreign loopback Origin', { origin: 'http://127.0.0.1:1' }],
    ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a request with %s (DNS rebinding / CSRF)', async (_label, headers) => {
    const res = await api(host, 'signIn', { username: 'neuvonta', password: 'demo' }, headers);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body).error.code).toBe('forbidden');
    expect(desk.calls).toEqual([]);
    const page = await send(host, 'GET', '/', { headers });
    expect(page.status).toBe(403);
  });

  it('accepts its own origin under both loopback names', async () => {
    for (const name of ['127.0.0.1', 'localhost']) {
      const res = await api(host, 'whoAmI', {}, { host: `${name}:${host.port}`, origin: `http://${name}:${host.port}` });
      expect(res.status).toBe(200);
    }
  });

  it('streams desk events over SSE with heartbeats, and stops listening when the client goes', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.url}/desk/events`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    await expect.poll(() => desk.listenerCount()).toBe(1);
    desk.emit({ type: 'items-changed', ids: ['i1', 'i2'] });
    while (!text.includes(': heartbeat') || !text.includes('items-changed')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain(`data: ${JSON.stringify({ type: 'items-changed', ids: ['i1', 'i2'] })}\n\n`);
    controller.abort();
    await expect.poll(() => desk.listenerCount()).toBe(0);
  });

  it('closes open event streams on close()', async () => {
    const res = await fetch(`${host.url}/desk/events`);
    await expect.poll(() => desk.listenerCount()).toBe(1);
    await host.close();
    const reader = res.body!.getReader();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(desk.listenerCount()).toBe(0);
  });
});

describe('desk web host start-up', () => {
  it('says to build the renderer when dist/renderer is missing', async () => {
    await expect(startWebHost({ port: 0, desk: createDeskDouble(), staticDir: join(tmpdir(), 'fd-no-such-dir') })).rejects.toThrow(MissingRendererError);
    await expect(startWebHost({ port: 0, desk: createDeskDouble(), staticDir: join(tmpdir(), 'fd-no-such-dir') })).rejects.toThrow(/npm run build:renderer/);
  });
});
