import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { IndexRow } from './inbox-index.js';

/** Instants are stored as toISOString() text so that SQL string order is time order. */
export function utc(instant: string): string {
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
  ];
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
] as const;

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
    pending,
  };
}
