import type { IndexRow } from './inbox-index.js';
import { parseCollab } from './item-columns.js';
import type { InboxRow as InboxRow } from '../../../shared/api/desk-api.js';

/** The columns InboxIndex is loaded from: a slim `items` row. */
export const INDEX_ROW_COLUMNS =
  'id, service_request_id, kind, channel, language, title, department_id, service_code, assignee_id, status, received_at, due_at, is_restricted, has_contact, permission, pending, publication_pending, collab';

/** One row of INDEX_ROW_COLUMNS, in that order. */
export type InboxRowTuple = [
  id: string,
  serviceRequestId: string,
  kind: string,
  channel: string,
  language: string,
  title: string,
  departmentId: string | null,
  serviceCode: string | null,
  assigneeId: string | null,
  status: string,
  receivedAt: string,
  dueAt: string,
  restricted: number,
  hasContact: number,
  permission: number,
  pending: number,
  publicationPending: number,
  collab: string | null,
];

export function tupleToIndexRow(r: InboxRowTuple): IndexRow {
  return {
    id: r[0],
    serviceRequestId: r[1],
    kind: r[2],
    channel: r[3],
    language: r[4],
    title: r[5],
    departmentId: r[6],
    serviceCode: r[7],
    assigneeId: r[8],
    status: r[9],
    receivedAt: r[10],
    dueAt: r[11],
    restricted: r[12] === 1,
    hasContact: r[13] === 1,
    permission: r[14] === 1,
    pending: r[15] === 1,
    publicationPending: r[16] === 1,
    collab: parseCollab(r[17]),
  };
}
