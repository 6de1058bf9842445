import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { draftRevision, statusWhenWorkStarts } from '../workflow/answering.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, MutationError, refuse, withEvent } from './define.js';

/** A draft revision id the desk chose: unique per save, so two desks' "version 2" never pass for each other. */
export const Revision = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/, 'a revision is 1..80 letters, digits or _.:-');

/**
 * Save the shared answer draft (one per item). The save names the revision it edited; if someone
 * saved in between, it is a conflict carrying both texts, never a silent overwrite. A save that
 * changes the text outdates any approval (shared/workflow/answering.ts approvalStatus).
 *
 * `baseVersion` without revisions is what desks sent before revisions existed; such drafts are
 * revision `v<version>`.
 */
export const saveAnswerDraft = defineMutation({
  name: 'saveAnswerDraft',
  args: z
    .object({
      itemId: ItemId,
      text: z.string().max(20_000),
      baseRevision: Revision.nullable().optional(),
      baseVersion: z.number().int().nonnegative().optional(),
      revision: Revision.optional(),
    })
    .refine((a) => a.baseRevision !== undefined || a.baseVersion !== undefined, 'name the draft revision this edit started from (baseRevision)'),
  authorize: (actor, item) => may(actor, 'draft_answer', item),
  apply: (item, { text, baseRevision, baseVersion, revision }, ctx) => {
    const current = item.answer.draft;
    const currentRevision = draftRevision(current);
    const base = baseRevision !== undefined ? baseRevision : baseVersion === 0 ? null : `v${baseVersion}`;
    if (base !== currentRevision) {
      throw new MutationError('conflict', 'the answer draft was changed by someone else', {
        field: 'answerDraft',
        mine: text,
        theirs: current?.text ?? '',
        baseRevision: base,
        currentRevision,
        baseVersion: baseVersion ?? null,
        currentVersion: current?.version ?? 0,
        theirsBy: current?.updatedBy ?? null,
        theirsAt: current?.updatedAt ?? null,
      });
    }
    if (item.answer.sent) throw refuse('invalid_state', 'already_sent', 'the answer has already been sent');
    const version = (current?.version ?? 0) + 1;
    const draft = { text, version, updatedBy: ctx.actor.id, updatedAt: ctx.now, revision: revision ?? `v${version}` };
    // A run of saves by one person is one entry in the history, not one per pause in typing.
    const last = item.history.at(-1);
    const history = last?.type === 'answer_draft_saved' && last.actorId === ctx.actor.id ? item.history.slice(0, -1) : item.history;
    return withEvent({ ...item, status: statusWhenWorkStarts(item.status), history, answer: { ...item.answer, draft } }, ctx, 'answer_draft_saved', { version });
  },
});
