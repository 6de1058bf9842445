import { storedMediaName } from '../../../shared/domain/attachments.js';
import { DeskError, type DeskResult } from '../../../shared/api/desk-api.js';
import type { CacheStore } from '../store/cache-store.js';
import { CentralError, type CentralClient } from '../sync/central-client.js';

/**
 * A photo of a cached item: from the encrypted cache, else fetched from the central server (which
 * checks again that this user may see the item) and kept. Only photos the item itself lists.
 */
export async function loadItemPhoto(
  deps: { store: CacheStore; client: CentralClient; token: string; now: () => Date },
  itemId: string,
  name: string,
): Promise<DeskResult<'itemPhoto'>> {
  const item = deps.store.getItem(itemId);
  if (!item || !item.attachments.some((a) => storedMediaName(a.url) === name)) throw new DeskError('not_found', 'this item has no such photo');
  let photo = deps.store.photos.get(itemId, name);
  if (!photo) {
    try {
      photo = await deps.client.photo(deps.token, name);
    } catch (err) {
      if (!(err instanceof CentralError)) throw err;
      if (err.kind === 'unreachable' || err.kind === 'server_error') throw new DeskError('central_unreachable', 'the photo has not been fetched yet and the central server cannot be reached');
      if (err.kind === 'unauthorized') throw new DeskError('not_signed_in', 'the session has expired; sign in again');
      if (err.status === 404) throw new DeskError('not_found', 'the central server has no such photo for this user');
      throw new DeskError('internal', `the photo could not be fetched: ${err.message}`);
    }
    deps.store.photos.put(itemId, name, photo, deps.now().toISOString());
  }
  return { contentType: photo.contentType, dataBase64: photo.bytes.toString('base64') };
}
