import type { IndexRow } from './inbox-index.js';
import type { InboxRow as InboxRow } from '../../../shared/api/desk-api.js';

/** The columns InboxIndex is loaded from: a slim `items` row. */
export const INDEX_ROW_COLUMNS =
  'id, service_request_id, kind, channel, language, title, department_id, service_code, assignee_id, status, received_at, due_at, is_restricted, has_contact, permission, pending';

export interface InboxDbRow {
  id: string;
  service_request_id: string;
  kind: InboxRow['kind'];
  channel: InboxRow['channel'];
  language: InboxRow['language'];
  title: string;
  department_id: string | null;
  service_code: string | null;
  assignee_id: string | null;
  status: InboxRow['status'];
  received_at: string;
  due_at: string;
  is_restricted: number;
  has_contact: number;
  permission: number;
  pending: number;
}



export function toIndexRow(r: InboxDbRow): IndexRow {
  return {
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    language: r.language,
    status: r.status,
    departmentId: r.department_id,
    serviceCode: r.service_code,
    assigneeId: r.assignee_id,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    restricted: r.is_restricted === 1,
    hasContact: r.has_contact === 1,
    permission: r.permission === 1,
    title: r.title,
    serviceRequestId: r.service_request_id,
    pending: r.pending === 1,
  };
}
