import type { FastifyInstance } from 'fastify';
import {
  DepartmentSettings,
  LoginRequest,
  PresenceRequest,
  PullQuery,
  PushRequest,
  TemplateInput,
  type ItemPresence,
  type LoginResponse,
} from '../../shared/api/sync-protocol.js';
import { AnswerTemplate } from '../../shared/domain/reference.js';
import { unknownPlaceholders } from '../../shared/workflow/templates.js';
import type { CentralStore } from '../store/central-store.js';
import { HttpError, parseOr400 } from '../http/errors.js';
import { publicBaseUrl } from '../http/public-base-url.js';
import { authenticate, requireOwnClient, type Authenticated } from './auth.js';
import { pullPage } from './pull.js';
import { applyPush } from './push.js';
import type { EventHub } from './events.js';
import { LoginThrottle } from './login-throttle.js';
import { canSee } from '../../shared/workflow/index.js';
import { visibilityOf } from '../store/central-store.js';
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
      hub.setPresence(auth.clientId, auth.actor, null, false);
      return { ok: true };
    });

    // Who else has an item open (Zammad's presence): the desk says where its user is; the answer
    // lists the others on that item. Nothing is stored; changes reach other desks as live events.
    app.post('/presence', async (request) => {
      const auth = authenticate(store, request);
      const body = parseOr400(PresenceRequest, request.body, 'presence');
      requireOwnClient(auth, body.clientId);
      if (body.itemId !== null) {
        const row = store.getItemRow(body.itemId);
        if (!row || !canSee(auth.actor, visibilityOf(row))) throw new HttpError(404, 'not_found', 'no such item, or not one you may see');
      }
      const response: ItemPresence = { itemId: body.itemId, people: hub.setPresence(body.clientId, auth.actor, body.itemId, body.editing) };
      return response;
    });

    // Text modules and department settings: reference data an administrator keeps (online; desks
    // receive it with every pull and use it offline).
    app.put('/templates/:id', async (request) => {
      const auth = requireAdmin(authenticate(store, request));
      const id = (request.params as { id: string }).id;
      const input = parseOr400(TemplateInput, request.body, 'text module');
      const unknown = unknownPlaceholders(`${input.title}\n${input.text}`);
      if (unknown.length > 0) throw new HttpError(400, 'unknown_placeholder', `unknown placeholder(s): ${unknown.map((p) => `{{${p}}}`).join(', ')}`);
      if (input.departmentId !== null && !store.getDepartment(input.departmentId)) throw new HttpError(400, 'invalid_request', `no department ${input.departmentId}`);
      const template = parseOr400(AnswerTemplate, { ...input, id, updatedAt: store.nowIso(), updatedBy: auth.staff.id }, 'text module');
      return store.putTemplate(template);
    });

    app.delete('/templates/:id', async (request) => {
      requireAdmin(authenticate(store, request));
      if (!store.deleteTemplate((request.params as { id: string }).id)) throw new HttpError(404, 'not_found', 'no such text module');
      return { ok: true };
    });

    app.put('/departments/:id/settings', async (request) => {
      requireAdmin(authenticate(store, request));
      const settings = parseOr400(DepartmentSettings, request.body, 'department settings');
      const department = store.setDepartmentSettings((request.params as { id: string }).id, settings);
      if (!department) throw new HttpError(404, 'not_found', 'no such department');
      return department;
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
      hub.open(reply.raw, auth.actor, auth.token, auth.clientId);
    });
  };
}

function requireAdmin(auth: Authenticated): Authenticated {
  if (auth.actor.role !== 'admin') throw new HttpError(403, 'forbidden', 'only an administrator may change reference data');
  return auth;
}
