import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, MutationError, withEvent } from './define.js';

/**
 * Save the shared answer draft. The edit names the draft version it started from; if someone
 * saved in between, this is a conflict carrying both texts, never a silent overwrite.
 */
export const saveAnswerDraft = defineMutation({
  name: 'saveAnswerDraft',
  args: z.object({ itemId: ItemId, text: z.string().max(20_000), baseVersion: z.number().int().nonnegative() }),
  authorize: (actor, item) => may(actor, 'draft_answer', item),
  apply: (item, { text, baseVersion }, ctx) => {
    const current = item.answer.draft;
    const currentVersion = current?.version ?? 0;
    if (baseVersion !== currentVersion) {
      throw new MutationError('conflict', 'the answer draft was changed by someone else', {
        field: 'answerDraft',
        mine: text,
        theirs: current?.text ?? '',
        baseVersion,
        currentVersion,
      });
    }
    if (item.answer.sent) throw new MutationError('invalid_state', 'the answer has already been sent');
    const draft = { text, version: currentVersion + 1, updatedBy: ctx.actor.id, updatedAt: ctx.now };
    return withEvent({ ...item, answer: { ...item.answer, draft } }, ctx, 'answer_draft_saved', { version: draft.version });
  },
});
