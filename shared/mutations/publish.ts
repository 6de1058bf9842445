import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, MutationError, withEvent } from './define.js';

/**
 * Publish the moderated version of an item (P14-P16, P20, P24): the title and text a moderator
 * edited and the answer to show. The original stays untouched. Never allowed for items that came
 * by email or without the sender's permission (P19a), nor for restricted or inappropriate ones.
 */
export const publish = defineMutation({
  name: 'publish',
  args: z.object({
    itemId: ItemId,
    title: z.string().trim().max(200).nullable(),
    text: z.string().trim().min(1).max(5000),
    answer: z.string().trim().max(20_000).nullable().optional(),
  }),
  authorize: (actor, item) => may(actor, 'moderate', item),
  apply: (item, { title, text, answer }, ctx) => {
    if (item.channel === 'email') throw new MutationError('invalid_state', 'feedback that arrived by email is never published (P19a)', { rule: 'P19a' });
    if (!item.publicationPermission) throw new MutationError('invalid_state', 'the sender did not permit publication (P19a)', { rule: 'P19a' });
    if (item.restricted) throw new MutationError('invalid_state', 'a restricted item is never published (P26)', { rule: 'P26' });
    if (item.inappropriate) throw new MutationError('invalid_state', 'an item marked inappropriate is never published (P19b)', { rule: 'P19b' });
    return withEvent(
      { ...item, publication: { state: 'published', title: title || null, text, answer: answer || null, publishedAt: ctx.now } },
      ctx,
      'published',
      {},
    );
  },
});
