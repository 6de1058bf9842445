/**
 * A POSTed service request becomes a new FeedbackItem, stored in one transaction together with
 * its uploaded media rows, its status token and (when an email address was given) the
 * acknowledgement mail (P4). Files are written first and removed again if the transaction fails.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { storedMediaUrl, type Channel, type FeedbackItem, type Service } from '../../shared/domain/index.js';
import { mediaDir } from '../http/media-files.js';
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
  const files = input.media.map((m) => ({ ...m, name: `${randomBytes(16).toString('hex')}.${m.extension}` }));
  const written: string[] = [];
  try {
    if (files.length) mkdirSync(mediaDir(input.dataDir), { recursive: true });
    for (const f of files) {
      const path = join(mediaDir(input.dataDir), f.name);
      writeFileSync(path, f.data, { flag: 'wx' });
      written.push(path);
    }
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
      attachments: [...files.map((f) => ({ url: storedMediaUrl(f.name), name: f.originalName })), ...(r.mediaUrl ? [{ url: r.mediaUrl, name: null }] : [])],
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
      const insertMedia = store.db.prepare('INSERT INTO media_files (name, item_id, content_type, size, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const f of files) insertMedia.run(f.name, id, f.contentType, f.data.length, f.originalName, now);
      const notice = queueArrivalNotice(store.db, stored, { publicBaseUrl: input.publicBaseUrl, now });
      return { item: stored, ...notice };
    });
  } catch (err) {
    for (const path of written) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
    throw err;
  }
}
