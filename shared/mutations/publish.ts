import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { applyPublish, OverrideReason } from './decide-publication.js';
import { defineMutation } from './define.js';
import { PublicationTexts, recordPublicationEdit } from './edit-publication.js';

/**
 * Save the given publishable version and publish it in one step (P14-P16, P20, P24). Kept for
 * callers that predate editPublication/decidePublication: it is exactly an edit followed by the
 * decision 'publish', with the same checks and the same central guard. The original stays untouched.
 */
export const publish = defineMutation({
  name: 'publish',
  args: PublicationTexts.extend({
    itemId: ItemId,
    text: z.string().trim().min(1).max(5000),
    note: z.string().trim().max(2000).optional(),
    overrideReason: OverrideReason.optional(),
  }),
  authorize: (actor, item) => may(actor, 'moderate', item),
  apply: (item, { title, text, answer, note, overrideReason }, ctx) =>
    applyPublish(recordPublicationEdit(item, { title, text, answer: answer ?? '' }, ctx), { reasons: [], note, overrideReason }, ctx),
});
