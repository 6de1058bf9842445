/**
 * Request bodies of POST requests: form-urlencoded (strict UTF-8) and multipart with media[].
 * A bad byte sequence is refused, never replaced with U+FFFD and stored.
 */
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { MAX_PHOTO_BYTES, sniffPhoto } from '../../shared/domain/attachments.js';
import { badRequest, Open311Error } from './format/errors.js';

export const FORM_BODY_LIMIT = 64 * 1024;
export const MAX_MEDIA_FILES = 5;
const FIELD_BYTES = 32 * 1024;

export type FormFields = Record<string, string[]>;

export interface UploadedMedia {
  data: Buffer;
  contentType: string;
  extension: string;
  originalName: string | null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function add(fields: FormFields, key: string, value: string) {
  if (!Object.hasOwn(fields, key)) fields[key] = [];
  fields[key].push(value);
}

/** Parse application/x-www-form-urlencoded; throws 400 on bytes that are not UTF-8. */
export function parseUrlEncoded(body: Buffer): FormFields {
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw badRequest('the request is not valid UTF-8');
  }
  const fields: FormFields = Object.create(null);
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    try {
      // decodeURIComponent throws on percent-encoded bytes that are not UTF-8.
      add(fields, decodeURIComponent(rawKey.replace(/\+/g, ' ')), decodeURIComponent(rawValue.replace(/\+/g, ' ')));
    } catch {
      throw badRequest('the request is not valid UTF-8 or has broken percent-encoding');
    }
  }
  return fields;
}

/** Read a multipart body completely: fields, and media[] (or media) files held in memory. */
export async function readMultipart(request: FastifyRequest): Promise<{ fields: FormFields; media: UploadedMedia[] }> {
  const fields: FormFields = Object.create(null);
  const media: UploadedMedia[] = [];
  const errors: string[] = [];
  try {
    await readParts(request, fields, media, errors);
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof Open311Error || (status !== undefined && status >= 400 && status < 500)) throw err;
    // busboy's complaints (no boundary, cut-off body) are the client's fault, not ours.
    throw badRequest(`the multipart body is malformed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (errors.length) throw badRequest(errors);
  return { fields, media };
}

async function readParts(request: FastifyRequest, fields: FormFields, media: UploadedMedia[], errors: string[]): Promise<void> {
  const parts = request.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: MAX_MEDIA_FILES, fields: 60, fieldSize: FIELD_BYTES, parts: 70 } });
  for await (const part of parts) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname !== 'media[]' && part.fieldname !== 'media') {
        errors.push(`${part.fieldname}: unexpected file; send photos as media[]`);
        continue;
      }
      if (data.length === 0) continue;
      const kind = sniffPhoto(data);
      if (!kind) {
        errors.push(`media[]: ${part.filename || 'file'} is not a JPEG, PNG, GIF or WebP image`);
        continue;
      }
      media.push({ data, ...kind, originalName: part.filename ? part.filename.slice(0, 200) : null });
    } else {
      if (part.valueTruncated) throw new Open311Error(400, `${part.fieldname}: the field is too long`);
      add(fields, part.fieldname, typeof part.value === 'string' ? part.value : String(part.value));
    }
  }
}
