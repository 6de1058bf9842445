import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/workflow/index.js';
import type { Staff } from '../../shared/domain/index.js';
import type { CentralStore, SessionInfo } from '../store/central-store.js';
import { HttpError } from '../http/errors.js';

export interface Authenticated extends SessionInfo {
  token: string;
  actor: Actor;
}

export function actorOf(staff: Staff): Actor {
  return { id: staff.id, role: staff.role, departmentId: staff.departmentId, displayName: staff.displayName };
}

function bearerToken(request: FastifyRequest, allowQueryToken: boolean): string | null {
  const header = request.headers.authorization;
  if (typeof header === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m) return m[1];
  }
  // EventSource cannot set headers, so the live-event stream also accepts ?token=.
  if (allowQueryToken) {
    const q = (request.query as Record<string, unknown> | undefined)?.token;
    if (typeof q === 'string' && q.length > 0) return q;
  }
  return null;
}

/** The signed-in staff member of this request, or a 401 `unauthorized`. */
export function authenticate(store: CentralStore, request: FastifyRequest, opts: { allowQueryToken?: boolean } = {}): Authenticated {
  const token = bearerToken(request, opts.allowQueryToken ?? false);
  if (!token) throw new HttpError(401, 'unauthorized', 'sign in first: missing bearer token');
  const session = store.session(token);
  if (!session) throw new HttpError(401, 'unauthorized', 'the session has expired or was signed out; sign in again');
  return { ...session, token, actor: actorOf(session.staff) };
}

/** A token is issued to one desk installation; its pulls and pushes must name that installation. */
export function requireOwnClient(auth: Authenticated, clientId: string): void {
  if (auth.clientId !== clientId) throw new HttpError(403, 'client_mismatch', 'this session was issued to another clientId');
}
