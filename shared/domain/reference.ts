import { z } from 'zod';
import { DepartmentId, Instant, ServiceCode, StaffId } from './ids.js';
import { Language, Role } from './enums.js';

export const LocalizedText = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A city division (toimiala) or Helsinki-info itself. */
export const Department = z.object({
  id: DepartmentId,
  code: z.string(),
  name: LocalizedText,
  /** Answers need another named person's approval before they are sent (P11, four eyes). */
  requiresApproval: z.boolean().optional(),
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

/**
 * A text module (answer template) of a department, or of every department when departmentId is
 * null, in one language. Placeholders such as {{sender.name}} are filled in when it is inserted
 * (shared/workflow/templates.ts lists them).
 */
export const AnswerTemplate = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  departmentId: DepartmentId.nullable(),
  language: Language,
  title: z.string().min(1).max(120),
  text: z.string().min(1).max(10_000),
  updatedAt: Instant,
  updatedBy: StaffId.nullable(),
});
export type AnswerTemplate = z.infer<typeof AnswerTemplate>;

export const Reference = z.object({
  departments: z.array(Department),
  services: z.array(Service),
  staff: z.array(Staff),
  templates: z.array(AnswerTemplate).default([]),
});
export type Reference = z.infer<typeof Reference>;
