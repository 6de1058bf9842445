import { z } from 'zod';
import { ItemId, StaffId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, withEvent } from './define.js';

export const assign = defineMutation({
  name: 'assign',
  args: z.object({ itemId: ItemId, staffId: StaffId }),
  authorize: (actor, item) => may(actor, 'assign', item),
  apply: (item, { staffId }, ctx) => withEvent({ ...item, assigneeId: staffId }, ctx, 'assigned', { from: item.assigneeId, to: staffId }),
});
