/**
 * Converts Helsinki's published feedback 2014-2016 (a Django fixture synced from Helsinki's Open311
 * API by 6aika/issue-reporting) into FeedbackItems.
 * Data: © City of Helsinki (see data/ATTRIBUTION.md).
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { FeedbackItem, type HistoryEvent, type Kind, type Location, type Service, type Status } from '../../shared/domain/index.js';
import { dueAtFor } from '../../shared/workflow/index.js';
import { divisionOfAgency, divisionServiceCode, historicalService } from './reference-data.js';

interface FixtureRow {
  model: string;
  pk: number;
  fields: Record<string, unknown>;
}

interface FeedbackFields {
  service_request_id: string;
  status_notes: string;
  status: string;
  service_code: string;
  service_name: string;
  description: string;
  agency_responsible: string;
  requested_datetime: string;
  updated_datetime: string;
  address_string: string;
  media_url: string;
  title: string;
  detailed_status: string;
  location: string | null;
}

interface TaskFields {
  feedback: number;
  task_state: string;
  task_type: string;
  owner_name: string;
  task_modified: string;
  task_created: string;
}

/** The ten street-level services: anything reported there is a fault unless the text says otherwise. */
const streetServices = new Set(['171', '172', '174', '175', '176', '177', '178', '180', '181', '198', '199', '211', '234', '246', '256', '257', '258', '1831']);

const PRAISE = /\b(kiitos|kiitokset|kiitän|kiitämme|hieno|loistava|hyvää palvelua|kiitettävästi)/i;
const SUGGESTION = /\b(ehdotan|ehdotus|ehdotuksia|voisiko|voisitteko|toivoisin|toivomme|toive|pitäisi|olisi hyvä|kannattaisi)/i;
const CRITICISM = /\b(huono|huonosti|kohtuuton|törkeä|ala-arvoinen|epäkohta|valitan|valitus|ei toimi|harmittaa)/i;

/** A sensible first guess; staff reclassify in triage. */
export function guessKind(title: string, description: string, serviceCode: string): Kind {
  const text = `${title}\n${description}`.trim();
  if (/\?\s*$/.test(description.trim()) || /\?\s*$/.test(title.trim())) return 'question';
  if (PRAISE.test(title) || (PRAISE.test(text) && !CRITICISM.test(text) && !/\?/.test(text))) return 'praise';
  if (SUGGESTION.test(text) && !streetServices.has(serviceCode)) return 'suggestion';
  if (streetServices.has(serviceCode)) return 'fault_report';
  if (CRITICISM.test(text)) return 'criticism';
  if (SUGGESTION.test(text)) return 'suggestion';
  return 'criticism';
}

/** `SRID=4326;POINT (long lat)` -> {lat, long}; null when it cannot be read or lies outside the world. */
export function parseWktPoint(wkt: string | null | undefined): { lat: number; long: number } | null {
  if (!wkt) return null;
  const m = /POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)/i.exec(wkt);
  if (!m) return null;
  const long = Number(m[1]);
  const lat = Number(m[2]);
  if (!Number.isFinite(lat) || !Number.isFinite(long) || Math.abs(lat) > 90 || Math.abs(long) > 180) return null;
  return { lat: Math.round(lat * 1e7) / 1e7, long: Math.round(long * 1e7) / 1e7 };
}

function mapStatus(status: string): Status {
  // Helsinki's API knows only open and closed; a published closed item has been answered.
  return status === 'closed' ? 'closed' : 'in_progress';
}

/** ISO instant with milliseconds, as the domain stores it. */
function iso(s: string): string {
  return new Date(s).toISOString();
}

function eventId(...parts: (string | number)[]): string {
  return createHash('sha1').update(parts.join('|')).digest('hex').slice(0, 20);
}

export interface ImportResult {
  items: FeedbackItem[];
  /** Services the data uses that the published service lists do not describe. */
  extraServices: Service[];
}

export function convertHelsinkiFixture(path: string, knownServiceCodes: Set<string>): ImportResult {
  const rows = JSON.parse(readFileSync(path, 'utf8')) as FixtureRow[];
  const tasksByFeedback = new Map<number, TaskFields[]>();
  const mediaByFeedback = new Map<number, string[]>();
  for (const row of rows) {
    if (row.model === 'api.task') {
      const t = row.fields as unknown as TaskFields;
      tasksByFeedback.set(t.feedback, [...(tasksByFeedback.get(t.feedback) ?? []), t]);
    } else if (row.model === 'api.mediaurl') {
      const f = row.fields as { feedback: number; media_url: string };
      mediaByFeedback.set(f.feedback, [...(mediaByFeedback.get(f.feedback) ?? []), f.media_url]);
    }
  }

  const extra = new Map<string, Service>();
  const items: FeedbackItem[] = [];
  for (const row of rows) {
    if (row.model !== 'api.feedback') continue;
    const f = row.fields as unknown as FeedbackFields;
    const agency = f.agency_responsible.trim();
    const departmentId = divisionOfAgency(agency);
    let serviceCode = String(f.service_code ?? '').trim();
    if (!serviceCode) serviceCode = divisionServiceCode[departmentId];
    if (!knownServiceCodes.has(serviceCode) && !extra.has(serviceCode)) {
      extra.set(serviceCode, historicalService(serviceCode, agency, f.service_name));
    }

    const receivedAt = iso(f.requested_datetime);
    const updatedAt = iso(f.updated_datetime);
    const point = parseWktPoint(f.location);
    const location: Location | null =
      point || f.address_string ? { lat: point?.lat ?? null, long: point?.long ?? null, address: f.address_string || null } : null;
    const media = [...new Set([...(mediaByFeedback.get(row.pk) ?? []), ...(f.media_url ? [f.media_url] : [])])];
    const title = f.title.trim() || null;
    const description = f.description;
    const answerText = f.status_notes?.trim() ? f.status_notes : null;
    const srid = f.service_request_id;

    const history: HistoryEvent[] = [
      { id: eventId(srid, 'received'), at: receivedAt, actorId: null, actorName: 'Helsingin palautejärjestelmä', type: 'received', details: { channel: 'web_form' }, clientId: null },
      {
        id: eventId(srid, 'imported'),
        at: receivedAt,
        actorId: null,
        actorName: 'Feedback Desk',
        type: 'imported',
        details: { source: 'Helsinki Open311 2014-2016', agency_responsible: agency, departmentId },
        clientId: null,
      },
    ];
    const tasks = [...(tasksByFeedback.get(row.pk) ?? [])].sort((a, b) => a.task_created.localeCompare(b.task_created));
    tasks.forEach((t, i) => {
      history.push({
        id: eventId(srid, 'task', i),
        at: iso(t.task_created),
        actorId: null,
        actorName: t.owner_name,
        type: 'imported_task',
        details: { task_type: t.task_type, task_state: t.task_state, owner_name: t.owner_name, task_modified: iso(t.task_modified) },
        clientId: null,
      });
    });
    if (answerText) {
      history.push({ id: eventId(srid, 'answered'), at: updatedAt, actorId: null, actorName: agency, type: 'answered', details: { channel: 'none' }, clientId: null });
    }
    history.push({ id: eventId(srid, 'published'), at: updatedAt, actorId: null, actorName: agency, type: 'published', details: {}, clientId: null });

    const status = mapStatus(f.status);
    items.push(
      FeedbackItem.parse({
        id: `hki-${srid}`,
        serviceRequestId: srid,
        version: 1,
        channel: 'web_form',
        kind: guessKind(f.title, description, serviceCode),
        language: 'fi',
        receivedAt,
        updatedAt,
        original: { title, description },
        author: { displayName: null, anonymous: true },
        contact: { email: null, phone: null },
        publicationPermission: true,
        location,
        attachments: media.map((url) => ({ url, name: url.split('/').pop() ?? null })),
        serviceCode,
        departmentId,
        assigneeId: null,
        restricted: null,
        status,
        detailedStatus: f.detailed_status || null,
        dueAt: dueAtFor(receivedAt),
        comments: [],
        answer: { draft: null, sent: answerText ? { text: answerText, sentAt: updatedAt, sentBy: agency, channel: 'none' } : null, approvedBy: null },
        publication: { state: 'published', title, text: description, answer: answerText, publishedAt: updatedAt },
        history,
      }),
    );
  }
  return { items, extraServices: [...extra.values()] };
}
