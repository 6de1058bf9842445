/**
 * The central feedback API server: the staff sync API (/staff/v1), the public Open311 API
 * (/open311/v1) and /health, over one SQLite store.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { STAFF_API_PREFIX } from '../shared/api/sync-protocol.js';
import { CentralStore } from './store/central-store.js';
import { errorBody, HttpError } from './http/errors.js';
import { staffRoutes } from './staff/routes.js';
import { EventHub } from './staff/events.js';
import { publicSide } from './public-side.js';
import { seedDemo } from './seed/demo.js';

export interface CentralOptions {
  /** 0 = an ephemeral port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of central.sqlite; created when missing. */
  dataDir: string;
  /** 'demo' seeds a new database with the demo data (kept on later starts). Default 'none'. */
  seed?: 'demo' | 'none';
  /** pino level: fatal, error, warn, info (default), debug, trace, silent. */
  logLevel?: string;
  /** The server's clock (tests pass a fixed one). */
  now?: () => Date;
}

export interface RunningCentral {
  /** e.g. http://127.0.0.1:8311 */
  url: string;
  port: number;
  close(): Promise<void>;
  store: CentralStore;
}

/** Never write a token into a log line: the live-event stream carries it in the query. */
export function redactUrl(url: string): string {
  return url
    .replace(/([?&](?:token|api_key)=)[^&#]*/gi, '$1[redacted]')
    // A citizen's status link is a secret too (/status/{token}, /open311/v1/tokens/{token}).
    .replace(/(\/(?:status|tokens)\/)[^/?#]+/g, '$1[redacted]');
}

export function buildApp(store: CentralStore, opts: { logLevel?: string } = {}): { app: FastifyInstance; hub: EventHub } {
  const app = Fastify({
    logger: {
      level: opts.logLevel ?? 'info',
      // Request log lines carry method and url only: no headers, no bodies, so no passwords or tokens.
      serializers: {
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      },
    },
    forceCloseConnections: true,
    bodyLimit: 1024 * 1024,
  });
  const hub = new EventHub(store);

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpError) return reply.status(error.statusCode).send(errorBody(error.code, error.message));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type, body too large.
      const code =
        error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'body_too_large'
            : 'invalid_request';
      return reply.status(status).send(errorBody(code, error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('internal_error', 'the server could not complete the request; try again'));
  });
  app.setNotFoundHandler((request, reply) => reply.status(404).send(errorBody('not_found', `no route ${request.method} ${redactUrl(request.url.split('?')[0])}`)));

  app.get('/health', async () => ({ ok: true }));
  app.register(staffRoutes(store, hub), { prefix: STAFF_API_PREFIX });
  // Open311 under /open311/v1, the citizen status page, and the mail worker's lifecycle.
  app.register(publicSide(store));
  return { app, hub };
}

export async function startCentral(opts: CentralOptions): Promise<RunningCentral> {
  const now = opts.now ?? (() => new Date());
  const store = new CentralStore(opts.dataDir, now);
  let app: FastifyInstance | undefined;
  let hub: EventHub | undefined;
  try {
    ({ app, hub } = buildApp(store, { logLevel: opts.logLevel }));
    if (opts.seed === 'demo') {
      const report = await seedDemo(store, { now: now() });
      if (report.seeded) app.log.info(report, 'demo data seeded');
    }
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | null = null;
    const runningApp = app;
    const runningHub = hub;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      store,
      close: () =>
        (closing ??= (async () => {
          runningHub.close();
          await runningApp.close();
          store.close();
        })()),
    };
  } catch (err) {
    hub?.close();
    await app?.close().catch(() => undefined);
    store.close();
    throw err;
  }
}
