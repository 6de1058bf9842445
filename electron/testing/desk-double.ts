/**
 * A small in-memory DeskApi for transport tests (IPC, HTTP): records calls, answers with
 * schema-valid values, and lets a test push events. Not a model of the desk core.
 */
import { DeskError, deskMethods, type DeskApi, type DeskEvent, type DeskMethodName, type Session, type SyncStatus } from '../../shared/api/index.js';

export const DEMO_SESSION: Session = {
  staff: { id: 'staff-neuvonta', username: 'neuvonta', displayName: 'Neuvonta Demo', role: 'clerk', departmentId: null },
  centralUrl: 'http://127.0.0.1:8311',
};

export const IDLE_STATUS: SyncStatus = {
  phase: 'idle',
  online: true,
  lastSyncAt: '2026-11-27T20:00:00.000Z',
  progress: null,
  pendingCount: 0,
  oldestPendingAt: null,
  rejectedCount: 0,
  lastError: null,
  centralUrl: 'http://127.0.0.1:8311',
};

export type DeskDouble = DeskApi & {
  calls: Array<{ method: string; args: unknown }>;
  emit(event: DeskEvent): void;
  listenerCount(): number;
};

export function createDeskDouble(): DeskDouble {
  const calls: Array<{ method: string; args: unknown }> = [];
  const listeners = new Set<(e: DeskEvent) => void>();
  let session: Session | null = null;
  const record = (method: string, args: unknown) => calls.push({ method, args });
  // Methods the transports do not need to exercise answer with a clear error, so the double keeps
  // compiling when the contract grows.
  const rest = Object.fromEntries(
    (Object.keys(deskMethods) as DeskMethodName[]).map((m) => [
      m,
      async (args: unknown) => {
        record(m, args);
        throw new DeskError('not_found', `${m} is not implemented by the test double`);
      },
    ]),
  ) as unknown as DeskApi;
  return {
    ...rest,
    calls,
    emit: (e) => listeners.forEach((l) => l(e)),
    listenerCount: () => listeners.size,
    async signIn(args) {
      record('signIn', args);
      if (args.password !== 'demo') throw new DeskError('bad_credentials', 'wrong username or password');
      session = { ...DEMO_SESSION, staff: { ...DEMO_SESSION.staff, username: args.username } };
      return session;
    },
    async signOut(args) {
      record('signOut', args);
      session = null;
      return { ok: true as const };
    },
    async whoAmI(args) {
      record('whoAmI', args);
      return session;
    },
    async listInbox(args) {
      record('listInbox', args);
      return { items: [], total: 0 };
    },
    async getItem(args) {
      record('getItem', args);
      if (args.id === 'explode') throw new Error('disk on fire at /secret/path');
      return null;
    },
    async getReference(args) {
      record('getReference', args);
      return { departments: [], services: [], staff: [], templates: [] };
    },
    async syncStatus(args) {
      record('syncStatus', args);
      return IDLE_STATUS;
    },
    async syncNow(args) {
      record('syncNow', args);
      return IDLE_STATUS;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
