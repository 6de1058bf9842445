import type { FastifyInstance } from 'fastify';
import { LoginRequest, PullQuery, PushRequest, type LoginResponse } from '../../shared/api/sync-protocol.js';
import type { CentralStore } from '../store/central-store.js';
import { HttpError, parseOr400 } from '../http/errors.js';
import { publicBaseUrl } from '../http/public-base-url.js';
import { authenticate, requireOwnClient } from './auth.js';
import { pullPage } from './pull.js';
import { applyPush } from './push.js';
import type { EventHub } from './events.js';
import { LoginThrottle } from './login-throttle.js';
import { canSee } from '../../shared/workflow/index.js';
import { findMediaFile, sendMediaFile } from '../http/media-files.js';

/** The staff sync API (mounted under /staff/v1). */
export function staffRoutes(store: CentralStore, hub: EventHub, throttle = new LoginThrottle({ now: () => Date.parse(store.nowIso()) })) {
  return async function register(app: FastifyInstance): Promise<void> {
    app.post('/login', async (request, reply) => {
      const body = parseOr400(LoginRequest, request.body, 'login request');
      const wait = throttle.retryAfterSeconds(body.username, request.ip);
      if (wait > 0) {
        request.log.warn({ username: body.username, ip: request.ip, retryAfterSeconds: wait }, 'sign-in refused: too many failed attempts');
        reply.header('retry-after', String(wait));
        throw new HttpError(429, 'too_many_attempts', `too many failed sign-in attempts; try again in ${Math.ceil(wait / 60)} min`);
      }
      const staff = await store.checkCredentials(body.username, body.password);
      if (!staff) {
        throttle.failed(body.username, request.ip);
        request.log.warn({ username: body.username, ip: request.ip }, 'sign-in failed');
        throw new HttpError(401, 'bad_credentials', 'wrong username or password');
      }
      throttle.succeeded(body.username);
      store.bindClient(body.clientId, staff.id);
      const { token, expiresAt } = store.createSession(staff.id, body.clientId);
      request.log.info({ staffId: staff.id, clientId: body.clientId }, 'signed in');
      const response: LoginResponse = { token, expiresAt, staff };
      return reply.send(response);
    });

    app.post('/logout', async (request) => {
      const auth = authenticate(store, request);
      store.deleteSession(auth.token);
      return { ok: true };
    });

    app.get('/pull', async (request, reply) => {
      const auth = authenticate(store, request);
      const query = parseOr400(PullQuery, request.query, 'pull query');
      requireOwnClient(auth, query.clientId);
      const body = pullPage(store, auth, query);
      return reply.header('content-type', 'application/json; charset=utf-8').send(body);
    });

    app.post('/push', { bodyLimit: 32 * 1024 * 1024 }, async (request) => {
      const auth = authenticate(store, request);
      const body = parseOr400(PushRequest, request.body, 'push request');
      requireOwnClient(auth, body.clientId);
      return applyPush(store, auth, body, request.log, { publicBaseUrl: publicBaseUrl(app) });
    });

    // A photo or other file of an item this staff member may see (the public route serves published items' photos only).
    app.get('/media/:name', async (request, reply) => {
      const auth = authenticate(store, request);
      const file = findMediaFile(store, (request.params as { name: string }).name);
      if (!file || !canSee(auth.actor, file.item)) throw new HttpError(404, 'not_found', 'no such file, or not one you may see');
      // The desk keeps its own encrypted copy; no shared cache may keep one.
      return sendMediaFile(store, reply, file, 'private, no-store');
    });

    app.get('/events', async (request, reply) => {
      const auth = authenticate(store, request, { allowQueryToken: true });
      reply.hijack();
      hub.open(reply.raw, auth.actor, auth.token);
    });
  };
}
