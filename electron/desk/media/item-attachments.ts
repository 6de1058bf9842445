import { MAX_PHOTO_BYTES, sniffPhoto, storedFileName, storedPhotoName } from '../../../shared/domain/attachments.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { DeskError, type DeskResult } from '../../../shared/api/desk-api.js';
import type { CacheStore } from '../store/cache-store.js';
import { CentralError, type CentralClient } from '../sync/central-client.js';

export interface AttachmentDeps {
  store: CacheStore;
  client: CentralClient;
  token: string;
  now: () => Date;
}

/** A mail attachment (a letter, a form) may be as large as the mail import takes. */
export const MAX_FILE_BYTES = 30 * 1024 * 1024;

/**
 * A photo of a cached item: from the encrypted cache, else fetched from the central server (which
 * checks again that this user may see the item), checked by its bytes, and kept for offline use.
 */
export async function loadItemPhoto(deps: AttachmentDeps, itemId: string, name: string): Promise<DeskResult<'itemPhoto'>> {
  cachedAttachment(deps.store, itemId, name, storedPhotoName);
  let photo = deps.store.photos.get(itemId, name);
  if (!photo) {
    const bytes = await fetchFile(deps, name, MAX_PHOTO_BYTES);
    const sniffed = sniffPhoto(bytes);
    if (!sniffed) throw new DeskError('not_a_photo', 'the file is not a photo of a type the service takes; download it instead');
    photo = { contentType: sniffed.contentType, bytes };
    deps.store.photos.put(itemId, name, photo, deps.now().toISOString());
  }
  return { contentType: photo.contentType, dataBase64: photo.bytes.toString('base64') };
}

/**
 * Any stored file of a cached item, for saving (a mail's PDF, say): fetched each time, not kept,
 * since the desk never opens it itself.
 */
export async function loadItemFile(deps: AttachmentDeps, itemId: string, name: string): Promise<DeskResult<'attachmentFile'>> {
  const attachment = cachedAttachment(deps.store, itemId, name, storedFileName);
  const bytes = await fetchFile(deps, name, MAX_FILE_BYTES);
  return { fileName: attachment.name ?? name, dataBase64: bytes.toString('base64') };
}

/** The item's attachment of that stored name; not_found unless the cached item lists it. */
function cachedAttachment(store: CacheStore, itemId: string, name: string, nameOf: (url: string) => string | null): FeedbackItem['attachments'][number] {
  const attachment = store.getItem(itemId)?.attachments.find((a) => nameOf(a.url) === name);
  if (!attachment) throw new DeskError('not_found', 'this item has no such attachment');
  return attachment;
}

async function fetchFile(deps: AttachmentDeps, name: string, maxBytes: number): Promise<Buffer> {
  try {
    return await deps.client.mediaFile(deps.token, name, maxBytes);
  } catch (err) {
    if (!(err instanceof CentralError)) throw err;
    if (err.kind === 'unreachable' || err.kind === 'server_error') throw new DeskError('central_unreachable', 'the attachment has not been fetched yet and the central server cannot be reached');
    if (err.kind === 'unauthorized') throw new DeskError('not_signed_in', 'the session has expired; sign in again');
    if (err.status === 404) throw new DeskError('not_found', 'the central server has no such attachment for this user');
    throw new DeskError('internal', `the attachment could not be fetched: ${err.message}`);
  }
}
