import { z } from 'zod';
import { ItemId, StaffId } from '../domain/ids.js';
import { requestsAnsweredBy } from '../workflow/collaboration.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, refuse, withEvent } from './define.js';

/**
 * An internal comment (P12, P25): never part of the answer, never public. A comment by a colleague
 * asked for one answers the requests that ask them (unless they say it does not), and @mentions
 * name colleagues to notify.
 */
export const addComment = defineMutation({
  name: 'addComment',
  args: z.object({
    itemId: ItemId,
    text: z.string().trim().min(1).max(10_000),
    mentions: z.array(StaffId).max(20).optional(),
    /** False: a comment that does not yet answer the open requests to its author ("I'll check"). */
    answersRequests: z.boolean().default(true),
  }),
  authorize: (actor, item) => may(actor, 'comment', item),
  apply: (item, { text, mentions = [], answersRequests }, ctx) => {
    const unknown = mentions.filter((id) => !ctx.directory.staff(id));
    if (unknown.length > 0) throw refuse('invalid_args', 'unknown_colleague', `no colleague ${unknown.join(', ')} to mention`, { staffIds: unknown });
    const id = ctx.newId();
    const answered = answersRequests ? requestsAnsweredBy(ctx.actor, item).map((r) => r.id) : [];
    const comment = {
      id,
      authorId: ctx.actor.id,
      authorName: ctx.actor.displayName,
      at: ctx.now,
      text,
      ...(mentions.length > 0 ? { mentions: [...new Set(mentions)] } : {}),
      ...(answered.length > 0 ? { answers: answered } : {}),
    };
    const commentRequests = item.commentRequests?.map((r) =>
      answered.includes(r.id) ? { ...r, state: 'answered' as const, closedBy: ctx.actor.id, closedByName: ctx.actor.displayName, closedAt: ctx.now, commentId: id } : r,
    );
    return withEvent({ ...item, comments: [...item.comments, comment], ...(commentRequests ? { commentRequests } : {}) }, ctx, 'commented', {
      commentId: id,
      ...(comment.mentions ? { mentions: comment.mentions } : {}),
      ...(answered.length > 0 ? { answers: answered } : {}),
    });
  },
});
