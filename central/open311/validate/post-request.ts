/**
 * POST requests.{json,xml}: Helsinki's fields and rules. Unknown fields (device_id, account_id,
 * attribute[...]) are ignored as the spec allows; known ones must be valid or nothing is stored.
 */
import { z } from 'zod';
import type { Kind, Language } from '../../../shared/domain/index.js';
import { describeIssues, single, textField } from './text-rules.js';

export const DESCRIPTION_MIN = 10;
export const DESCRIPTION_MAX = 5000;

/** Helsinki's service_request_type as sent by the service map, mapped to our kinds. */
export const requestTypeKinds: Record<string, Kind> = {
  BLAME: 'criticism',
  THANK: 'praise',
  IDEA: 'suggestion',
  QUESTION: 'question',
  OTHER: 'fault_report',
};

const coordinate = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((s) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(s), 'must be true or false')
  .transform((s) => ['true', '1', 'yes', 'on'].includes(s));

export function localeLanguage(locale: string | undefined): Language | null {
  if (!locale) return null;
  const lang = locale.trim().toLowerCase().slice(0, 2);
  return lang === 'fi' || lang === 'sv' || lang === 'en' ? lang : null;
}

const PostFields = z
  .object({
    service_code: z.string({ error: 'is required' }).trim().min(1, 'is required').max(32, 'is too long'),
    description: textField({ min: DESCRIPTION_MIN, max: DESCRIPTION_MAX, multiline: true }),
    title: textField({ max: 200 }).optional(),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: textField({ max: 500 }).optional(),
    service_object_type: textField({ max: 100 }).optional(),
    service_object_id: textField({ max: 100 }).optional(),
    email: z.string().trim().max(254, 'is too long').pipe(z.email({ error: 'is not a valid email address' })).optional(),
    first_name: textField({ max: 100 }).optional(),
    last_name: textField({ max: 100 }).optional(),
    phone: z.string().trim().regex(/^\+?[0-9 ()\-]{3,30}$/, 'is not a valid phone number').optional(),
    media_url: z
      .string()
      .trim()
      .max(2000, 'is too long')
      .refine((s) => /^https?:\/\/[^\s<>"]+$/i.test(s), 'must be an http or https URL')
      .optional(),
    can_be_published: booleanFlag.optional(),
    service_request_type: z
      .string()
      .trim()
      .toUpperCase()
      .refine((s) => Object.hasOwn(requestTypeKinds, s), 'must be one of BLAME, THANK, IDEA, QUESTION, OTHER')
      .optional(),
    locale: z
      .string()
      .trim()
      .refine((s) => localeLanguage(s) !== null, 'must be fi, sv or en')
      .optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined) !== (v.long === undefined)) ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and long must be given together' });
    if ((v.service_object_type === undefined) !== (v.service_object_id === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['service_object_id'], message: 'service_object_type and service_object_id must be given together' });
    }
    const hasPoint = v.lat !== undefined && v.long !== undefined;
    const hasObject = v.service_object_type !== undefined && v.service_object_id !== undefined;
    if (!hasPoint && !v.address_string && !hasObject) {
      ctx.addIssue({ code: 'custom', path: ['location'], message: 'give lat and long, address_string, or service_object_type and service_object_id' });
    }
  });

export interface NewRequest {
  serviceCode: string;
  description: string;
  title: string | null;
  lat: number | null;
  long: number | null;
  address: string | null;
  serviceObject: { type: string; id: string } | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  mediaUrl: string | null;
  publicationPermission: boolean;
  kind: Kind | null;
  language: Language | null;
}

const FIELDS = ['service_code', 'description', 'title', 'lat', 'long', 'address_string', 'service_object_type', 'service_object_id', 'email', 'first_name', 'last_name', 'phone', 'media_url', 'can_be_published', 'service_request_type', 'locale'] as const;

export type ParseResult = { ok: true; value: NewRequest } | { ok: false; errors: string[] };

/** Validate the decoded form fields of a POST. Values may repeat; the first one counts. */
export function parsePostRequest(fields: Record<string, unknown>): ParseResult {
  const input: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const v = single(fields[name]);
    if (v !== undefined) input[name] = typeof v === 'string' ? v : String(v);
  }
  const parsed = PostFields.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error) };
  const v = parsed.data;
  const blankToNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
  return {
    ok: true,
    value: {
      serviceCode: v.service_code,
      description: v.description,
      title: blankToNull(v.title),
      lat: v.lat ?? null,
      long: v.long ?? null,
      address: blankToNull(v.address_string),
      serviceObject: v.service_object_type && v.service_object_id ? { type: v.service_object_type, id: v.service_object_id } : null,
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      firstName: blankToNull(v.first_name),
      lastName: blankToNull(v.last_name),
      mediaUrl: blankToNull(v.media_url),
      // Without an explicit yes nothing is ever published (P16, P19a).
      publicationPermission: v.can_be_published ?? false,
      kind: v.service_request_type ? requestTypeKinds[v.service_request_type] : null,
      language: localeLanguage(v.locale),
    },
  };
}
