import { z } from 'zod';
import { DepartmentId, ItemId, StaffId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { isOpen, transition } from '../workflow/status.js';
import { defineMutation, refuse, withEvent } from './define.js';

/**
 * Hand an item on (P12) to a colleague (it moves to their department) or to a department (which
 * names its own responsible person), always with a cover note the receiver reads first. Every hop
 * stays in the history; the sender, who may no longer see the item, is told where it went.
 */
export const transfer = defineMutation({
  name: 'transfer',
  args: z
    .object({
      itemId: ItemId,
      toStaffId: StaffId.optional(),
      toDepartmentId: DepartmentId.optional(),
      note: z.string().trim().min(1).max(2000),
    })
    .refine((a) => (a.toStaffId === undefined) !== (a.toDepartmentId === undefined), 'name either a colleague (toStaffId) or a department (toDepartmentId)'),
  authorize: (actor, item) => may(actor, 'transfer', item),
  apply: (item, { toStaffId, toDepartmentId, note }, ctx) => {
    if (!isOpen(item.status)) throw refuse('invalid_state', 'not_open', 'only an open item can be transferred');
    let departmentId: string | null;
    let assigneeId: string | null;
    if (toStaffId !== undefined) {
      const person = ctx.directory.staff(toStaffId);
      if (!person) throw refuse('invalid_args', 'unknown_colleague', `no colleague ${toStaffId}`, { staffId: toStaffId });
      if (toStaffId === item.assigneeId) throw refuse('invalid_state', 'already_assigned', 'the item is already theirs');
      assigneeId = toStaffId;
      departmentId = person.departmentId ?? item.departmentId;
    } else {
      if (!ctx.directory.department(toDepartmentId!)) throw refuse('invalid_args', 'unknown_department', `no department ${toDepartmentId}`);
      if (toDepartmentId === item.departmentId && item.assigneeId === null) throw refuse('invalid_state', 'already_there', 'the item is already waiting in that department');
      assigneeId = null;
      departmentId = toDepartmentId!;
    }
    const movesDepartment = departmentId !== item.departmentId;
    // A department taking over names its own approver: a pending request for the old one lapses.
    const approval = movesDepartment && item.answer.approval?.state === 'pending' ? null : item.answer.approval;
    const status = movesDepartment || item.status === 'received' || item.status === 'in_triage' ? transition(item.status, 'forwarded') : item.status;
    const handoff = { note, toStaffId: assigneeId, toDepartmentId: departmentId, fromDepartmentId: item.departmentId, by: ctx.actor.id, byName: ctx.actor.displayName, at: ctx.now };
    return withEvent(
      { ...item, departmentId, assigneeId, status, handoff, answer: { ...item.answer, ...(approval !== undefined ? { approval } : {}) } },
      ctx,
      'transferred',
      { fromDepartmentId: item.departmentId, toDepartmentId: departmentId, fromAssigneeId: item.assigneeId, toStaffId: assigneeId, note },
    );
  },
});
