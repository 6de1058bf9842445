import { XMLBuilder } from 'fast-xml-parser';
import type { Open311ErrorEntry } from './errors.js';

/**
 * The spec's XML shapes: a plural root holding one singular element per entry
 * (<service_requests><request>, <services><service>, <errors><error>), nested lists wrapped the
 * same way (<media_urls><media_url>, <tasks><task>, <endpoints><endpoint>, <formats><format>).
 */
const listElement: Record<string, string> = {
  media_urls: 'media_url',
  tasks: 'task',
  endpoints: 'endpoint',
  formats: 'format',
  locales: 'locale',
  attributes: 'attribute',
  values: 'value',
};

const builder = new XMLBuilder({ ignoreAttributes: true, format: false, suppressEmptyNode: false });

// XML 1.0 cannot carry most C0 control characters, even escaped; JSON can, XML drops them.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toXmlValue(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) {
    const child = listElement[key] ?? 'item';
    return { [child]: value.map((v) => toXmlValue(child, v)) };
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toXmlValue(k, v);
    return out;
  }
  if (typeof value === 'string') return value.replace(XML_INVALID, '');
  return String(value);
}

export function xmlDocument(root: string, element: string, entries: readonly object[]): string {
  const body = builder.build({ [root]: entries.length === 0 ? '' : { [element]: entries.map((e) => toXmlValue(element, e)) } });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}

/** A single object as the root element (discovery, service_definition). */
export function xmlSingle(root: string, value: object): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: toXmlValue(root, value) })}`;
}

export function errorsXml(errors: readonly Open311ErrorEntry[]): string {
  return xmlDocument('errors', 'error', errors);
}
