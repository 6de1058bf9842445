/**
 * Full-text search over the desk cache: SQLite FTS5 over stems (finnish-stem.ts) of each item's
 * title, text, answers and comments, plus field filters (query.ts), newest first.
 *
 * Kept in step without touching the store's write path: triggers on `items` (migration 3) queue
 * every written or deleted id in `search_queue`, and `catchUp` indexes the queue in small batches
 * (the desk core runs it in the background, and a search first indexes a short queue at once so
 * a change just made is findable). The initial sync therefore pays one tiny insert per item, not
 * the stemming and FTS work.
 *
 * Order: docid = receivedAt (ms) * 1024 + a few bits, so FTS5's native "ORDER BY rowid DESC"
 * yields newest-first without sorting every match (a common word can match 200,000 items).
 */
import type { CacheDb } from '../store/cache-db.js';
import type { InboxRow } from '../../../shared/api/desk-api.js';
import { inboxTitle } from '../store/item-columns.js';
import { INDEX_ROW_COLUMNS, tupleToIndexRow, type InboxRowTuple } from '../store/inbox-rows.js';
import { stemText } from './finnish-stem.js';
import { highlight, snippet, type Highlighted } from './highlight.js';
import { hasFilters, parseQuery, type ParsedQuery } from './query.js';
import { workFlags } from '../../../shared/workflow/collaboration.js';

/** Who searches: the rows' work chips (asked of me, to approve, new comments...) are theirs. */
export interface SearchViewer {
  id: string;
  departmentId: string | null;
  now: Date;
  /** Items with comments this person has not read. */
  newComments: ReadonlySet<string>;
}

/** The schema step the desk store's migration list runs (append-only: never edit, add a step). */
export const SEARCH_SCHEMA_SQL = `
  CREATE TABLE search_docs (
    docid INTEGER PRIMARY KEY,
    item_id TEXT NOT NULL UNIQUE,
    received_ms INTEGER NOT NULL,
    answered_ms INTEGER,
    status TEXT NOT NULL,
    department TEXT,
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    language TEXT NOT NULL,
    service TEXT,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    answer TEXT NOT NULL,
    comments TEXT NOT NULL
  );
  CREATE VIRTUAL TABLE search_fts USING fts5(
    title, body, answer, comments,
    content='', contentless_delete=1, detail=none,
    tokenize='unicode61 remove_diacritics 0', prefix='2 3 4'
  );
  CREATE TABLE search_queue (item_id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TRIGGER items_search_ins AFTER INSERT ON items BEGIN INSERT OR IGNORE INTO search_queue (item_id) VALUES (new.id); END;
  CREATE TRIGGER items_search_upd AFTER UPDATE ON items BEGIN INSERT OR IGNORE INTO search_queue (item_id) VALUES (new.id); END;
  CREATE TRIGGER items_search_del AFTER DELETE ON items BEGIN INSERT OR IGNORE INTO search_queue (item_id) VALUES (old.id); END;
  INSERT OR IGNORE INTO search_queue (item_id) SELECT id FROM items;
`;

/**
 * Schema step 5: the texts move out of search_docs into search_text, so that checking a filter
 * (status, department...) on a thousand matches reads slim rows instead of every match's text
 * (that read was most of a filtered search's time over 200,000 items).
 */
export const SEARCH_TEXT_SPLIT_SQL = `
  CREATE TABLE search_text (docid INTEGER PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, answer TEXT NOT NULL, comments TEXT NOT NULL);
  INSERT INTO search_text (docid, title, body, answer, comments) SELECT docid, title, body, answer, comments FROM search_docs;
  ALTER TABLE search_docs DROP COLUMN title;
  ALTER TABLE search_docs DROP COLUMN body;
  ALTER TABLE search_docs DROP COLUMN answer;
  ALTER TABLE search_docs DROP COLUMN comments;
`;

export type HitField = 'text' | 'answer' | 'comment';

export interface SearchHitCore {
  id: string;
  /** The item's inbox row as it is now (null only if the item vanished mid-search). */
  row: InboxRow | null;
  title: Highlighted;
  snippet: Highlighted | null;
  field: HitField | null;
}

export interface SearchOutcome {
  hits: SearchHitCore[];
  total: number;
  /** total is a lower bound: counting stops at TOTAL_CAP matches. */
  totalCapped: boolean;
  unknownTerms: string[];
  /** Items still waiting to be indexed (results may miss them), or 0. */
  indexingPending: number;
}

export const TOTAL_CAP = 1000;
/** A queue this short is indexed before a search runs, so the user's own changes are found. */
const INLINE_CATCH_UP = 2000;

interface DocRow {
  docid: number;
  item_id: string;
  title: string;
  body: string;
  answer: string;
  comments: string;
}

/** The parts of a cached item JSON the index needs; read defensively (never trusts the shape). */
interface ItemJson {
  id: string;
  serviceRequestId?: string;
  receivedAt: string;
  status: string;
  departmentId: string | null;
  kind: string;
  channel: string;
  language: string;
  serviceCode: string | null;
  original: { title: string | null; description: string };
  answer?: { draft?: { text?: string } | null; sent?: { text?: string; sentAt?: string } | null };
  comments?: Array<{ text?: string }>;
}

export class SearchIndex {
  private readonly s;

  constructor(private readonly db: CacheDb) {
    this.s = {
      queue: db.prepare('SELECT q.item_id AS id, d.json AS json FROM search_queue q LEFT JOIN item_docs d ON d.id = q.item_id LIMIT ?'),
      dequeue: db.prepare('DELETE FROM search_queue WHERE item_id = ?'),
      queueCount: db.prepare('SELECT count(*) FROM search_queue').pluck(),
      docidOf: db.prepare('SELECT docid FROM search_docs WHERE item_id = ?').pluck(),
      docidTaken: db.prepare('SELECT 1 FROM search_docs WHERE docid = ?').pluck(),
      deleteDoc: db.prepare('DELETE FROM search_docs WHERE docid = ?'),
      deleteText: db.prepare('DELETE FROM search_text WHERE docid = ?'),
      deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
      insertDoc: db.prepare(
        `INSERT INTO search_docs (docid, item_id, received_ms, answered_ms, status, department, kind, channel, language, service)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertText: db.prepare('INSERT INTO search_text (docid, title, body, answer, comments) VALUES (?, ?, ?, ?, ?)'),
      insertFts: db.prepare('INSERT INTO search_fts (rowid, title, body, answer, comments) VALUES (?, ?, ?, ?, ?)'),
      itemCount: db.prepare('SELECT count(*) FROM items').pluck(),
    };
  }

  pendingCount(): number {
    return this.s.queueCount.get() as number;
  }

  /**
   * Index up to `max` queued items in one transaction; returns how many were handled.
   * A queued id whose item is gone is removed from the index.
   */
  catchUp(max = 500): number {
    if (max <= 0) return 0;
    return this.db.transaction(() => {
      // Signing out empties the cache: drop the whole index at once instead of row by row.
      if ((this.s.itemCount.get() as number) === 0) {
        const n = this.pendingCount();
        this.db.exec('DELETE FROM search_docs; DELETE FROM search_text; DELETE FROM search_fts; DELETE FROM search_queue;');
        return n;
      }
      const rows = this.s.queue.all(max) as Array<{ id: string; json: string | null }>;
      for (const row of rows) {
        this.remove(row.id);
        const item = row.json === null ? null : parseItem(row.json);
        if (item) this.insert(item);
        this.s.dequeue.run(row.id);
      }
      return rows.length;
    })();
  }

  /** Index everything queued (tests, benchmarks, and the background loop's last step). */
  catchUpAll(batch = 2000): number {
    let total = 0;
    for (let n = this.catchUp(batch); n > 0; n = this.catchUp(batch)) total += n;
    return total;
  }

  private remove(itemId: string): void {
    const docid = this.s.docidOf.get(itemId) as number | undefined;
    if (docid === undefined) return;
    this.s.deleteFts.run(docid);
    this.s.deleteDoc.run(docid);
    this.s.deleteText.run(docid);
  }

  private insert(item: ItemJson): void {
    const received = Date.parse(item.receivedAt);
    let docid = Math.max(0, received) * 1024 + (hash(item.id) & 1023);
    while (this.s.docidTaken.get(docid) !== undefined) docid++;
    const answerText = [item.answer?.sent?.text, item.answer?.draft?.text].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
    const answer = [...new Set(answerText)].join('\n\n');
    const comments = (item.comments ?? []).map((c) => c.text ?? '').filter(Boolean).join('\n\n');
    const sentAt = item.answer?.sent?.sentAt ? Date.parse(item.answer.sent.sentAt) : null;
    const displayTitle = inboxTitle(item as Parameters<typeof inboxTitle>[0]);
    this.s.insertDoc.run(
      docid,
      item.id,
      received,
      sentAt !== null && Number.isFinite(sentAt) ? sentAt : null,
      item.status,
      item.departmentId?.toLowerCase() ?? null,
      item.kind,
      item.channel,
      item.language,
      item.serviceCode?.toLowerCase() ?? null,
    );
    this.s.insertText.run(docid, displayTitle, item.original.description, answer, comments);
    this.s.insertFts.run(
      docid,
      stemText(`${item.original.title ?? ''} ${item.serviceRequestId ?? ''}`),
      stemText(item.original.description),
      stemText(answer),
      stemText(comments),
    );
  }

  search(input: string, page: { offset: number; limit: number } = { offset: 0, limit: 50 }, viewer: SearchViewer | null = null): SearchOutcome {
    const pending = this.pendingCount();
    if (pending > 0 && pending <= INLINE_CATCH_UP) this.catchUp(pending);
    const q = parseQuery(input);
    const empty: SearchOutcome = { hits: [], total: 0, totalCapped: false, unknownTerms: q.unknown, indexingPending: this.pendingCount() };
    if (q.stems.length === 0 && !hasFilters(q)) return empty;

    const { where, params } = filterSql(q);
    // One pass collects the matching docids, newest first, up to the count cap: FTS5 merges a
    // prefix's doclists once, and the page and the count both come from that one list.
    const cap = Math.max(TOTAL_CAP + 1, page.offset + page.limit);
    let docids: number[];
    if (q.stems.length > 0) {
      const match = q.stems.map((s) => `"${s}"*`).join(' AND ');
      const sql = where
        ? `SELECT f.rowid FROM search_fts f JOIN search_docs d ON d.docid = f.rowid WHERE search_fts MATCH ? AND ${where} ORDER BY f.rowid DESC LIMIT ${cap}`
        : `SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC LIMIT ${cap}`;
      docids = this.db.prepare(sql).pluck().all(match, ...params) as number[];
    } else {
      docids = this.db.prepare(`SELECT d.docid FROM search_docs d WHERE ${where} ORDER BY d.docid DESC LIMIT ${cap}`).pluck().all(...params) as number[];
    }
    const total = docids.length;
    const pageIds = docids.slice(page.offset, page.offset + page.limit);
    const byId = new Map<number, DocRow>();
    if (pageIds.length > 0) {
      const rowsSql = `SELECT d.docid, d.item_id, t.title, t.body, t.answer, t.comments FROM search_docs d JOIN search_text t ON t.docid = d.docid WHERE d.docid IN (${pageIds.map(() => '?').join(', ')})`;
      for (const r of this.db.prepare(rowsSql).all(...pageIds) as DocRow[]) byId.set(r.docid, r);
    }
    const rows = pageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    const inboxRows = this.inboxRows(rows.map((r) => r.item_id), viewer);
    const hits = rows.map((r) => ({ ...toHit(r, q.stems), row: inboxRows.get(r.item_id) ?? null }));
    return {
      hits,
      total: Math.min(total, TOTAL_CAP),
      totalCapped: total > TOTAL_CAP,
      unknownTerms: q.unknown,
      indexingPending: this.pendingCount(),
    };
  }

  private inboxRows(ids: readonly string[], viewer: SearchViewer | null): Map<string, InboxRow> {
    const out = new Map<string, InboxRow>();
    if (ids.length === 0) return out;
    const tuples = this.db
      .prepare(`SELECT ${INDEX_ROW_COLUMNS} FROM items WHERE id IN (${ids.map(() => '?').join(', ')})`)
      .raw()
      .all(...ids) as InboxRowTuple[];
    for (const t of tuples) {
      const r = tupleToIndexRow(t);
      out.set(r.id, {
        id: r.id,
        serviceRequestId: r.serviceRequestId,
        kind: r.kind as InboxRow['kind'],
        channel: r.channel as InboxRow['channel'],
        language: r.language as InboxRow['language'],
        title: r.title,
        departmentId: r.departmentId,
        serviceCode: r.serviceCode,
        assigneeId: r.assigneeId,
        status: r.status as InboxRow['status'],
        receivedAt: r.receivedAt,
        dueAt: r.dueAt,
        restricted: r.restricted,
        hasContact: r.hasContact,
        publicationPermission: r.permission,
        pending: r.pending,
        workFlags: viewer ? [...workFlags(r.collab, viewer, viewer.now), ...(viewer.newComments.has(r.id) ? (['new_comments'] as const) : [])] : [],
      });
    }
    return out;
  }

  /**
   * Items whose text shares words with `text` (for duplicate suggestions): OR over the rarest
   * few stems, newest first. Returns item ids.
   */
  similar(text: string, excludeId: string, limit = 40): string[] {
    const stems = [...new Set(stemText(text).split(' ').filter((s) => s.length >= 4))].slice(0, 12);
    if (stems.length === 0) return [];
    const match = stems.map((s) => `"${s}"`).join(' OR ');
    return (
      this.db
        .prepare('SELECT d.item_id FROM search_fts f JOIN search_docs d ON d.docid = f.rowid WHERE search_fts MATCH ? AND d.item_id <> ? ORDER BY rank LIMIT ?')
        .pluck()
        .all(match, excludeId, limit) as string[]
    );
  }
}

function toHit(r: DocRow, stems: readonly string[]): Omit<SearchHitCore, 'row'> {
  const title = highlight(r.title, stems);
  const fields: Array<[HitField, string]> = [
    ['text', r.body],
    ['answer', r.answer],
    ['comment', r.comments],
  ];
  for (const [field, text] of fields) {
    const s = text ? snippet(text, stems) : null;
    if (s) return { id: r.item_id, title, snippet: s, field };
  }
  return { id: r.item_id, title, snippet: null, field: null };
}

function filterSql(q: ParsedQuery): { where: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  const add = (col: string, values: readonly string[]) => {
    if (values.length === 0) return;
    parts.push(`d.${col} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  add('department', q.filters.department);
  add('status', q.filters.status);
  add('kind', q.filters.kind);
  add('channel', q.filters.channel);
  add('language', q.filters.language);
  add('service', q.filters.service);
  return { where: parts.join(' AND '), params };
}

function parseItem(json: string): ItemJson | null {
  try {
    const v = JSON.parse(json) as ItemJson;
    if (typeof v?.id !== 'string' || typeof v.receivedAt !== 'string' || typeof v.original?.description !== 'string') return null;
    return v;
  } catch {
    return null;
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
