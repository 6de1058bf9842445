/**
 * Open311 GeoReport v2 as Helsinki runs it, under /open311/v1: discovery, services, service
 * definitions, POST and GET requests, a single request, tokens, and uploaded media. Every method
 * answers JSON or XML by extension, errors as the spec's {code, description} arrays.
 */
import { dirname } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { Channel, Language } from '../../shared/domain/index.js';
import { publicBaseUrl } from '../http/public-base-url.js';
import type { CentralStore } from '../store/central-store.js';
import { citizenMessages } from '../mail/citizen-messages.js';
import { itemIdForStatusToken } from '../mail/status-tokens.js';
import { badRequest, forbidden, notFound, Open311Error } from './format/errors.js';
import { isPublic, publicRequest, type PublicContext } from './format/public-request.js';
import { discoveryDocument, publicService, serviceDefinition } from './format/services.js';
import { FORM_BODY_LIMIT, parseUrlEncoded, readMultipart, type FormFields, type UploadedMedia } from './forms.js';
import { open311ErrorHandler, sendList, sendSingle, splitFormat, type Format } from './http.js';
import { createRequest } from './create-request.js';
import { findMediaFile, sendMediaFile } from '../http/media-files.js';
import { isStoredPhotoName } from '../../shared/domain/attachments.js';
import { findByServiceRequestId, findRequests, registerGeoFunctions } from './queries.js';
import { parseRequestFilters } from './validate/get-filters.js';
import { localeLanguage, parsePostRequest } from './validate/post-request.js';
import { single } from './validate/text-rules.js';

export interface Open311Options {
  /** Told after a request queued mail, so it goes out at once. */
  onMailQueued?: () => void;
  /** Absolute public address of this server (acknowledgement links, media URLs); else from the request. */
  publicBaseUrl?: string;
  /** POSTs allowed per window: per client IP and per api_key. */
  postLimitPerIp?: number;
  postLimitPerKey?: number;
  rateWindowMs?: number;
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export function open311Routes(store: CentralStore, opts: Open311Options = {}) {
  const dataDir = dirname(store.db.name);
  const perIp = opts.postLimitPerIp ?? envInt('OPEN311_POST_LIMIT_PER_IP', 30);
  const perKey = opts.postLimitPerKey ?? envInt('OPEN311_POST_LIMIT_PER_KEY', 600);
  const windowMs = opts.rateWindowMs ?? envInt('OPEN311_RATE_WINDOW_MS', 60_000);

  return async function register(app: FastifyInstance): Promise<void> {
    registerGeoFunctions(store.db);
    app.setErrorHandler(open311ErrorHandler);
    // Public, credential-free data: web clients (the service map, hel.fi pages) read it from any origin.
    app.addHook('onSend', async (_request, reply, payload) => {
      reply.header('access-control-allow-origin', '*');
      reply.header('x-content-type-options', 'nosniff');
      return payload;
    });
    app.setNotFoundHandler((request, reply) => open311ErrorHandler(notFound(`no such resource: ${request.method} ${request.url.split('?')[0]}`), request, reply));

    // Our own form parser: strict UTF-8 instead of silently replacing bad bytes.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      try {
        done(null, parseUrlEncoded(body as Buffer));
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    await app.register(multipart, { throwFileSizeLimit: true });
    await app.register(rateLimit, { global: false });
    const ipLimit = app.createRateLimit({ max: perIp, timeWindow: windowMs, keyGenerator: (req) => `ip:${req.ip}` });
    const apiKeys = new WeakMap<FastifyRequest, string>();
    const keyLimit = app.createRateLimit({ max: perKey, timeWindow: windowMs, keyGenerator: (req) => `key:${apiKeys.get(req) ?? ''}` });

    const baseUrl = (_request: FastifyRequest) => publicBaseUrl(app, opts.publicBaseUrl ?? process.env.PUBLIC_BASE_URL);
    const context = (request: FastifyRequest, locale: Language | null, extensions: boolean): PublicContext => ({
      services: new Map(store.listServices().map((s) => [s.code, s])),
      departments: new Map(store.listDepartments().map((d) => [d.id, d])),
      staffDepartments: new Map(store.listStaff().map((s) => [s.id, s.departmentId])),
      locale: locale ?? 'fi',
      extensions,
      mediaBase: `${baseUrl(request)}/open311/v1`,
    });
    const queryLocale = (request: FastifyRequest) => localeLanguage(single((request.query as Record<string, unknown>).locale) as string | undefined);
    const formatOf = (ext: string): Format => (ext === 'xml' ? 'xml' : 'json');

    for (const ext of ['json', 'xml'] as const) {
      const format = formatOf(ext);

      app.get(`/discovery.${ext}`, async (request, reply) =>
        sendSingle(
          reply,
          format,
          'discovery',
          discoveryDocument({
            baseUrl: baseUrl(request),
            changeset: '2026-11-27T00:00:00Z',
            contact: 'Helsingin kaupunki, palautepalvelu: helsinki.palaute@hel.fi',
            keyService: 'Api keys are given by the City of Helsinki feedback service on request.',
          }),
        ),
      );

      app.get(`/services.${ext}`, async (request, reply) => {
        const locale = queryLocale(request) ?? 'fi';
        return sendList(reply, format, 'services', 'service', store.listServices().map((s) => publicService(s, locale)));
      });

      app.get(`/requests.${ext}`, async (request, reply) => {
        const parsed = parseRequestFilters(request.query as Record<string, unknown>, new Date(store.nowIso()));
        if (!parsed.ok) throw badRequest(parsed.errors);
        const ctx = context(request, parsed.value.locale, parsed.value.extensions);
        const items = findRequests(store.db, parsed.value);
        return sendList(reply, format, 'service_requests', 'request', items.map((i) => publicRequest(i, ctx)));
      });

      // The address limit is checked before the body is read, so a flood costs little.
      const onRequest = async (request: FastifyRequest, reply: FastifyReply) => {
        const ipCheck = await ipLimit(request);
        if (!ipCheck.isAllowed && ipCheck.isExceeded) {
          reply.header('retry-after', String(Math.max(1, ipCheck.ttlInSeconds)));
          throw new Open311Error(429, 'too many requests from this address; try again later');
        }
      };
      app.post(`/requests.${ext}`, { bodyLimit: FORM_BODY_LIMIT, onRequest }, async (request, reply) => {
        let fields: FormFields;
        let media: UploadedMedia[] = [];
        if (request.isMultipart()) ({ fields, media } = await readMultipart(request));
        else if (/^application\/x-www-form-urlencoded/i.test(request.headers['content-type'] ?? '') && request.body && typeof request.body === 'object') fields = request.body as FormFields;
        else throw badRequest('send the request as application/x-www-form-urlencoded or multipart/form-data');

        const query = request.query as Record<string, unknown>;
        const apiKey = (single(fields.api_key) ?? single(query.api_key)) as string | undefined;
        const channel: Channel | null = typeof apiKey === 'string' && apiKey.length <= 200 ? store.channelForApiKey(apiKey) : null;
        if (!channel) throw forbidden(apiKey ? 'invalid api_key' : 'api_key is required');
        apiKeys.set(request, apiKey as string);
        const keyCheck = await keyLimit(request);
        if (!keyCheck.isAllowed && keyCheck.isExceeded) {
          reply.header('retry-after', String(Math.max(1, keyCheck.ttlInSeconds)));
          throw new Open311Error(429, 'too many requests with this api_key; try again later');
        }

        const parsed = parsePostRequest(fields);
        if (!parsed.ok) throw badRequest(parsed.errors);
        const service = store.getService(parsed.value.serviceCode);
        if (!service) throw badRequest(`service_code: unknown service ${parsed.value.serviceCode}`);

        const created = createRequest(store, { request: parsed.value, service, channel, senderIp: request.ip, media, dataDir, publicBaseUrl: baseUrl(request) });
        if (created.acknowledgementQueued) opts.onMailQueued?.();
        const notice = citizenMessages[created.item.language].serviceNotice;
        return sendList(reply, format, 'service_requests', 'request', [{ service_request_id: created.item.serviceRequestId, service_notice: notice }]);
      });
    }

    app.get('/services/:file', async (request, reply) => {
      const { name, format } = splitFormat((request.params as { file: string }).file);
      const service = store.getService(name);
      if (!service) throw notFound(`no service with service_code ${name}`);
      return sendSingle(reply, format, 'service_definition', serviceDefinition(service));
    });

    app.get('/requests/:file', async (request, reply) => {
      const { name, format } = splitFormat((request.params as { file: string }).file);
      const query = request.query as Record<string, unknown>;
      const item = /^[a-z0-9]{1,64}$/.test(name) ? findByServiceRequestId(store.db, name) : null;
      if (!item) throw notFound(`no service request ${name}`);
      const ext = single(query.extensions);
      const ctx = context(request, queryLocale(request), ext === 'true');
      return sendList(reply, format, 'service_requests', 'request', [publicRequest(item, ctx)]);
    });

    app.get('/tokens/:file', async (request, reply) => {
      const { name, format } = splitFormat((request.params as { file: string }).file);
      const itemId = itemIdForStatusToken(store.db, name);
      const item = itemId ? store.getItem(itemId) : null;
      if (!item) throw notFound('no such token');
      return sendList(reply, format, 'service_requests', 'request', [{ service_request_id: item.serviceRequestId, token: name }]);
    });

    // Photos of public items only; an unpublished item's photo is as private as its text.
    app.get('/media/:name', async (request, reply) => {
      const file = findMediaFile(store, (request.params as { name: string }).name);
      if (!file || !isStoredPhotoName(file.name) || !isPublic(file.item)) throw notFound('no such file');
      return sendMediaFile(store, reply, file, 'public, max-age=3600');
    });

  };
}
