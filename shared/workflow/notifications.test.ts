import { describe, expect, it } from 'vitest';
import { kaskoResponder, kympLead, kympResponder, makeItem, testDirectory } from '../../tests/fixtures/items.js';
import type { FeedbackItem } from '../domain/index.js';
import { findMutation, runMutation, type MutationContext } from '../mutations/index.js';
import type { Actor } from './permissions.js';
import { notificationsFor } from './notifications.js';

let seq = 0;
const run = (name: string, args: Record<string, unknown>, actor: Actor, item: FeedbackItem): FeedbackItem => {
  const ctx: MutationContext = { actor, now: '2026-11-21T10:00:00.000Z', clientId: null, newId: () => `n-${++seq}`, directory: testDirectory };
  return runMutation(findMutation(name)!, { itemId: item.id, ...args }, item, ctx);
};
const kinds = (actor: Actor, before: FeedbackItem | null, after: FeedbackItem) => notificationsFor(actor, before, after, { newSince: '2026-11-21T00:00:00.000Z' }).map((n) => n.kind);

describe('notifications', () => {
  const item = makeItem({ status: 'in_progress', departmentId: 'kymp', assigneeId: kympResponder.id });

  it('tell the asked of a comment request, the asker of its answer, and nobody of their own doings', () => {
    const asked = run('requestComment', { to: [{ staffId: kaskoResponder.id }], question: 'Q', dueAt: '2026-11-23T00:00:00.000Z' }, kympResponder, item);
    // The item is new to the asked desk: its news since the last sync, not its whole history.
    expect(kinds(kaskoResponder, null, asked)).toEqual(['comment_requested']);
    expect(kinds(kympResponder, item, asked)).toEqual([]);
    const answered = run('addComment', { text: 'Vastaus' }, kaskoResponder, asked);
    expect(kinds(kympResponder, asked, answered)).toEqual(['request_answered']);
    expect(kinds(kaskoResponder, asked, answered)).toEqual([]);
  });

  it('tell the approver of a request, the writer of the decision, an assignee of a new comment, and the mentioned', () => {
    const drafted = run('saveAnswerDraft', { text: 'Vastaus', baseRevision: null, revision: 'r1' }, kympResponder, item);
    const submitted = run('submitAnswerForApproval', { approverId: kympLead.id, draftRevision: 'r1' }, kympResponder, drafted);
    expect(kinds(kympLead, drafted, submitted)).toEqual(['approval_requested']);
    expect(kinds(kympResponder, submitted, run('returnAnswer', { comment: 'Korjaa' }, kympLead, submitted))).toEqual(['answer_returned']);
    expect(kinds(kympResponder, submitted, run('approveAnswer', { draftRevision: 'r1' }, kympLead, submitted))).toEqual(['answer_approved']);
    const commented = run('addComment', { text: '@kymp.esihenkilo katso', mentions: [kympLead.id] }, kaskoResponder, run('shareForInformation', { staffIds: [kaskoResponder.id] }, kympResponder, item));
    expect(kinds(kympResponder, item, commented)).toContain('commented');
    expect(kinds(kympLead, item, commented)).toEqual(['mentioned']);
    expect(kinds(kaskoResponder, item, run('transfer', { toStaffId: kaskoResponder.id, note: 'sinulle' }, kympResponder, item))).toEqual(['transferred']);
  });

  it('an item new to the desk brings no news older than the last sync', () => {
    const asked = run('requestComment', { to: [{ staffId: kaskoResponder.id }], question: 'Q', dueAt: '2026-11-23T00:00:00.000Z' }, kympResponder, item);
    expect(notificationsFor(kaskoResponder, null, asked, { newSince: '2026-11-22T00:00:00.000Z' })).toEqual([]);
  });
});
