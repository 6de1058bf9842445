import type { PullResponse } from '../../../shared/api/sync-protocol.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import type { Channel, Kind, Language, Status } from '../../../shared/domain/enums.js';

const kinds: Kind[] = ['praise', 'criticism', 'question', 'suggestion', 'fault_report'];
const channels: Channel[] = ['web_form', 'service_map', 'department_page', 'app', 'email', 'verbal'];
const languages: Language[] = ['fi', 'fi', 'fi', 'sv', 'en'];
const statuses: Status[] = ['received', 'in_triage', 'forwarded', 'in_progress', 'answered', 'closed', 'redirected_to_registry', 'rejected'];
export const testDepartments = ['dep-kymp', 'dep-kasko', 'dep-sote', 'dep-kuva', 'dep-neuvonta'];
export const testStaff = ['staff-1', 'staff-2', 'staff-3', 'staff-4'];

/** Deterministic pseudo-random items for store tests and measurements (not real feedback). */
export function makeItem(i: number, base = Date.parse('2026-11-27T12:00:00.000Z'), overrides: Partial<FeedbackItem> = {}): FeedbackItem {
  const h = (n: number) => (Math.imul(i + 1, 2654435761) >>> n) & 0xff;
  const receivedAt = new Date(base - (i % 20_000) * 3_600_000 - h(3) * 1000).toISOString();
  const dueAt = new Date(Date.parse(receivedAt) + 7 * 86_400_000).toISOString();
  return {
    id: `item-${String(i).padStart(7, '0')}`,
    serviceRequestId: `t${String(i).padStart(19, '0')}`,
    version: 1,
    channel: channels[h(5) % channels.length],
    kind: kinds[h(7) % kinds.length],
    language: languages[h(9) % languages.length],
    receivedAt,
    updatedAt: receivedAt,
    original: {
      title: i % 7 === 0 ? null : `Palaute ${i}: katuvalo ei toimi`,
      description: `Palautteen ${i} teksti. Katuvalo on ollut rikki jo viikon ajan, korjatkaa pian. `.repeat(4),
    },
    author: { displayName: i % 3 === 0 ? null : `Kirjoittaja ${i}`, anonymous: i % 3 === 0 },
    contact: { email: i % 2 === 0 ? `sender${i}@example.org` : null, phone: null },
    publicationPermission: i % 4 !== 0,
    location: { lat: 60.17, long: 24.94, address: 'Mannerheimintie 1' },
    attachments: [],
    serviceCode: `svc-${h(11) % 40}`,
    departmentId: testDepartments[h(13) % testDepartments.length],
    assigneeId: h(15) % 5 === 0 ? testStaff[h(17) % testStaff.length] : null,
    restricted: i % 50 === 0 ? { reason: 'terveystietoja', by: 'staff-1', at: receivedAt } : null,
    status: statuses[h(19) % statuses.length],
    detailedStatus: null,
    dueAt,
    comments: [],
    answer: { draft: null, sent: null, approvedBy: null },
    publication: { state: 'unpublished', title: null, text: null, answer: null, publishedAt: null },
    history: [{ id: `h-${i}`, at: receivedAt, actorId: null, actorName: 'system', type: 'received', details: {}, clientId: null }],
    ...overrides,
  };
}

/** A one-page pull response with nothing in it; override what the test is about. */
export function pullPage(overrides: Partial<PullResponse> = {}): PullResponse {
  return { cookie: 1, hasMore: false, total: null, lastMutationId: 0, items: [], revoked: [], results: [], reference: null, ...overrides };
}
