import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, MutationError, withEvent } from './define.js';

/**
 * Restrict an item holding sensitive matters (P8). From then on only its assignee, whoever
 * restricted it and admins can see it (shared/workflow/permissions canSee); the central server
 * revokes it from every other desk on their next pull.
 */
export const restrictVisibility = defineMutation({
  name: 'restrictVisibility',
  args: z.object({ itemId: ItemId, reason: z.string().trim().min(3).max(500) }),
  authorize: (actor, item) => may(actor, 'restrict', item),
  apply: (item, { reason }, ctx) => {
    if (item.restricted) throw new MutationError('invalid_state', 'the item is already restricted');
    return withEvent({ ...item, restricted: { reason, by: ctx.actor.id, at: ctx.now } }, ctx, 'restricted', { reason });
  },
});

export const liftRestriction = defineMutation({
  name: 'liftRestriction',
  args: z.object({ itemId: ItemId, reason: z.string().trim().min(3).max(500) }),
  authorize: (actor, item) => may(actor, 'restrict', item),
  apply: (item, { reason }, ctx) => {
    if (!item.restricted) throw new MutationError('invalid_state', 'the item is not restricted');
    return withEvent({ ...item, restricted: null }, ctx, 'restriction_lifted', { reason, previousReason: item.restricted.reason });
  },
});
