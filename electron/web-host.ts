/**
 * Browser mode: the same DeskApi as the Electron IPC, over HTTP on loopback.
 *   POST /desk/api/<method>  JSON args in, JSON result out, errors {error:{code,message}} with 4xx/5xx
 *   GET  /desk/events        Server-Sent Events, one DeskEvent per message, heartbeat comments
 *   GET  /*                  the built renderer (index.html for / and unknown routes), strict CSP
 * Any web page in the user's browser can send requests to a loopback port, so every request must
 * name this host in Host (DNS rebinding) and, when it carries an Origin, come from this origin (CSRF).
 */
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { ServerResponse } from 'node:http';
import { DESK_EVENTS_PATH, DESK_HTTP_PREFIX, DeskError, dispatchDeskCall, toDeskErrorBody, type DeskApi } from '../shared/api/index.js';
import { SECURITY_HEADERS } from './security.js';

export type WebHostOptions = {
  port: number;
  host?: '127.0.0.1';
  desk: DeskApi;
  staticDir: string;
  /** Interval of SSE keep-alive comments; 15 s unless a test wants it faster. */
  heartbeatMs?: number;
  log?: (message: string) => void;
};

export type WebHost = { url: string; port: number; close(): Promise<void> };

/** HTTP status for each desk error code; unknown codes are the core's fault (500). */
const STATUS_BY_CODE: Record<string, number> = {
  invalid_args: 400,
  bad_request: 400,
  unknown_method: 404,
  not_signed_in: 401,
  bad_credentials: 401,
  too_many_attempts: 429,
  forbidden: 403,
  not_found: 404,
  unsupported_media_type: 415,
  pending_mutations: 409,
  other_users_changes: 409,
  central_unreachable: 503,
  not_a_photo: 422,
  internal: 500,
};

export function statusForDeskError(code: string): number {
  return STATUS_BY_CODE[code] ?? 500;
}

export class MissingRendererError extends Error {
  constructor(readonly staticDir: string) {
    super(`the built renderer is missing (${join(staticDir, 'index.html')}): run npm run build:renderer first`);
    this.name = 'MissingRendererError';
  }
}

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const staticDir = resolve(opts.staticDir);
  if (!existsSync(join(staticDir, 'index.html'))) throw new MissingRendererError(staticDir);
  const host = opts.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the desk web host listens on loopback (127.0.0.1) only');
  const log = opts.log ?? ((m: string) => console.warn(m));
  const heartbeatMs = opts.heartbeatMs ?? 15_000;

  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  const streams = new Set<ServerResponse>();
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const sendError = (reply: FastifyReply, code: string, message: string) =>
    reply.code(statusForDeskError(code)).type('application/json').send({ error: { code, message } });

  app.addHook('onRequest', async (req, reply) => {
    const hostHeader = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(hostHeader)) return sendError(reply, 'forbidden', 'request refused: unexpected Host header');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin.toLowerCase())) return sendError(reply, 'forbidden', 'request refused: cross-origin request');
    if (req.headers['sec-fetch-site'] === 'cross-site') return sendError(reply, 'forbidden', 'request refused: cross-site request');
  });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    return payload;
  });

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    // Fastify's own refusals (body too large, malformed JSON, wrong content type) keep their 4xx.
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) log(`desk web host: ${err.message}`);
    const code = status === 415 ? 'unsupported_media_type' : status === 500 ? 'internal' : 'bad_request';
    return reply.code(status).type('application/json').send({ error: { code, message: status === 500 ? 'internal error in the desk web host' : err.message } });
  });

  app.post<{ Params: { method: string } }>(`${DESK_HTTP_PREFIX}:method`, async (req, reply) => {
    const type = String(req.headers['content-type'] ?? '');
    // A JSON content type cannot be sent cross-origin without a CORS preflight, which this host never grants.
    if (!/^application\/json\b/i.test(type)) return sendError(reply, 'unsupported_media_type', 'send the arguments as application/json');
    try {
      const result = await dispatchDeskCall(opts.desk, req.params.method, req.body);
      return reply.type('application/json').send(JSON.stringify(result ?? null));
    } catch (err) {
      if (!(err instanceof DeskError)) log(`desk web host: ${req.params.method} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      const body = toDeskErrorBody(err);
      return reply.code(statusForDeskError(body.error.code)).type('application/json').send(body);
    }
  });

  // A bodyless POST (no content type) must reach the route's own check, not Fastify's 415.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, _body, done) => done(null, undefined));

  app.get(DESK_EVENTS_PATH, (req: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 2000\n\n');
    streams.add(res);
    const unsubscribe = opts.desk.onEvent((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
    const stop = () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.raw.on('close', stop);
    res.on('close', stop);
  });

  await app.register(fastifyStatic, { root: staticDir, prefix: '/', index: ['index.html'], wildcard: false, cacheControl: false });

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(reply, 'not_found', `no ${req.method} ${path}`);
    // Browsers ask for it unprompted; an empty answer keeps their consoles free of 404 noise.
    if (path === '/favicon.ico') return reply.code(204).send();
    if (path.startsWith('/desk/') || /\.[a-z0-9]+$/i.test(path)) return sendError(reply, 'not_found', `not found: ${path}`);
    // A client-side route: the single-page app handles it.
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });

  await app.listen({ port: opts.port, host });
  const port = (app.server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    async close() {
      for (const res of streams) res.end();
      streams.clear();
      await app.close();
    },
  };
}
