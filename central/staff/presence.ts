/**
 * Who has an item open right now, and who is editing its answer draft (Zammad's presence avatars).
 * Kept per desk installation (clientId) in this process's memory: it is ephemeral by nature, an
 * entry lives while its desk's live-event stream is connected and is refreshed, and it is never
 * written to the database.
 */
import type { Staff } from '../../shared/domain/index.js';

export const PRESENCE_TTL_MS = 45_000;

export interface PresenceEntry {
  clientId: string;
  staffId: string;
  displayName: string;
  itemId: string;
  editing: boolean;
  at: number;
}

export interface PresencePerson {
  staffId: string;
  displayName: string;
  editing: boolean;
}

export class PresenceHub {
  private readonly byClient = new Map<string, PresenceEntry>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = PRESENCE_TTL_MS,
  ) {}

  /** Set (or clear, itemId null) a desk's presence. Returns the items whose list of people changed. */
  set(clientId: string, staff: Pick<Staff, 'id' | 'displayName'>, itemId: string | null, editing: boolean): string[] {
    const before = this.byClient.get(clientId);
    const changed = new Set<string>();
    if (itemId === null) {
      if (before) {
        this.byClient.delete(clientId);
        changed.add(before.itemId);
      }
      return [...changed];
    }
    this.byClient.set(clientId, { clientId, staffId: staff.id, displayName: staff.displayName, itemId, editing, at: this.now() });
    if (!before || before.itemId !== itemId || before.editing !== editing || before.staffId !== staff.id) {
      if (before) changed.add(before.itemId);
      changed.add(itemId);
    }
    return [...changed];
  }

  /** A desk went away (its live-event stream closed, it signed out). */
  drop(clientId: string): string[] {
    return this.set(clientId, { id: '', displayName: '' }, null, false);
  }

  /** Forget entries not refreshed within the TTL (a desk that crashed or lost its network). */
  sweep(): string[] {
    const limit = this.now() - this.ttlMs;
    const changed: string[] = [];
    for (const [clientId, e] of this.byClient) {
      if (e.at < limit) {
        this.byClient.delete(clientId);
        changed.push(e.itemId);
      }
    }
    return changed;
  }

  /** The people on an item, one entry per person (editing wins over viewing), without the asking desk. */
  people(itemId: string, exceptClientId: string | null = null): PresencePerson[] {
    const limit = this.now() - this.ttlMs;
    const byStaff = new Map<string, PresencePerson>();
    for (const e of this.byClient.values()) {
      if (e.itemId !== itemId || e.clientId === exceptClientId || e.at < limit) continue;
      const seen = byStaff.get(e.staffId);
      byStaff.set(e.staffId, { staffId: e.staffId, displayName: e.displayName, editing: e.editing || (seen?.editing ?? false) });
    }
    return [...byStaff.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
}
