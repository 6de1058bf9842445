/**
 * Files sent with feedback (photos through Open311, any file attached to an email) are kept by the
 * central server and named in an item's attachments as `/media/<32 hex>.<extension>`; any other
 * attachment URL is an address elsewhere (imported history). The public side serves stored photos
 * of published items under /open311/v1/media; the staff API serves any stored file of an item the
 * staff member may see under /staff/v1/media.
 */
const STORED_FILE_NAME = /^[a-f0-9]{32}\.[a-z0-9]{1,8}$/;
const PHOTO_EXTENSION = /\.(?:jpg|png|gif|webp)$/;
const STORED_PREFIX = '/media/';

export function isStoredFileName(name: string): boolean {
  return STORED_FILE_NAME.test(name);
}

/** A stored file whose name says photo (what it really is, its bytes say: sniffPhoto). */
export function isStoredPhotoName(name: string): boolean {
  return isStoredFileName(name) && PHOTO_EXTENSION.test(name);
}

/** The attachment URL an item records for a file the central server stores. */
export function storedFileUrl(name: string): string {
  return `${STORED_PREFIX}${name}`;
}

/** The stored file's name, or null for an attachment that lives elsewhere. */
export function storedFileName(attachmentUrl: string): string | null {
  if (!attachmentUrl.startsWith(STORED_PREFIX)) return null;
  const name = attachmentUrl.slice(STORED_PREFIX.length);
  return isStoredFileName(name) ? name : null;
}

/** The stored photo's name, or null for any other attachment. */
export function storedPhotoName(attachmentUrl: string): string | null {
  const name = storedFileName(attachmentUrl);
  return name !== null && isStoredPhotoName(name) ? name : null;
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];
const EXTENSION: Record<PhotoType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp' };

/** Largest photo the service takes (per file). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

const startsWith = (data: Uint8Array, bytes: readonly number[], at = 0) => data.length >= at + bytes.length && bytes.every((b, i) => data[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** What a file's first bytes say it is (a declared type is not trusted); null for anything but the photo types. */
export function sniffPhoto(data: Uint8Array): { contentType: PhotoType; extension: string } | null {
  const type: PhotoType | null = startsWith(data, [0xff, 0xd8, 0xff])
    ? 'image/jpeg'
    : startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      ? 'image/png'
      : startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))
        ? 'image/gif'
        : startsWith(data, ascii('RIFF')) && startsWith(data, ascii('WEBP'), 8)
          ? 'image/webp'
          : null;
  return type && { contentType: type, extension: EXTENSION[type] };
}
