import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { AnswerTemplate, Department, FeedbackItem, Service, Staff, type Channel, type Reference, type Role } from '../../shared/domain/index.js';
import type { MutationResult } from '../../shared/api/sync-protocol.js';
import { visibilityGrants, type VisibilityFields } from '../../shared/workflow/permissions.js';
import { referenceDirectory, type Directory } from '../../shared/mutations/define.js';
import { openDatabase, type Db } from './db.js';
import { hashPassword, newToken, sha256, verifyPassword } from './passwords.js';

export const SESSION_HOURS = 12;

/** One changed item, as seen by whoever wants to tell clients about it (the live-event hub). */
export interface ItemChange {
  id: string;
  seq: number;
  before: VisibilityFields | null;
  after: VisibilityFields;
}

/** The indexed columns of an item row: enough for visibility and paging, without parsing json. */
export interface ItemRow {
  id: string;
  seq: number;
  department_id: string | null;
  assignee_id: string | null;
  restricted_by: string | null;
  is_restricted: number;
  /** visibilityGrants as a JSON array, '' for none. */
  grants: string;
}

const ROW_COLUMNS = 'id, seq, department_id, assignee_id, restricted_by, is_restricted, grants';

export interface StaffRecord extends Staff {
  passwordHash: string;
  active: boolean;
}

export interface SessionInfo {
  staff: Staff;
  clientId: string;
  expiresAt: string;
}

export interface ClientRecord {
  clientId: string;
  staffId: string;
  lastMutationId: number;
  pullNextCookie: number | null;
  /** The cookie the current paged pull started from (what the desk's cache reflects). */
  pullStartCookie: number | null;
}

export interface NewStaff {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  password: string;
}

/** The fields canSee needs, rebuilt from the indexed columns. Reason and time do not matter to it. */
export function visibilityOf(row: Pick<ItemRow, 'department_id' | 'assignee_id' | 'restricted_by' | 'is_restricted' | 'grants'>): VisibilityFields {
  return {
    departmentId: row.department_id,
    assigneeId: row.assignee_id,
    restricted: row.is_restricted ? { reason: 'restricted', by: row.restricted_by, at: new Date(0).toISOString() } : null,
    grants: row.grants ? (JSON.parse(row.grants) as string[]) : [],
  };
}

function visibilityOfItem(item: FeedbackItem): VisibilityFields {
  return { departmentId: item.departmentId, assigneeId: item.assigneeId, restricted: item.restricted, grants: visibilityGrants(item) };
}

function grantsColumn(item: FeedbackItem): string {
  const grants = visibilityGrants(item);
  return grants.length > 0 ? JSON.stringify(grants) : '';
}

function parseItemJson(json: string, id: string): FeedbackItem {
  const parsed = FeedbackItem.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`stored item ${id} does not match the FeedbackItem schema: ${parsed.error.message}`);
  return parsed.data;
}

/**
 * The central server's only access to its SQLite file. Every item write goes through here, which
 * validates the item, keeps the indexed columns in step with the JSON and takes the next value of
 * the global change counter.
 */
export class CentralStore {
  readonly db: Db;
  readonly created: boolean;
  private readonly now: () => Date;
  private readonly listeners = new Set<(changes: ItemChange[]) => void>();
  private readonly referenceListeners = new Set<() => void>();
  private pending: ItemChange[] = [];
  private readonly stmt: Record<string, Statement>;
  // Built once: better-sqlite3 prepares BEGIN/COMMIT statements for every transaction() wrapper.
  private readonly runInTransaction: (fn: () => unknown) => unknown;

  constructor(dataDir: string, now: () => Date = () => new Date()) {
    const { db, created } = openDatabase(dataDir);
    this.db = db;
    this.created = created;
    this.now = now;
    this.runInTransaction = db.transaction((fn: () => unknown) => fn());
    this.stmt = {
      getCounter: db.prepare("SELECT value FROM meta WHERE key = 'change_counter'"),
      bumpCounter: db.prepare(
        "INSERT INTO meta (key, value) VALUES ('change_counter', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING value",
      ),
      changedSince: db.prepare(`SELECT ${ROW_COLUMNS}, json FROM items WHERE seq > ? ORDER BY seq`),
      changedRowsSince: db.prepare(`SELECT ${ROW_COLUMNS} FROM items WHERE seq > ?`),
      getItem: db.prepare('SELECT id, json FROM items WHERE id = ?'),
      logVisibility: db.prepare(
        'INSERT INTO item_visibility_log (item_id, seq, existed, department_id, assignee_id, restricted_by, is_restricted, grants) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      statesSince: db.prepare(
        'SELECT existed, department_id, assignee_id, restricted_by, is_restricted, grants FROM item_visibility_log WHERE item_id = ? AND seq > ? ORDER BY seq',
      ),
      anyLogSince: db.prepare('SELECT 1 FROM item_visibility_log WHERE item_id = ? AND seq > ? LIMIT 1'),
      itemHead: db.prepare(`SELECT ${ROW_COLUMNS}, service_request_id, version FROM items WHERE id = ?`),
      getItemRow: db.prepare(`SELECT ${ROW_COLUMNS} FROM items WHERE id = ?`),
      upsertItem: db.prepare(`INSERT INTO items (id, service_request_id, json, department_id, assignee_id, restricted_by, is_restricted, published,
          status, service_code, received_at, updated_at, seq, sender_ip, version, grants)
        VALUES (@id, @serviceRequestId, @json, @departmentId, @assigneeId, @restrictedBy, @isRestricted, @published,
          @status, @serviceCode, @receivedAt, @updatedAt, @seq, @senderIp, @version, @grants)
        ON CONFLICT(id) DO UPDATE SET json = excluded.json, department_id = excluded.department_id, assignee_id = excluded.assignee_id,
          restricted_by = excluded.restricted_by, is_restricted = excluded.is_restricted, published = excluded.published,
          status = excluded.status, service_code = excluded.service_code, updated_at = excluded.updated_at, seq = excluded.seq,
          version = excluded.version, grants = excluded.grants`),
      staffByUsername: db.prepare('SELECT * FROM staff WHERE username = ?'),
      staffById: db.prepare('SELECT * FROM staff WHERE id = ?'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, staff_id, client_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)'),
      sessionByHash: db.prepare('SELECT staff_id, client_id, expires_at FROM sessions WHERE token_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      deleteExpiredSessions: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      getClient: db.prepare('SELECT client_id, staff_id, last_mutation_id, pull_next_cookie, pull_start_cookie FROM clients WHERE client_id = ?'),
      insertClient: db.prepare('INSERT INTO clients (client_id, staff_id, last_mutation_id, pull_next_cookie, created_at, last_seen_at) VALUES (?, ?, 0, NULL, ?, ?)'),
      resetClient: db.prepare('UPDATE clients SET staff_id = ?, last_mutation_id = 0, pull_next_cookie = NULL, pull_start_cookie = NULL, last_seen_at = ? WHERE client_id = ?'),
      deleteClientResults: db.prepare('DELETE FROM mutation_results WHERE client_id = ?'),
      setLastMutationId: db.prepare('UPDATE clients SET last_mutation_id = ?, last_seen_at = ? WHERE client_id = ?'),
      setPullCookies: db.prepare('UPDATE clients SET pull_next_cookie = ?, pull_start_cookie = ?, last_seen_at = ? WHERE client_id = ?'),
      insertResult: db.prepare('INSERT INTO mutation_results (client_id, mutation_id, name, error_json, at, seq) VALUES (?, ?, ?, ?, ?, ?)'),
      resultsBetween: db.prepare('SELECT client_id, mutation_id, name, error_json, at FROM mutation_results WHERE client_id = ? AND seq > ? AND seq <= ? ORDER BY mutation_id'),
      apiKey: db.prepare('SELECT channel FROM api_keys WHERE key_hash = ?'),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Run fn in one SQLite transaction. Change listeners hear about item writes only after the
   * commit, so nobody is poked about a change that was rolled back.
   */
  transaction<T>(fn: () => T): T {
    // Inside an open transaction, run inline: the outer one commits or rolls back everything.
    if (this.db.inTransaction) return fn();
    try {
      const result = this.runInTransaction(fn) as T;
      this.flushChanges();
      return result;
    } catch (err) {
      this.pending = [];
      throw err;
    }
  }

  onItemsChanged(listener: (changes: ItemChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flushChanges(): void {
    const changes = this.pending;
    this.pending = [];
    if (changes.length === 0) return;
    for (const listener of this.listeners) listener(changes);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  // ---- change counter -------------------------------------------------------------------------

  changeCounter(): number {
    const row = this.stmt.getCounter.get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  /** Take the next value of the global change counter (call inside a transaction). */
  nextSeq(): number {
    return Number((this.stmt.bumpCounter.get() as { value: string }).value);
  }

  // ---- reference data ---------------------------------------------------------------------------

  putDepartment(department: Department, sort = 0): void {
    const d = Department.parse(department);
    this.db.prepare('INSERT INTO departments (id, json, sort) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json, sort = excluded.sort').run(d.id, JSON.stringify(d), sort);
    this.bumpReferenceVersion();
  }

  putService(service: Service, sort = 0): void {
    const s = Service.parse(service);
    this.db.prepare('INSERT INTO services (code, json, sort) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET json = excluded.json, sort = excluded.sort').run(s.code, JSON.stringify(s), sort);
    this.bumpReferenceVersion();
  }

  listDepartments(): Department[] {
    return (this.db.prepare('SELECT json FROM departments ORDER BY sort, id').all() as { json: string }[]).map((r) => Department.parse(JSON.parse(r.json)));
  }

  listServices(): Service[] {
    return (this.db.prepare('SELECT json FROM services ORDER BY sort, code').all() as { json: string }[]).map((r) => Service.parse(JSON.parse(r.json)));
  }

  getService(code: string): Service | null {
    const row = this.db.prepare('SELECT json FROM services WHERE code = ?').get(code) as { json: string } | undefined;
    return row ? Service.parse(JSON.parse(row.json)) : null;
  }

  listStaff(): Staff[] {
    return (this.db.prepare('SELECT * FROM staff WHERE active = 1 ORDER BY username').all() as StaffDbRow[]).map(staffFromRow);
  }

  reference(): Reference {
    return { departments: this.listDepartments(), services: this.listServices(), staff: this.listStaff(), templates: this.listTemplates() };
  }

  /** Colleagues and departments for mutations applied here (MutationContext.directory). */
  directory(): Directory {
    return referenceDirectory({ staff: this.listStaff(), departments: this.listDepartments() });
  }

  /** Told after a commit that changed reference data (templates, department settings), so desks can be poked. */
  onReferenceChanged(listener: () => void): () => void {
    this.referenceListeners.add(listener);
    return () => this.referenceListeners.delete(listener);
  }

  private referenceChanged(): void {
    for (const listener of this.referenceListeners) listener();
  }

  listTemplates(): AnswerTemplate[] {
    return (this.db.prepare('SELECT json FROM answer_templates ORDER BY id').all() as { json: string }[]).map((r) => AnswerTemplate.parse(JSON.parse(r.json)));
  }

  getTemplate(id: string): AnswerTemplate | null {
    const row = this.db.prepare('SELECT json FROM answer_templates WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? AnswerTemplate.parse(JSON.parse(row.json)) : null;
  }

  putTemplate(template: AnswerTemplate): AnswerTemplate {
    const t = AnswerTemplate.parse(template);
    this.transaction(() => {
      this.db.prepare('INSERT INTO answer_templates (id, json) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET json = excluded.json').run(t.id, JSON.stringify(t));
      this.bumpReferenceVersion();
    });
    this.referenceChanged();
    return t;
  }

  deleteTemplate(id: string): boolean {
    const removed = this.transaction(() => {
      const changes = this.db.prepare('DELETE FROM answer_templates WHERE id = ?').run(id).changes;
      if (changes > 0) this.bumpReferenceVersion();
      return changes > 0;
    });
    if (removed) this.referenceChanged();
    return removed;
  }

  getDepartment(id: string): Department | null {
    const row = this.db.prepare('SELECT json FROM departments WHERE id = ?').get(id) as { json: string } | undefined;
    return row ? Department.parse(JSON.parse(row.json)) : null;
  }

  /** A department's answering settings (P11: whether answers need another person's approval). */
  setDepartmentSettings(id: string, settings: { requiresApproval: boolean }): Department | null {
    const current = this.getDepartment(id);
    if (!current) return null;
    const next = Department.parse({ ...current, requiresApproval: settings.requiresApproval });
    this.transaction(() => {
      this.db.prepare('UPDATE departments SET json = ? WHERE id = ?').run(JSON.stringify(next), id);
      this.bumpReferenceVersion();
    });
    this.referenceChanged();
    return next;
  }

  /** Bumped whenever departments, services or staff change (kept for clients that cache reference). */
  referenceVersion(): number {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'reference_version'").get() as { value: string } | undefined;
    return row ? Number(row.value) : 0;
  }

  private bumpReferenceVersion(): void {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES ('reference_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")
      .run();
  }

  getMeta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- staff and sessions ----------------------------------------------------------------------

  async createStaff(s: NewStaff): Promise<Staff> {
    const { password, ...rest } = s;
    return this.insertStaff(rest, await hashPassword(password));
  }

  /** Insert a staff member whose password was already hashed (seeding hashes before its transaction). */
  insertStaff(s: Omit<NewStaff, 'password'>, passwordHash: string): Staff {
    const staff = Staff.parse({ id: s.id, username: s.username, displayName: s.displayName, role: s.role, departmentId: s.departmentId });
    this.db
      .prepare('INSERT INTO staff (id, username, display_name, role, department_id, password_hash, active) VALUES (?, ?, ?, ?, ?, ?, 1)')
      .run(staff.id, staff.username, staff.displayName, staff.role, staff.departmentId, passwordHash);
    this.bumpReferenceVersion();
    return staff;
  }

  getStaff(id: string): Staff | null {
    const row = this.stmt.staffById.get(id) as StaffDbRow | undefined;
    return row ? staffFromRow(row) : null;
  }

  /** The staff member when username and password match an active account, else null. */
  async checkCredentials(username: string, password: string): Promise<Staff | null> {
    const row = this.stmt.staffByUsername.get(username) as StaffDbRow | undefined;
    // Hash even for an unknown user so response time does not tell which usernames exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || !row.active) return null;
    return staffFromRow(row);
  }

  createSession(staffId: string, clientId: string): { token: string; expiresAt: string } {
    const token = newToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
    this.stmt.deleteExpiredSessions.run(now.toISOString());
    this.stmt.insertSession.run(sha256(token), staffId, clientId, now.toISOString(), expiresAt);
    return { token, expiresAt };
  }

  session(token: string): SessionInfo | null {
    const row = this.stmt.sessionByHash.get(sha256(token)) as { staff_id: string; client_id: string; expires_at: string } | undefined;
    if (!row || Date.parse(row.expires_at) <= this.now().getTime()) return null;
    const staffRow = this.stmt.staffById.get(row.staff_id) as StaffDbRow | undefined;
    if (!staffRow || !staffRow.active) return null;
    return { staff: staffFromRow(staffRow), clientId: row.client_id, expiresAt: row.expires_at };
  }

  deleteSession(token: string): void {
    this.stmt.deleteSession.run(sha256(token));
  }

  // ---- clients (desk installations) -------------------------------------------------------------

  getClient(clientId: string): ClientRecord | null {
    const row = this.stmt.getClient.get(clientId) as
      | { client_id: string; staff_id: string; last_mutation_id: number; pull_next_cookie: number | null; pull_start_cookie: number | null }
      | undefined;
    return row
      ? { clientId: row.client_id, staffId: row.staff_id, lastMutationId: row.last_mutation_id, pullNextCookie: row.pull_next_cookie, pullStartCookie: row.pull_start_cookie }
      : null;
  }

  /**
   * Make sure the client row exists and belongs to staffId. A clientId's mutation counter belongs
   * to one person: when someone else signs in on the same installation its count starts again at 0
   * (the desk clears its outbox for a different user), so new mutations are never mistaken for
   * already applied ones.
   */
  bindClient(clientId: string, staffId: string): ClientRecord {
    return this.transaction(() => {
      const now = this.nowIso();
      const existing = this.getClient(clientId);
      if (!existing) this.stmt.insertClient.run(clientId, staffId, now, now);
      else if (existing.staffId !== staffId) {
        this.stmt.resetClient.run(staffId, now, clientId);
        this.stmt.deleteClientResults.run(clientId);
      }
      return this.getClient(clientId)!;
    });
  }

  setLastMutationId(clientId: string, id: number): void {
    this.stmt.setLastMutationId.run(id, this.nowIso(), clientId);
  }

  /** Remember where a paged pull stands: the next page's cookie (null when done) and where it started. */
  setPullCookies(clientId: string, next: number | null, start: number | null): void {
    this.stmt.setPullCookies.run(next, start, this.nowIso(), clientId);
  }

  /**
   * Every state the item had after change sequence `afterSeq`, before each of its later changes:
   * what a desk whose cache reflects afterSeq can hold of it (its state then, or a state an earlier
   * page of the same pull delivered). Empty when the item did not exist or no change was logged.
   */
  statesSince(itemId: string, afterSeq: number): VisibilityFields[] {
    const rows = this.stmt.statesSince.all(itemId, afterSeq) as (Omit<ItemRow, 'id' | 'seq'> & { existed: number })[];
    return rows.filter((r) => r.existed).map(visibilityOf);
  }

  /** Whether any change of the item after afterSeq was logged (older databases predate the log). */
  hasLoggedChangeSince(itemId: string, afterSeq: number): boolean {
    return this.stmt.anyLogSince.get(itemId, afterSeq) !== undefined;
  }

  recordResult(result: MutationResult): void {
    const seq = this.nextSeq();
    this.stmt.insertResult.run(result.clientId, result.mutationId, result.name, JSON.stringify(result.error), result.at, seq);
  }

  /** Refusals of this client whose change sequence lies in (afterSeq, uptoSeq]. */
  resultsBetween(clientId: string, afterSeq: number, uptoSeq: number): MutationResult[] {
    const rows = this.stmt.resultsBetween.all(clientId, afterSeq, uptoSeq) as { client_id: string; mutation_id: number; name: string; error_json: string; at: string }[];
    return rows.map((r) => ({ clientId: r.client_id, mutationId: r.mutation_id, name: r.name, error: JSON.parse(r.error_json), at: r.at }));
  }

  // ---- items --------------------------------------------------------------------------------------

  getItem(id: string): FeedbackItem | null {
    const row = this.stmt.getItem.get(id) as { id: string; json: string } | undefined;
    return row ? parseItemJson(row.json, row.id) : null;
  }

  getItemRow(id: string): ItemRow | null {
    return (this.stmt.getItemRow.get(id) as ItemRow | undefined) ?? null;
  }

  getItemByServiceRequestId(serviceRequestId: string): FeedbackItem | null {
    const row = this.db.prepare('SELECT id, json FROM items WHERE service_request_id = ?').get(serviceRequestId) as { id: string; json: string } | undefined;
    return row ? parseItemJson(row.json, row.id) : null;
  }

  itemCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
  }

  /**
   * Insert a new item or store a changed one. The item is validated, takes the next change
   * sequence, and (for an existing item) the next version. Returns what was stored.
   */
  putItem(input: FeedbackItem, opts: { senderIp?: string | null; keepVersion?: boolean } = {}): FeedbackItem {
    return this.transaction(() => {
      const before = this.stmt.itemHead.get(input.id) as (ItemRow & { service_request_id: string; version: number }) | undefined;
      const version = opts.keepVersion || !before ? input.version : before.version + 1;
      const item = FeedbackItem.parse({ ...input, version });
      if (before && before.service_request_id !== item.serviceRequestId) {
        throw new Error(`item ${item.id}: serviceRequestId cannot change`);
      }
      const seq = this.nextSeq();
      this.stmt.logVisibility.run(
        item.id,
        seq,
        before ? 1 : 0,
        before?.department_id ?? null,
        before?.assignee_id ?? null,
        before?.restricted_by ?? null,
        before?.is_restricted ?? 0,
        before?.grants ?? '',
      );
      this.stmt.upsertItem.run({
        id: item.id,
        serviceRequestId: item.serviceRequestId,
        json: JSON.stringify(item),
        departmentId: item.departmentId,
        assigneeId: item.assigneeId,
        restrictedBy: item.restricted?.by ?? null,
        isRestricted: item.restricted ? 1 : 0,
        published: item.publication.state === 'published' && !item.restricted ? 1 : 0,
        status: item.status,
        serviceCode: item.serviceCode,
        receivedAt: item.receivedAt,
        updatedAt: item.updatedAt,
        seq,
        senderIp: opts.senderIp ?? null,
        version: item.version,
        grants: grantsColumn(item),
      });
      this.pending.push({ id: item.id, seq, before: before ? visibilityOf(before) : null, after: visibilityOfItem(item) });
      return item;
    });
  }

  /** Item rows changed after `afterSeq`, oldest change first. Iterate lazily: pull stops early. */
  *changedSince(afterSeq: number): Generator<ItemRow & { json: string }> {
    yield* this.stmt.changedSince.iterate(afterSeq) as IterableIterator<ItemRow & { json: string }>;
  }

  /** Indexed columns of every item changed after `afterSeq` (for counting what a user may see). */
  changedRowsSince(afterSeq: number): ItemRow[] {
    return this.stmt.changedRowsSince.all(afterSeq) as ItemRow[];
  }

  /** Published, unrestricted items for public output, newest first. */
  listPublished(opts: { limit: number; offset: number }): FeedbackItem[] {
    const rows = this.db
      .prepare('SELECT id, json FROM items WHERE published = 1 AND is_restricted = 0 ORDER BY received_at DESC, id LIMIT ? OFFSET ?')
      .all(opts.limit, opts.offset) as { id: string; json: string }[];
    return rows.map((r) => parseItemJson(r.json, r.id));
  }

  // ---- Open311 api keys -------------------------------------------------------------------------

  addApiKey(key: string, label: string, channel: Channel): void {
    this.db
      .prepare('INSERT INTO api_keys (key_hash, label, channel, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(key_hash) DO NOTHING')
      .run(sha256(key), label, channel, this.nowIso());
  }

  channelForApiKey(key: string): Channel | null {
    const row = this.stmt.apiKey.get(sha256(key)) as { channel: Channel } | undefined;
    return row?.channel ?? null;
  }

  newId(): string {
    return randomUUID();
  }
}

interface StaffDbRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  department_id: string | null;
  password_hash: string;
  active: number;
}

function staffFromRow(row: StaffDbRow): Staff {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, departmentId: row.department_id };
}

// A valid hash of a random password nobody knows, checked against when the username is unknown.
const DUMMY_HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$WyH0f1K8o0oV4WbqVZ4bqk6l2t5p0z4Qm9R3jYt8Q1M';
