import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import type { FeedbackItem, PublicationEdit } from '../domain/feedback-item.js';
import { may } from '../workflow/permissions.js';
import { publishableText } from '../workflow/publication.js';
import { defineMutation, MutationError, withEvent, type MutationContext } from './define.js';

export const PublicationTexts = z.object({
  title: z.string().trim().max(200).nullable(),
  text: z.string().trim().max(5000),
  /** The answer shown with the item; omitted = keep the current one; '' = publish without an answer. */
  answer: z.string().trim().max(20_000).nullable().optional(),
});
export type PublicationTexts = z.infer<typeof PublicationTexts>;

/**
 * Save a new publishable version and keep it in the edit history (P20, P24). The original is never
 * touched. Shared by editPublication and the legacy publish mutation.
 */
export function recordPublicationEdit(item: FeedbackItem, texts: PublicationTexts, ctx: MutationContext): FeedbackItem {
  const p = item.publication;
  const version = (p.version ?? 0) + 1;
  const answer = texts.answer === undefined ? p.answer : texts.answer;
  const edit: PublicationEdit = { version, title: texts.title || null, text: texts.text, answer, by: ctx.actor.id, byName: ctx.actor.displayName, at: ctx.now };
  return withEvent(
    { ...item, publication: { ...p, title: edit.title, text: edit.text, answer, version, edits: [...(p.edits ?? []), edit] } },
    ctx,
    'publication_edited',
    { version },
  );
}

/**
 * A moderator saves the publishable title and text. The edit names the version it started from; if
 * someone saved in between, this is a conflict carrying both texts (like saveAnswerDraft). A published
 * item is withheld before it is edited, so the public text never changes without a decision.
 */
export const editPublication = defineMutation({
  name: 'editPublication',
  args: PublicationTexts.extend({ itemId: ItemId, baseVersion: z.number().int().nonnegative() }),
  authorize: (actor, item) => may(actor, 'moderate', item),
  apply: (item, { baseVersion, itemId: _id, ...texts }, ctx) => {
    const currentVersion = item.publication.version ?? 0;
    if (baseVersion !== currentVersion) {
      const theirs = publishableText(item);
      throw new MutationError('conflict', 'the publishable version was changed by someone else', {
        field: 'publication',
        mine: { title: texts.title, text: texts.text, answer: texts.answer ?? null },
        theirs,
        baseVersion,
        currentVersion,
      });
    }
    if (item.publication.state === 'published') {
      throw new MutationError('invalid_state', 'the item is published; withhold it before editing the public text', { rule: 'P24' });
    }
    return recordPublicationEdit(item, texts, ctx);
  },
});
