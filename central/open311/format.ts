/**
 * Public projections of items and services in Helsinki's Open311 field names. Only what may be
 * published leaves through here (P15, P26): the moderated title and text, the published answer.
 * Never contact details, sender IP, internal comments, staff names or the original text.
 */
import type { Department, FeedbackItem, Language, Service } from '../../shared/domain/index.js';
import { isOpen } from '../../shared/workflow/index.js';

export type Locale = Language;

/** fi, sv, en and the long forms Helsinki's discovery lists (fi_FI, sv_SE, en_GB, en_US). */
export function parseLocale(value: unknown): Locale {
  const short = typeof value === 'string' ? value.slice(0, 2).toLowerCase() : '';
  return short === 'sv' || short === 'en' ? short : 'fi';
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export function serviceToOpen311(service: Service, locale: Locale): Open311Service {
  return {
    service_code: service.code,
    service_name: service.name[locale] || service.name.fi,
    description: service.description?.[locale] || service.description?.fi || '',
    metadata: false,
    type: 'realtime',
    keywords: service.keywords.join(','),
    group: service.group ?? '',
  };
}

export interface Open311Task {
  task_created: string;
  task_modified: string;
  owner_name: string;
  task_type: string;
  task_state: string;
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_code?: string;
  service_name?: string;
  description: string;
  agency_responsible?: string;
  requested_datetime: string;
  updated_datetime: string;
  address_string?: string;
  lat?: number;
  long?: number;
  media_url?: string;
  extended_attributes?: {
    title: string | null;
    detailed_status: string;
    media_urls: string[];
    tasks: Open311Task[];
  };
}

/** Helsinki's detailed status for items that did not bring one from the old system. */
function detailedStatusOf(item: FeedbackItem): string {
  if (item.detailedStatus) return item.detailedStatus;
  if (item.status === 'received') return 'RECEIVED';
  return isOpen(item.status) ? 'IN_PROCESS' : 'PROCESSED';
}

function tasksOf(item: FeedbackItem): Open311Task[] {
  // Only the routing history imported from Helsinki's system, which Helsinki itself published.
  return item.history
    .filter((e) => e.type === 'imported_task')
    .map((e) => ({
      task_created: e.at,
      task_modified: typeof e.details.task_modified === 'string' ? e.details.task_modified : e.at,
      owner_name: String(e.details.owner_name ?? ''),
      task_type: String(e.details.task_type ?? ''),
      task_state: String(e.details.task_state ?? ''),
    }));
}

/** A published item in Helsinki's field names. Callers pass published, unrestricted items only. */
export function requestToOpen311(
  item: FeedbackItem,
  ctx: { locale: Locale; extensions: boolean; services: Map<string, Service>; departments: Map<string, Department> },
): Open311Request {
  if (item.publication.state !== 'published' || item.restricted) throw new Error(`item ${item.id} is not public`);
  const pub = item.publication;
  const service = item.serviceCode ? ctx.services.get(item.serviceCode) : undefined;
  const department = item.departmentId ? ctx.departments.get(item.departmentId) : undefined;
  const out: Open311Request = {
    service_request_id: item.serviceRequestId,
    status: isOpen(item.status) ? 'open' : 'closed',
    description: pub.text ?? '',
    requested_datetime: item.receivedAt,
    updated_datetime: item.updatedAt,
  };
  if (pub.answer) out.status_notes = pub.answer;
  if (item.serviceCode) out.service_code = item.serviceCode;
  if (service) out.service_name = service.name[ctx.locale] || service.name.fi;
  if (department) out.agency_responsible = department.name[ctx.locale] || department.name.fi;
  if (item.location?.address) out.address_string = item.location.address;
  if (item.location?.lat != null && item.location?.long != null) {
    out.lat = item.location.lat;
    out.long = item.location.long;
  }
  const mediaUrls = item.attachments.map((a) => a.url);
  if (mediaUrls.length > 0) out.media_url = mediaUrls[0];
  if (ctx.extensions) {
    out.extended_attributes = { title: pub.title, detailed_status: detailedStatusOf(item), media_urls: mediaUrls, tasks: tasksOf(item) };
  }
  return out;
}
