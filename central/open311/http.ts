/**
 * Format negotiation and replies for the public API: the format is the resource's extension
 * (.json or .xml, JSON when none); errors are arrays of {code, description} in that format.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Open311Error, type Open311ErrorEntry } from './format/errors.js';
import { errorsXml, xmlDocument, xmlSingle } from './format/xml.js';

export type Format = 'json' | 'xml';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const XML_TYPE = 'text/xml; charset=utf-8';

/** Split "abc.xml" into ["abc", "xml"]; an unknown extension is a 404 (no such resource). */
export function splitFormat(file: string): { name: string; format: Format } {
  const m = /^(.*)\.(json|xml)$/i.exec(file);
  if (m) return { name: m[1], format: m[2].toLowerCase() as Format };
  if (/\.[A-Za-z0-9]{1,8}$/.test(file)) throw new Open311Error(404, `unknown format of ${file}: use .json or .xml`);
  return { name: file, format: 'json' };
}

/** The format an error reply should use, read from the URL the client asked for. */
export function formatOfUrl(url: string): Format {
  const path = url.split('?')[0];
  return /\.xml$/i.test(path) ? 'xml' : 'json';
}

export function sendList(reply: FastifyReply, format: Format, root: string, element: string, entries: object[], status = 200) {
  reply.status(status);
  if (format === 'xml') return reply.type(XML_TYPE).send(xmlDocument(root, element, entries));
  return reply.type(JSON_TYPE).send(JSON.stringify(entries));
}

export function sendSingle(reply: FastifyReply, format: Format, root: string, value: object) {
  if (format === 'xml') return reply.type(XML_TYPE).send(xmlSingle(root, value));
  return reply.type(JSON_TYPE).send(JSON.stringify(value));
}

export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: readonly Open311ErrorEntry[]) {
  reply.status(status);
  if (format === 'xml') return reply.type(XML_TYPE).send(errorsXml(errors));
  return reply.type(JSON_TYPE).send(JSON.stringify(errors));
}

/** Map any error of the public routes to the spec's error array; internals never leak. */
export function open311ErrorHandler(error: Error & { statusCode?: number; code?: string }, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOfUrl(request.url);
  if (error instanceof Open311Error) return sendErrors(reply, format, error.status, error.errors);
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE') {
    return sendErrors(reply, format, 413, [{ code: 413, description: 'the request is too large' }]);
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return sendErrors(reply, format, 400, [{ code: 400, description: 'send application/x-www-form-urlencoded or multipart/form-data' }]);
  }
  if (status >= 400 && status < 500) {
    return sendErrors(reply, format, status, [{ code: status, description: error.message.replace(/\s+/g, ' ').slice(0, 300) }]);
  }
  request.log.error({ err: error }, 'open311 request failed');
  return sendErrors(reply, format, 500, [{ code: 500, description: 'internal error; try again later' }]);
}
