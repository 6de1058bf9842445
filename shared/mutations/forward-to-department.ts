import { z } from 'zod';
import { DepartmentId, ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { transition } from '../workflow/status.js';
import { defineMutation, withEvent } from './define.js';

export const forwardToDepartment = defineMutation({
  name: 'forwardToDepartment',
  args: z.object({ itemId: ItemId, departmentId: DepartmentId, note: z.string().max(2000).optional() }),
  authorize: (actor, item) => may(actor, 'forward', item),
  apply: (item, { departmentId, note }, ctx) =>
    withEvent(
      // A new department names its own responsible person (P10), so the assignee is cleared.
      { ...item, departmentId, assigneeId: null, status: transition(item.status, 'forwarded') },
      ctx,
      'forwarded',
      { from: item.departmentId, to: departmentId, note: note ?? null },
    ),
});
