/**
 * A POSTed service request becomes a new FeedbackItem, stored in one transaction together with
 * its uploaded media rows, its status token and (when an email address was given) the
 * acknowledgement mail (P4). Files are written first and removed again if the transaction fails.
 */
import { randomInt } from 'node:crypto';
import type { Channel, FeedbackItem, Service } from '../../shared/domain/index.js';
import { writeMediaFiles } from '../http/media-files.js';
import { dueAtFor } from '../../shared/workflow/index.js';
import type { CentralStore } from '../store/central-store.js';
import { queueArrivalNotice } from '../mail/outbox.js';
import type { UploadedMedia } from './forms.js';
import type { NewRequest } from './validate/post-request.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Helsinki's public id form: 20 lower-case alphanumerics. */
export function newServiceRequestId(): string {
  let s = '';
  for (let i = 0; i < 20; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

const channelNames: Record<Channel, string> = {
  web_form: 'Palautelomake',
  service_map: 'Palvelukartta',
  department_page: 'Toimialan sivu',
  app: 'Sovellus',
  email: 'Sähköposti',
  verbal: 'Suullinen',
};

export interface CreatedRequest {
  item: FeedbackItem;
  statusToken: string;
  acknowledgementQueued: boolean;
}

export function createRequest(
  store: CentralStore,
  input: { request: NewRequest; service: Service; channel: Channel; senderIp: string; media: UploadedMedia[]; dataDir: string; publicBaseUrl: string },
): CreatedRequest {
  const { request: r, channel } = input;
  const now = store.nowIso();
  const id = store.newId();
  const media = writeMediaFiles(store, input.media);
  try {
    const displayName = [r.firstName, r.lastName].filter(Boolean).join(' ') || null;
    const item: FeedbackItem = {
      id,
      serviceRequestId: newServiceRequestId(),
      version: 1,
      channel,
      kind: r.kind ?? 'fault_report',
      language: r.language ?? 'fi',
      receivedAt: now,
      updatedAt: now,
      original: { title: r.title, description: r.description },
      author: { displayName, anonymous: displayName === null },
      contact: { email: r.email, phone: r.phone },
      publicationPermission: r.publicationPermission,
      location: r.lat !== null || r.address ? { lat: r.lat, long: r.long, address: r.address } : null,
      attachments: [...media.attachments, ...(r.mediaUrl ? [{ url: r.mediaUrl, name: null }] : [])],
      serviceCode: input.service.code,
      // Items from a department's own page go straight to it (P9); the rest to Helsinki-info (P8).
      departmentId: channel === 'department_page' ? input.service.departmentId : null,
      assigneeId: null,
      restricted: null,
      status: 'received',
      detailedStatus: null,
      dueAt: dueAtFor(now),
      comments: [],
      answer: { draft: null, sent: null, approvedBy: null },
      publication: { state: 'unpublished', title: null, text: null, answer: null, publishedAt: null },
      history: [
        {
          id: store.newId(),
          at: now,
          actorId: null,
          actorName: channelNames[channel],
          type: 'received',
          details: { channel, via: 'open311', ...(r.serviceObject ? { serviceObject: r.serviceObject } : {}) },
          clientId: null,
        },
      ],
    };
    return store.transaction(() => {
      const stored = store.putItem(item, { senderIp: input.senderIp });
      media.record(id, now);
      const notice = queueArrivalNotice(store.db, stored, { publicBaseUrl: input.publicBaseUrl, now });
      return { item: stored, ...notice };
    });
  } catch (err) {
    media.discard();
    throw err;
  }
}
