import type { Department, Reference, Staff } from '../../../shared/domain/reference.js';

/** Whom a comment request asks, as the picker offers them. */
export type AskTarget = { kind: 'staff'; staff: Staff } | { kind: 'department'; department: Department };

/** Colleagues (not oneself), the item's department first, then by name. */
export function colleagues(reference: Reference | undefined, selfId: string | null, preferDepartment: string | null): Staff[] {
  return [...(reference?.staff ?? [])]
    .filter((s) => s.id !== selfId)
    .sort((a, b) => Number(b.departmentId === preferDepartment) - Number(a.departmentId === preferDepartment) || a.displayName.localeCompare(b.displayName));
}

/** People and departments to ask for a comment; departments only where the item is not restricted (P27). */
export function askTargets(reference: Reference | undefined, selfId: string | null, preferDepartment: string | null, restricted: boolean): AskTarget[] {
  const people: AskTarget[] = colleagues(reference, selfId, preferDepartment).map((staff) => ({ kind: 'staff', staff }));
  const departments: AskTarget[] = restricted ? [] : (reference?.departments ?? []).map((department) => ({ kind: 'department', department }));
  return [...people, ...departments];
}

export function targetKey(t: AskTarget): string {
  return t.kind === 'staff' ? `s:${t.staff.id}` : `d:${t.department.id}`;
}
