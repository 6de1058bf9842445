import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { isStoredMediaName, type FeedbackItem } from '../../shared/domain/index.js';
import type { CentralStore } from '../store/central-store.js';

export interface MediaFile {
  name: string;
  item: FeedbackItem;
  contentType: string;
  size: number;
}

/** Uploaded photos live beside central.sqlite, in media/. */
export function mediaDir(dataDir: string): string {
  return join(dataDir, 'media');
}

/** The stored photo of that name with its item, or null (no such name, or not one of ours). */
export function findMediaFile(store: CentralStore, name: string): MediaFile | null {
  if (!isStoredMediaName(name)) return null;
  const row = store.db.prepare('SELECT item_id, content_type, size FROM media_files WHERE name = ?').get(name) as
    | { item_id: string; content_type: string; size: number }
    | undefined;
  const item = row ? store.getItem(row.item_id) : null;
  return row && item ? { name, item, contentType: row.content_type, size: row.size } : null;
}

/** Sends the photo as inert bytes: its own type, never sniffed, never run as a page. */
export function sendMediaFile(store: CentralStore, reply: FastifyReply, file: MediaFile, cacheControl: string): FastifyReply {
  reply.header('content-type', file.contentType);
  reply.header('content-length', String(file.size));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'");
  reply.header('cache-control', cacheControl);
  return reply.send(createReadStream(join(mediaDir(dirname(store.db.name)), file.name)));
}
