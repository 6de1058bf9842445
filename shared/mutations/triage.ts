import { z } from 'zod';
import { Language } from '../domain/enums.js';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { transition } from '../workflow/status.js';
import { defineMutation, MutationError, withEvent } from './define.js';

/** A clerk picks up a new item (P8). */
export const startTriage = defineMutation({
  name: 'startTriage',
  args: z.object({ itemId: ItemId }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, _args, ctx) => withEvent({ ...item, status: transition(item.status, 'in_triage') }, ctx, 'triage_started'),
});

export const setLanguage = defineMutation({
  name: 'setLanguage',
  args: z.object({ itemId: ItemId, language: Language }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, { language }, ctx) => withEvent({ ...item, language }, ctx, 'language_set', { from: item.language, to: language }),
});

/** Several items about the same matter (P17): the duplicate points at the item it repeats. */
export const linkDuplicate = defineMutation({
  name: 'linkDuplicate',
  args: z.object({ itemId: ItemId, duplicateOfId: ItemId.nullable() }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, { duplicateOfId }, ctx) => {
    if (duplicateOfId === item.id) throw new MutationError('invalid_args', 'an item cannot duplicate itself');
    return withEvent({ ...item, duplicateOf: duplicateOfId }, ctx, duplicateOfId ? 'duplicate_linked' : 'duplicate_unlinked', { of: duplicateOfId });
  },
});

/** The conversation continues outside the system, e.g. by phone (P13): decided by whoever answers the item. */
export const markContinuesOutside = defineMutation({
  name: 'markContinuesOutside',
  args: z.object({ itemId: ItemId, how: z.string().trim().min(1).max(2000) }),
  authorize: (actor, item) => may(actor, 'draft_answer', item),
  apply: (item, { how }, ctx) =>
    withEvent({ ...item, continuesOutside: { how, by: ctx.actor.id, at: ctx.now } }, ctx, 'continues_outside', { how }),
});
