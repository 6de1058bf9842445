import { z } from 'zod';
import { DepartmentId, ServiceCode, StaffId } from './ids.js';
import { Role } from './enums.js';

export const LocalizedText = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A city division (toimiala) or Helsinki-info itself. */
export const Department = z.object({
  id: DepartmentId,
  code: z.string(),
  name: LocalizedText,
});
export type Department = z.infer<typeof Department>;

export const Service = z.object({
  code: ServiceCode,
  name: LocalizedText,
  description: LocalizedText.optional(),
  group: z.string().optional(),
  keywords: z.array(z.string()).default([]),
  departmentId: DepartmentId.nullable(),
});
export type Service = z.infer<typeof Service>;

/** What every staff member may know about a colleague (no password, no contact). */
export const Staff = z.object({
  id: StaffId,
  username: z.string(),
  displayName: z.string(),
  role: Role,
  departmentId: DepartmentId.nullable(),
});
export type Staff = z.infer<typeof Staff>;

export const Reference = z.object({
  departments: z.array(Department),
  services: z.array(Service),
  staff: z.array(Staff),
});
export type Reference = z.infer<typeof Reference>;
