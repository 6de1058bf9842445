import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, withEvent } from './define.js';

/** An internal comment (P12, P25): never part of the answer, never public. */
export const addComment = defineMutation({
  name: 'addComment',
  args: z.object({ itemId: ItemId, text: z.string().trim().min(1).max(10_000) }),
  authorize: (actor, item) => may(actor, 'comment', item),
  apply: (item, { text }, ctx) => {
    const comment = { id: ctx.newId(), authorId: ctx.actor.id, authorName: ctx.actor.displayName, at: ctx.now, text };
    return withEvent({ ...item, comments: [...item.comments, comment] }, ctx, 'commented', { commentId: comment.id });
  },
});
