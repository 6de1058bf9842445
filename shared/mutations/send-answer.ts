import { z } from 'zod';
import { AnswerChannel } from '../domain/collaboration.js';
import { ItemId } from '../domain/ids.js';
import { draftRevision, interimRefusals, sendRefusals, statusWhenWorkStarts } from '../workflow/answering.js';
import { may } from '../workflow/permissions.js';
import { transition } from '../workflow/status.js';
import { defineMutation, MutationError, refuse, withEvent } from './define.js';
import { Revision } from './save-answer-draft.js';

const HowGiven = z.string().trim().max(2000);

/** Not by email, the responder says how the answer was given (P7, P13): "soitin 3.12. klo 10". */
function requireNote(channel: AnswerChannel, note: string | undefined): string | null {
  if (channel !== 'email' && !note) throw refuse('invalid_args', 'note_required', 'say how the answer was given (who, when)');
  return note || null;
}

/**
 * Give the final answer (P3, P7): the draft revision the responder confirmed, by email through the
 * central's outbox (in the item's language, with the status link) when the sender gave an address
 * and the item is not restricted as sensitive; otherwise recorded as given by phone, in person or
 * by letter. The item is then answered, and the answer is what moderators publish with it.
 */
export const sendAnswer = defineMutation({
  name: 'sendAnswer',
  args: z.object({ itemId: ItemId, channel: AnswerChannel, draftRevision: Revision, note: HowGiven.optional() }),
  authorize: (actor, item) => may(actor, 'send_answer', item),
  apply: (item, { channel, draftRevision: revision, note }, ctx) => {
    const reasons = sendRefusals(item, channel, item.departmentId ? ctx.directory.department(item.departmentId) : null);
    if (reasons.length > 0) throw refuse('invalid_state', reasons[0], `the answer cannot be sent: ${reasons.join(', ')}`, { reasons });
    const draft = item.answer.draft!;
    if (draftRevision(draft) !== revision) {
      throw new MutationError('conflict', 'the answer draft changed after you confirmed it', { field: 'answerDraft', reason: 'draft_changed', currentRevision: draftRevision(draft) });
    }
    const howGiven = requireNote(channel, note);
    const sent = { text: draft.text, sentAt: ctx.now, sentBy: ctx.actor.displayName, sentById: ctx.actor.id, channel, note: howGiven };
    return withEvent({ ...item, status: transition(item.status, 'answered'), answer: { ...item.answer, sent } }, ctx, 'answered', { channel, note: howGiven });
  },
});

/**
 * An interim answer (P10): the sender hears where the matter stands. The item stays open, its
 * due date does not move, and the status page shows it. By email only where an answer could go.
 */
export const sendInterimAnswer = defineMutation({
  name: 'sendInterimAnswer',
  args: z.object({ itemId: ItemId, channel: AnswerChannel, text: z.string().trim().min(1).max(5000), note: HowGiven.optional() }),
  authorize: (actor, item) => may(actor, 'send_answer', item),
  apply: (item, { channel, text, note }, ctx) => {
    const reasons = interimRefusals(item, channel);
    if (reasons.length > 0) throw refuse('invalid_state', reasons[0], `the interim answer cannot be sent: ${reasons.join(', ')}`, { reasons });
    const howGiven = requireNote(channel, note);
    const interim = { id: ctx.newId(), text, channel, note: howGiven, sentAt: ctx.now, sentBy: ctx.actor.displayName, sentById: ctx.actor.id };
    return withEvent(
      { ...item, status: statusWhenWorkStarts(item.status), answer: { ...item.answer, interim: [...(item.answer.interim ?? []), interim] } },
      ctx,
      'interim_answered',
      { interimId: interim.id, channel, note: howGiven },
    );
  },
});
