import { z } from 'zod';
import { ItemId, StaffId } from '../domain/ids.js';
import { canSee, may } from '../workflow/permissions.js';
import { defineMutation, refuse, withEvent } from './define.js';

/** "Tiedoksi" (P12): show the item to colleagues for information; they may read and comment. */
export const shareForInformation = defineMutation({
  name: 'shareForInformation',
  args: z.object({ itemId: ItemId, staffIds: z.array(StaffId).min(1).max(10), note: z.string().trim().max(2000).optional() }),
  authorize: (actor, item) => may(actor, 'share', item),
  apply: (item, { staffIds, note }, ctx) => {
    const current = item.shares ?? [];
    const ids = [...new Set(staffIds)];
    for (const id of ids) {
      if (id === ctx.actor.id) throw refuse('invalid_args', 'share_yourself', 'you cannot share an item with yourself');
      if (!ctx.directory.staff(id)) throw refuse('invalid_args', 'unknown_colleague', `no colleague ${id}`, { staffId: id });
    }
    const added = ids.filter((id) => !current.some((s) => s.staffId === id));
    if (added.length === 0) throw refuse('invalid_state', 'already_shared', 'the item is already shared with them');
    const shares = [...current, ...added.map((staffId) => ({ staffId, note: note || null, by: ctx.actor.id, byName: ctx.actor.displayName, at: ctx.now }))];
    return withEvent({ ...item, shares }, ctx, 'shared', { staffIds: added, note: note || null });
  },
});

/** Stop sharing an item with a colleague: whoever shared it, an owner of the item, or the colleague themselves. */
export const endShare = defineMutation({
  name: 'endShare',
  args: z.object({ itemId: ItemId, staffId: StaffId }),
  authorize: (actor, item, { staffId }) => (actor.id === staffId && canSee(actor, item)) || may(actor, 'share', item),
  apply: (item, { staffId }, ctx) => {
    if (!(item.shares ?? []).some((s) => s.staffId === staffId)) throw refuse('invalid_state', 'not_shared', 'the item is not shared with them');
    return withEvent({ ...item, shares: item.shares!.filter((s) => s.staffId !== staffId) }, ctx, 'share_ended', { staffId });
  },
});
