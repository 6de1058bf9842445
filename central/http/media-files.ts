import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { isStoredFileName, isStoredPhotoName, storedFileUrl, type FeedbackItem } from '../../shared/domain/index.js';
import type { CentralStore } from '../store/central-store.js';

export interface MediaFile {
  name: string;
  item: FeedbackItem;
  contentType: string;
  size: number;
  originalName: string | null;
}

/** Uploaded photos live beside central.sqlite, in media/. */
export function mediaDir(dataDir: string): string {
  return join(dataDir, 'media');
}

/** A file that arrived with feedback (a POSTed photo, a mail attachment, a demo photo). */
export interface NewMediaFile {
  data: Buffer;
  contentType: string;
  /** without the dot; photos: jpg, png, gif, webp */
  extension: string;
  originalName: string | null;
}

export interface WrittenMedia {
  /** The item's attachments for these files, in order. */
  attachments: FeedbackItem['attachments'];
  /** Records the files as the item's (call inside the transaction that stores the item). */
  record(itemId: string, at: string): void;
  /** Removes the files again (the transaction failed). */
  discard(): void;
}

/**
 * Writes files under new random names before the item's transaction (a file cannot be part of it);
 * the caller records them in that transaction, or discards them if it fails.
 */
export function writeMediaFiles(store: CentralStore, files: readonly NewMediaFile[]): WrittenMedia {
  const dir = mediaDir(dirname(store.db.name));
  const named = files.map((f) => ({ ...f, name: `${randomBytes(16).toString('hex')}.${f.extension}` }));
  const written: string[] = [];
  const discard = () => {
    for (const path of written) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  try {
    if (named.length) mkdirSync(dir, { recursive: true });
    for (const f of named) {
      const path = join(dir, f.name);
      writeFileSync(path, f.data, { flag: 'wx' });
      written.push(path);
    }
  } catch (err) {
    discard();
    throw err;
  }
  return {
    attachments: named.map((f) => ({ url: storedFileUrl(f.name), name: f.originalName })),
    record(itemId, at) {
      const insert = store.db.prepare('INSERT INTO media_files (name, item_id, content_type, size, original_name, created_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const f of named) insert.run(f.name, itemId, f.contentType, f.data.length, f.originalName, at);
    },
    discard,
  };
}

/** The stored file of that name with its item, or null (no such name, or not one of ours). */
export function findMediaFile(store: CentralStore, name: string): MediaFile | null {
  if (!isStoredFileName(name)) return null;
  const row = store.db.prepare('SELECT item_id, content_type, size, original_name FROM media_files WHERE name = ?').get(name) as
    | { item_id: string; content_type: string; size: number; original_name: string | null }
    | undefined;
  const item = row ? store.getItem(row.item_id) : null;
  return row && item ? { name, item, contentType: row.content_type, size: row.size, originalName: row.original_name } : null;
}

/**
 * Sends the file as inert bytes: a photo as its own type, anything else (a mail attachment) as a
 * download; never sniffed, never run as a page.
 */
export function sendMediaFile(store: CentralStore, reply: FastifyReply, file: MediaFile, cacheControl: string): FastifyReply {
  const photo = isStoredPhotoName(file.name);
  reply.header('content-type', photo ? file.contentType : 'application/octet-stream');
  if (!photo) reply.header('content-disposition', 'attachment');
  reply.header('content-length', String(file.size));
  reply.header('x-content-type-options', 'nosniff');
  reply.header('content-security-policy', "default-src 'none'");
  reply.header('cache-control', cacheControl);
  return reply.send(createReadStream(join(mediaDir(dirname(store.db.name)), file.name)));
}
