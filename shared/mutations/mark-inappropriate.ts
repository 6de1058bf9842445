import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { transition } from '../workflow/status.js';
import { defineMutation, withEvent } from './define.js';

/**
 * Spam, inappropriate or unlawful content (P19b, P21): the item is rejected and can never be
 * published. It is kept, not deleted (P1: nothing is silently dropped).
 */
export const markInappropriate = defineMutation({
  name: 'markInappropriate',
  args: z.object({
    itemId: ItemId,
    reason: z.enum(['spam', 'inappropriate', 'unlawful']),
    note: z.string().trim().max(2000).optional(),
  }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, { reason, note }, ctx) =>
    withEvent(
      {
        ...item,
        status: transition(item.status, 'rejected'),
        inappropriate: { reason, note: note ?? null, by: ctx.actor.id, at: ctx.now },
        publication: { ...item.publication, state: 'withheld' },
      },
      ctx,
      'marked_inappropriate',
      { reason, note: note ?? null },
    ),
});
