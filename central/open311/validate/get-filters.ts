/**
 * GET requests.{json,xml} filters. A service_request_id list overrides every other filter (spec);
 * without start_date and end_date the window is the last 90 days.
 */
import { z } from 'zod';
import type { Language } from '../../../shared/domain/index.js';
import { describeIssues, single } from './text-rules.js';
import { localeLanguage } from './post-request.js';

export const DEFAULT_WINDOW_DAYS = 90;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
const DAY_MS = 86_400_000;

const instant = z
  .string()
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) && !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 date/time')
  .transform((s) => new Date(s).toISOString());

const list = (item: z.ZodString, max: number) =>
  z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, 'must not be empty').max(max, `at most ${max} values`));

const number = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'must be a number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`);

const GetFields = z.object({
  service_request_id: list(z.string().regex(/^[a-z0-9]{1,64}$/, 'is not a service_request_id'), 200).optional(),
  service_code: list(z.string().max(32), 100).optional(),
  status: list(z.string().refine((s) => s === 'open' || s === 'closed', 'must be open or closed'), 2).optional(),
  start_date: instant.optional(),
  end_date: instant.optional(),
  updated_after: instant.optional(),
  updated_before: instant.optional(),
  lat: number(-90, 90).optional(),
  long: number(-180, 180).optional(),
  radius: number(1, 100_000).optional(),
  bbox: z
    .string()
    .transform((s) => s.split(',').map((x) => x.trim()))
    .refine((p) => p.length === 4 && p.every((x) => /^-?\d+(\.\d+)?$/.test(x)), 'must be min_long,min_lat,max_long,max_lat')
    .transform((p) => p.map(Number))
    .refine(([x1, y1, x2, y2]) => x1 <= x2 && y1 <= y2 && Math.abs(y1) <= 90 && Math.abs(y2) <= 90 && Math.abs(x1) <= 180 && Math.abs(x2) <= 180, 'corners must be min_long,min_lat,max_long,max_lat')
    .optional(),
  page: z.string().trim().regex(/^\d+$/, 'must be a positive integer').transform(Number).refine((n) => n >= 1 && n <= 1_000_000, 'must be at least 1').optional(),
  page_size: z.string().trim().regex(/^\d+$/, 'must be a positive integer').transform(Number).refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `must be 1..${MAX_PAGE_SIZE}`).optional(),
  extensions: z.string().trim().toLowerCase().refine((s) => s === 'true' || s === 'false', 'must be true or false').transform((s) => s === 'true').optional(),
  locale: z.string().trim().refine((s) => localeLanguage(s) !== null, 'must be fi, sv or en').optional(),
});

export interface RequestFilters {
  ids: string[] | null;
  serviceCodes: string[] | null;
  statuses: ('open' | 'closed')[] | null;
  /** Inclusive window on requested_datetime, ISO UTC. */
  from: string | null;
  to: string | null;
  updatedAfter: string | null;
  updatedBefore: string | null;
  near: { lat: number; long: number; radius: number } | null;
  bbox: { minLong: number; minLat: number; maxLong: number; maxLat: number } | null;
  page: number;
  pageSize: number;
  extensions: boolean;
  locale: Language | null;
}

export type FilterResult = { ok: true; value: RequestFilters } | { ok: false; errors: string[] };

export const DEFAULT_RADIUS_M = 1000;

export function parseRequestFilters(query: Record<string, unknown>, now: Date): FilterResult {
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(GetFields.shape)) {
    const v = single(query[key]);
    if (v !== undefined) input[key] = String(v);
  }
  const parsed = GetFields.safeParse(input);
  if (!parsed.success) return { ok: false, errors: describeIssues(parsed.error) };
  const q = parsed.data;
  const errors: string[] = [];
  if ((q.lat === undefined) !== (q.long === undefined)) errors.push('lat: lat and long must be given together');
  if (q.radius !== undefined && q.lat === undefined) errors.push('radius: needs lat and long');

  let from: string | null = q.start_date ?? null;
  let to: string | null = q.end_date ?? null;
  if (q.service_request_id) {
    from = null;
    to = null;
  } else if (!from && !to) {
    // Spec: without dates, the most recent 90 days. Explicit dates are taken as given (a wider
    // span than the spec's 90 days is served rather than refused, which no compliant client asks).
    to = now.toISOString();
    from = new Date(now.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS).toISOString();
  } else if (from && to && Date.parse(to) < Date.parse(from)) {
    errors.push('end_date: must not be before start_date');
  }
  if (errors.length) return { ok: false, errors };

  const override = q.service_request_id !== undefined;
  return {
    ok: true,
    value: {
      ids: q.service_request_id ?? null,
      serviceCodes: override ? null : (q.service_code ?? null),
      statuses: override ? null : ((q.status as ('open' | 'closed')[] | undefined) ?? null),
      from,
      to,
      updatedAfter: override ? null : (q.updated_after ?? null),
      updatedBefore: override ? null : (q.updated_before ?? null),
      near: override || q.lat === undefined || q.long === undefined ? null : { lat: q.lat, long: q.long, radius: q.radius ?? DEFAULT_RADIUS_M },
      bbox: override || !q.bbox ? null : { minLong: q.bbox[0], minLat: q.bbox[1], maxLong: q.bbox[2], maxLat: q.bbox[3] },
      page: q.page ?? 1,
      pageSize: q.page_size ?? DEFAULT_PAGE_SIZE,
      extensions: q.extensions ?? false,
      locale: localeLanguage(q.locale),
    },
  };
}
