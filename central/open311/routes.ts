import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CentralStore } from '../store/central-store.js';
import { parseLocale, requestToOpen311, serviceToOpen311 } from './format.js';

/** Open311 errors are an array of {code, description}, with the HTTP status as code (GeoReport v2). */
export class Open311Error extends Error {
  constructor(
    readonly statusCode: number,
    readonly description: string,
  ) {
    super(description);
  }
}

function sendOpen311Error(reply: FastifyReply, status: number, description: string) {
  return reply.status(status).send([{ code: status, description }]);
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const RequestsQuery = z.object({
  service_request_id: z.string().max(10_000).optional(),
  service_code: z.string().max(2_000).optional(),
  status: z.string().max(20).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  extensions: z.enum(['true', 'false']).optional(),
  locale: z.string().max(10).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  page_size: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * Open311 GeoReport v2, the start: services and published requests in JSON. The complete public
 * API (XML, POST, tokens, every filter) is issue 3.
 */
export function open311Routes(store: CentralStore) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      if (error instanceof Open311Error) return sendOpen311Error(reply, error.statusCode, error.description);
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'open311 request failed');
      return sendOpen311Error(reply, status, status === 500 ? 'internal error' : error.message);
    });
    app.setNotFoundHandler((request, reply) => sendOpen311Error(reply, 404, `no such method: ${request.method} ${request.url.split('?')[0]}`));

    app.get('/services.json', async (request) => {
      const locale = parseLocale((request.query as Record<string, unknown>).locale);
      return store.listServices().map((s) => serviceToOpen311(s, locale));
    });

    app.get('/requests.json', async (request) => {
      const parsed = RequestsQuery.safeParse(request.query);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Open311Error(400, `invalid ${issue.path.join('.') || 'query'}: ${issue.message}`);
      }
      const q = parsed.data;
      const locale = parseLocale(q.locale);
      const ids = new Set(list(q.service_request_id));
      const codes = new Set(list(q.service_code));
      const statuses = new Set(list(q.status));
      for (const s of statuses) if (s !== 'open' && s !== 'closed') throw new Open311Error(400, `invalid status: ${s} (open or closed)`);
      const start = q.start_date ? Date.parse(q.start_date) : null;
      const end = q.end_date ? Date.parse(q.end_date) : null;
      const services = new Map(store.listServices().map((s) => [s.code, s]));
      const departments = new Map(store.listDepartments().map((d) => [d.id, d]));
      const ctx = { locale, extensions: q.extensions === 'true', services, departments };

      const out = [];
      let skip = (q.page - 1) * q.page_size;
      for (const item of store.listPublished({ limit: 1_000_000, offset: 0 })) {
        const r = requestToOpen311(item, ctx);
        // A list of ids overrides every other filter (GeoReport v2).
        if (ids.size > 0) {
          if (!ids.has(r.service_request_id)) continue;
        } else {
          if (codes.size > 0 && !codes.has(r.service_code ?? '')) continue;
          if (statuses.size > 0 && !statuses.has(r.status)) continue;
          const t = Date.parse(r.requested_datetime);
          if (start !== null && t < start) continue;
          if (end !== null && t > end) continue;
        }
        if (skip > 0) {
          skip--;
          continue;
        }
        out.push(r);
        if (out.length >= q.page_size) break;
      }
      return out;
    });
  };
}
