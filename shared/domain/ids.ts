import { z } from 'zod';

/** Internal item id (opaque, never shown to citizens). */
export const ItemId = z.string().min(1).max(64);
/** Helsinki's public id: 20 lower-case alphanumerics. */
export const ServiceRequestId = z.string().regex(/^[a-z0-9]{20}$/, 'service_request_id is 20 lower-case alphanumerics');
export const StaffId = z.string().min(1).max(64);
export const DepartmentId = z.string().min(1).max(64);
export const ServiceCode = z.string().min(1).max(32);
/** ISO 8601 instant in UTC, e.g. 2026-11-27T20:20:00.000Z. */
export const Instant = z.string().datetime({ offset: true });
