import type { PhotoType } from '../../../shared/domain/attachments.js';
import type { CacheDb } from './cache-db.js';

export interface CachedPhoto {
  contentType: PhotoType;
  bytes: Buffer;
}

/**
 * Photos of cached items, kept in the encrypted cache once fetched so they can be looked at
 * offline. They go with their item: when it is revoked or the user's data is cleared.
 */
export class PhotoStore {
  private readonly stmts;

  constructor(db: CacheDb) {
    this.stmts = {
      get: db.prepare('SELECT content_type, bytes FROM item_photos WHERE name = ? AND item_id = ?'),
      put: db.prepare('INSERT OR REPLACE INTO item_photos (name, item_id, content_type, bytes, fetched_at) VALUES (?, ?, ?, ?, ?)'),
      forgetItem: db.prepare('DELETE FROM item_photos WHERE item_id = ?'),
      clear: db.prepare('DELETE FROM item_photos'),
    };
  }

  get(itemId: string, name: string): CachedPhoto | null {
    const row = this.stmts.get.get(name, itemId) as { content_type: PhotoType; bytes: Buffer } | undefined;
    return row ? { contentType: row.content_type, bytes: row.bytes } : null;
  }

  put(itemId: string, name: string, photo: CachedPhoto, fetchedAt: string): void {
    this.stmts.put.run(name, itemId, photo.contentType, photo.bytes, fetchedAt);
  }

  forgetItem(itemId: string): void {
    this.stmts.forgetItem.run(itemId);
  }

  clear(): void {
    this.stmts.clear.run();
  }
}
