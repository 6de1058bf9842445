import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { IndexRow } from './inbox-index.js';
import { isPublicationPending } from '../../../shared/workflow/publication.js';
import { collaborationSummary, type CollaborationSummary } from '../../../shared/workflow/collaboration.js';

const CANONICAL_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Instants are stored as toISOString() text so that SQL string order is time order. */
export function utc(instant: string): string {
  // Already toISOString() form (what the central sends): skip the Date round trip (2 per item).
  if (CANONICAL_UTC.test(instant)) return instant;
  return new Date(instant).toISOString();
}

/** What an inbox row shows as the title: the sender's title, else the start of the text. */
export function inboxTitle(item: FeedbackItem): string {
  const title = item.original.title?.trim();
  if (title) return title;
  const text = item.original.description.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export function hasContact(item: FeedbackItem): boolean {
  return Boolean(item.contact.email?.trim() || item.contact.phone?.trim());
}

/** Column values in the order of ITEM_COLUMNS (without json / confirmed_json / pending). */
export function itemColumnValues(item: FeedbackItem): unknown[] {
  return [
    item.id,
    item.serviceRequestId,
    item.kind,
    item.channel,
    item.language,
    item.status,
    item.departmentId,
    item.serviceCode,
    item.assigneeId,
    utc(item.receivedAt),
    utc(item.dueAt),
    item.restricted ? 1 : 0,
    hasContact(item) ? 1 : 0,
    item.publicationPermission ? 1 : 0,
    inboxTitle(item),
    item.version,
    isPublicationPending(item) ? 1 : 0,
    collabColumn(item),
  ];
}

/** The `collab` column: the collaboration summary as JSON, null for the many items with none. */
export function collabColumn(item: FeedbackItem): string | null {
  const summary = collaborationSummary(item);
  return summary ? JSON.stringify(summary) : null;
}

export function parseCollab(column: unknown): CollaborationSummary | null {
  if (typeof column !== 'string') return null;
  try {
    return JSON.parse(column) as CollaborationSummary;
  } catch {
    return null;
  }
}

export const ITEM_COLUMNS = [
  'id',
  'service_request_id',
  'kind',
  'channel',
  'language',
  'status',
  'department_id',
  'service_code',
  'assignee_id',
  'received_at',
  'due_at',
  'is_restricted',
  'has_contact',
  'permission',
  'title',
  'version',
  'publication_pending',
  'collab',
] as const;

/**
 * One item as the cache writes it: ITEM_COLUMNS values (id first) and the item's JSON text, as a
 * string or as its UTF-8 bytes (a range of the pull body it came in).
 */
export interface PreparedItem {
  id: string;
  values: unknown[];
  json: string | Uint8Array;
}

export function preparedJsonText(json: string | Uint8Array): string {
  return typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8');
}

export function prepareItem(item: FeedbackItem): PreparedItem {
  return { id: item.id, values: itemColumnValues(item), json: JSON.stringify(item) };
}

/** The InboxIndex entry of a prepared item (its ITEM_COLUMNS values), same as itemIndexRow. */
export function preparedIndexRow(values: readonly unknown[], pending: boolean): IndexRow {
  return {
    id: values[0] as string,
    serviceRequestId: values[1] as string,
    kind: values[2] as string,
    channel: values[3] as string,
    language: values[4] as string,
    status: values[5] as string,
    departmentId: values[6] as string | null,
    serviceCode: values[7] as string | null,
    assigneeId: values[8] as string | null,
    receivedAt: values[9] as string,
    dueAt: values[10] as string,
    restricted: values[11] === 1,
    hasContact: values[12] === 1,
    permission: values[13] === 1,
    title: values[14] as string,
    publicationPending: values[16] === 1,
    collab: parseCollab(values[17]),
    pending,
  };
}

/** The InboxIndex entry of an item, from the same derivations as its `items` row. */
export function itemIndexRow(item: FeedbackItem, pending = false): IndexRow {
  return {
    id: item.id,
    kind: item.kind,
    channel: item.channel,
    language: item.language,
    status: item.status,
    departmentId: item.departmentId,
    serviceCode: item.serviceCode,
    assigneeId: item.assigneeId,
    receivedAt: utc(item.receivedAt),
    dueAt: utc(item.dueAt),
    restricted: item.restricted !== null,
    hasContact: hasContact(item),
    permission: item.publicationPermission,
    title: inboxTitle(item),
    serviceRequestId: item.serviceRequestId,
    publicationPending: isPublicationPending(item),
    collab: collaborationSummary(item),
    pending,
  };
}
