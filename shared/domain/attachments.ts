/**
 * Photos sent to this service are kept by the central server and named in an item's attachments as
 * `/media/<32 hex>.<ext>`; any other attachment URL is an address elsewhere (imported history).
 * The public side serves the same name under /open311/v1/media (published items only), the staff
 * API under /staff/v1/media (items the staff member may see).
 */
const STORED_MEDIA_NAME = /^[a-f0-9]{32}\.(?:jpg|png|gif|webp)$/;
const STORED_MEDIA_PREFIX = '/media/';

export function isStoredMediaName(name: string): boolean {
  return STORED_MEDIA_NAME.test(name);
}

/** The attachment URL an item records for a photo the central server stores. */
export function storedMediaUrl(name: string): string {
  return `${STORED_MEDIA_PREFIX}${name}`;
}

/** The stored photo's name, or null for an attachment that lives elsewhere. */
export function storedMediaName(attachmentUrl: string): string | null {
  if (!attachmentUrl.startsWith(STORED_MEDIA_PREFIX)) return null;
  const name = attachmentUrl.slice(STORED_MEDIA_PREFIX.length);
  return isStoredMediaName(name) ? name : null;
}
