/**
 * The only place where a FeedbackItem becomes public output (P15, P26). It reads an allow-list of
 * fields: the moderated publication (title, text, answer), the service, the place, dates, routing
 * by department name, and the given name. Contact details, the original text, comments, drafts,
 * staff names and the sender's IP are never read here, so they cannot leak by accident.
 */
import type { Department, FeedbackItem, Language, Service, Status } from '../../../shared/domain/index.js';
import { isOpen } from '../../../shared/workflow/index.js';

export interface PublicContext {
  services: ReadonlyMap<string, Service>;
  departments: ReadonlyMap<string, Department>;
  /** The department of a staff member, so a task names an organisation, never a person. */
  staffDepartments: ReadonlyMap<string, string | null>;
  locale: Language;
  extensions: boolean;
  /** Absolute base for media stored by this server (e.g. https://palaute.example/open311/v1). */
  mediaBase: string;
}

export interface PublicTask {
  task_created: string;
  task_modified: string;
  owner_name: string;
  task_type: string;
  task_state: string;
}

export type PublicRequest = Record<string, unknown>;

const helsinkiParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

/** ISO 8601 in Helsinki local time with its offset, as Helsinki's API writes dates. */
export function helsinkiTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(helsinkiParts.formatToParts(d).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : String(p.timeZoneName).replace('GMT', '');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}

export function open311Status(status: Status): 'open' | 'closed' {
  return isOpen(status) ? 'open' : 'closed';
}

/** Helsinki's detailed_status: kept from imported data, else derived from our status. */
export function detailedStatus(item: Pick<FeedbackItem, 'status' | 'detailedStatus'>): string {
  if (item.detailedStatus) return item.detailedStatus;
  switch (item.status) {
    case 'received':
    case 'in_triage':
      return 'RECEIVED';
    case 'forwarded':
    case 'in_progress':
      return 'IN_PROCESS';
    case 'rejected':
      return 'REJECTED';
    default:
      return 'PROCESSED';
  }
}

function serviceName(ctx: PublicContext, code: string | null): string {
  if (!code) return '';
  return ctx.services.get(code)?.name[ctx.locale] ?? '';
}

function departmentName(ctx: Pick<PublicContext, 'departments' | 'locale'>, id: string | null | undefined): string {
  if (!id) return '';
  return ctx.departments.get(id)?.name[ctx.locale] ?? '';
}

export function mediaUrls(item: FeedbackItem, ctx: PublicContext): string[] {
  return item.attachments.map((a) => (a.url.startsWith('/') ? `${ctx.mediaBase}${a.url}` : a.url));
}

/** The department a comment request asks: its own, or the asked person's (a name never leaves the staff side). */
function requestDepartment(ctx: Pick<PublicContext, 'staffDepartments'>, r: { toStaffId: string | null; toDepartmentId: string | null }): string | null {
  return r.toDepartmentId ?? (r.toStaffId ? (ctx.staffDepartments.get(r.toStaffId) ?? null) : null);
}

const ROUTING_EVENTS = new Set(['forwarded', 'transferred']);

/**
 * The workflow as Helsinki's Open311 tasks extension shows it: imported tasks as they were; each
 * forward or transfer to a department ("assigned", "re_assigned" once it moved on, "completed"
 * once answered); comment requests ("wait_for_comment", "completed" when answered, "closed" when
 * withdrawn); shares ("informed"). Only organisation names appear, never a staff member's, and
 * never a question, a comment or a cover note (P25).
 */
export function publicTasks(item: FeedbackItem, ctx: PublicContext): PublicTask[] {
  const tasks: PublicTask[] = [];
  const requests = new Map((item.commentRequests ?? []).map((r) => [r.id, r]));
  const lastRouting = item.history.findLastIndex((ev) => ROUTING_EVENTS.has(ev.type));
  item.history.forEach((ev, index) => {
    const d = ev.details as Record<string, unknown>;
    const at = helsinkiTime(ev.at) ?? '';
    if (ev.type === 'imported_task') {
      tasks.push({
        task_created: at,
        task_modified: helsinkiTime(typeof d.task_modified === 'string' ? d.task_modified : ev.at) ?? '',
        owner_name: typeof d.owner_name === 'string' ? d.owner_name : '',
        task_type: typeof d.task_type === 'string' ? d.task_type : '',
        task_state: typeof d.task_state === 'string' ? d.task_state : '',
      });
    } else if (ROUTING_EVENTS.has(ev.type)) {
      const to = ev.type === 'forwarded' ? d.to : d.toDepartmentId;
      const state = index < lastRouting ? 're_assigned' : item.answer.sent ? 'completed' : '';
      tasks.push({ task_created: at, task_modified: at, owner_name: departmentName(ctx, typeof to === 'string' ? to : null), task_type: 'assigned', task_state: state });
    } else if (ev.type === 'comment_requested') {
      for (const id of Array.isArray(d.requestIds) ? d.requestIds : []) {
        const r = requests.get(String(id));
        if (!r) continue;
        const state = r.state === 'answered' ? 'completed' : r.state === 'cancelled' ? 'closed' : '';
        tasks.push({
          task_created: at,
          task_modified: helsinkiTime(r.closedAt ?? r.askedAt) ?? at,
          owner_name: departmentName(ctx, requestDepartment(ctx, r)),
          task_type: 'wait_for_comment',
          task_state: state,
        });
      }
    } else if (ev.type === 'shared') {
      const departments = new Set((Array.isArray(d.staffIds) ? d.staffIds : []).map((id) => ctx.staffDepartments.get(String(id)) ?? null));
      for (const dep of departments) tasks.push({ task_created: at, task_modified: at, owner_name: departmentName(ctx, dep), task_type: 'informed', task_state: 'closed' });
    }
  });
  return tasks;
}

/**
 * Where an open item stands, for its sender's status page: waiting for a statement of some
 * departments, just transferred, or with a department. Null for a closed item or one still in
 * triage. Department names only (P25).
 */
export type PublicPhase =
  | { kind: 'waiting_for_comments'; departments: string[] }
  | { kind: 'transferred'; department: string }
  | { kind: 'department'; department: string };

export function publicPhase(item: FeedbackItem, ctx: Pick<PublicContext, 'departments' | 'staffDepartments' | 'locale'>): PublicPhase | null {
  if (!isOpen(item.status)) return null;
  const open = (item.commentRequests ?? []).filter((r) => r.state === 'open');
  if (open.length > 0) {
    const names = [...new Set(open.map((r) => departmentName(ctx, requestDepartment(ctx, r))).filter(Boolean))];
    if (names.length > 0) return { kind: 'waiting_for_comments', departments: names };
  }
  const department = departmentName(ctx, item.departmentId);
  if (!department || item.status === 'received' || item.status === 'in_triage') return null;
  return item.handoff && item.handoff.toDepartmentId !== item.handoff.fromDepartmentId ? { kind: 'transferred', department } : { kind: 'department', department };
}

/** The given name only: the first word of what the sender called themselves (P15). */
export function publicAuthorName(item: FeedbackItem): string | null {
  if (item.author.anonymous || !item.author.displayName) return null;
  const first = item.author.displayName.trim().split(/\s+/)[0];
  return first || null;
}

export function isPublic(item: FeedbackItem): boolean {
  return item.publication.state === 'published' && item.restricted === null && item.channel !== 'email' && item.publicationPermission;
}

/** A published item with its publishable fields, in the spec's field order. */
export function publishedRequest(item: FeedbackItem, ctx: PublicContext): PublicRequest {
  const media = mediaUrls(item, ctx);
  const out: PublicRequest = {
    service_request_id: item.serviceRequestId,
    status: open311Status(item.status),
    status_notes: item.publication.answer ?? '',
    service_name: serviceName(ctx, item.serviceCode),
    service_code: item.serviceCode ?? '',
    description: item.publication.text ?? '',
    agency_responsible: departmentName(ctx, item.departmentId),
    service_notice: '',
    requested_datetime: helsinkiTime(item.receivedAt),
    updated_datetime: helsinkiTime(item.updatedAt),
    expected_datetime: null,
    address: item.location?.address ?? '',
    // Helsinki's own name for the same field (the POST parameter), kept for its clients.
    address_string: item.location?.address ?? '',
    address_id: '',
    zipcode: '',
    lat: item.location?.lat ?? null,
    long: item.location?.long ?? null,
    media_url: media[0] ?? '',
  };
  if (ctx.extensions) {
    out.extended_attributes = {
      title: item.publication.title ?? '',
      detailed_status: detailedStatus(item),
      author_name: publicAuthorName(item) ?? '',
      media_urls: media,
      tasks: publicTasks(item, ctx),
    };
  }
  return out;
}

/** An item that is not (or no longer) public: its processing state only (as Helsinki does). */
export function unpublishedRequest(item: FeedbackItem, ctx: PublicContext): PublicRequest {
  const out: PublicRequest = {
    service_request_id: item.serviceRequestId,
    status: open311Status(item.status),
    service_name: serviceName(ctx, item.serviceCode),
    service_code: item.serviceCode ?? '',
    requested_datetime: helsinkiTime(item.receivedAt),
    updated_datetime: helsinkiTime(item.updatedAt),
  };
  if (ctx.extensions) out.extended_attributes = { detailed_status: detailedStatus(item) };
  return out;
}

export function publicRequest(item: FeedbackItem, ctx: PublicContext): PublicRequest {
  return isPublic(item) ? publishedRequest(item, ctx) : unpublishedRequest(item, ctx);
}
