import { describe, expect, it } from 'vitest';
import { clerk, kaskoResponder, kympLead, kympResponder, makeItem, moderator, testDirectory } from '../../tests/fixtures/items.js';
import type { FeedbackItem } from '../domain/index.js';
import { approvalStatus, sendRefusals } from '../workflow/answering.js';
import { accessTo, canSee, visibilityGrants, type Actor } from '../workflow/index.js';
import { findMutation, MutationError, runMutation, type MutationContext } from './index.js';

const NOW = '2026-11-21T10:00:00.000Z';
let seq = 0;
const ctx = (actor: Actor, now = NOW): MutationContext => ({ actor, now, clientId: 'c1', newId: () => `id-${++seq}`, directory: testDirectory });
const run = (name: string, args: Record<string, unknown>, actor: Actor, item: FeedbackItem, now?: string) => runMutation(findMutation(name)!, { itemId: item.id, ...args }, item, ctx(actor, now));
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof MutationError) return { code: err.code, reason: err.details.reason };
    throw err;
  }
  throw new Error('expected a refusal');
};
const kympItem = (overrides: Partial<FeedbackItem> = {}) => makeItem({ status: 'forwarded', departmentId: 'kymp', assigneeId: kympResponder.id, ...overrides });

describe('comment requests', () => {
  it('open the item to the asked, whose comment answers and closes the request', () => {
    const asked = run('requestComment', { to: [{ staffId: kaskoResponder.id }, { departmentId: 'kasko' }], question: 'Onko pihalla töitä?', dueAt: '2026-11-23T10:00:00.000Z' }, kympResponder, kympItem());
    expect(asked.status).toBe('in_progress');
    expect(asked.commentRequests).toHaveLength(2);
    expect(visibilityGrants(asked)).toEqual(['d:kasko', 's:staff-kasko']);
    expect(accessTo(kaskoResponder, asked)).toBe('guest');
    expect(asked.history.at(-1)).toMatchObject({ type: 'comment_requested', details: { to: ['s:staff-kasko', 'd:kasko'] } });

    const answered = run('addComment', { text: 'Ei töitä tällä viikolla.' }, kaskoResponder, asked);
    expect(answered.commentRequests!.map((r) => r.state)).toEqual(['answered', 'answered']);
    expect(answered.comments.at(-1)).toMatchObject({ answers: asked.commentRequests!.map((r) => r.id) });
    expect(canSee(kaskoResponder, answered)).toBe(false);
  });

  it('a comment that says it does not answer yet keeps the request open', () => {
    const asked = run('requestComment', { to: [{ staffId: kaskoResponder.id }], question: 'Kysymys', dueAt: '2026-11-23T10:00:00.000Z' }, kympResponder, kympItem());
    const noted = run('addComment', { text: 'Selvitän ja palaan.', answersRequests: false }, kaskoResponder, asked);
    expect(noted.commentRequests![0].state).toBe('open');
    expect(accessTo(kaskoResponder, noted)).toBe('guest');
  });

  it('refuse a past due date, oneself, an unknown colleague, a department on a restricted item', () => {
    const item = kympItem();
    const ask = (to: unknown, dueAt = '2026-11-23T10:00:00.000Z', on = item) => refusal(() => run('requestComment', { to, question: 'Q', dueAt }, kympResponder, on));
    expect(ask([{ staffId: kaskoResponder.id }], '2026-11-21T09:59:00.000Z')).toEqual({ code: 'invalid_args', reason: 'due_in_past' });
    expect(ask([{ staffId: kympResponder.id }])).toEqual({ code: 'invalid_args', reason: 'ask_yourself' });
    expect(ask([{ staffId: 'nobody' }])).toEqual({ code: 'invalid_args', reason: 'unknown_colleague' });
    expect(ask([{ departmentId: 'kasko' }], undefined, kympItem({ restricted: { reason: 'r', by: kympResponder.id, at: NOW } }))).toEqual({ code: 'invalid_state', reason: 'restricted_department' });
    expect(ask([])).toMatchObject({ code: 'invalid_args' });
  });

  it('a guest may comment but not act; a moderator may not ask', () => {
    const asked = run('requestComment', { to: [{ staffId: kaskoResponder.id }], question: 'Q', dueAt: '2026-11-23T10:00:00.000Z' }, kympResponder, kympItem());
    expect(refusal(() => run('transfer', { toDepartmentId: 'kasko', note: 'n' }, kaskoResponder, asked)).code).toBe('forbidden');
    expect(refusal(() => run('saveAnswerDraft', { text: 'x', baseRevision: null, revision: 'r1' }, kaskoResponder, asked)).code).toBe('forbidden');
    expect(refusal(() => run('requestComment', { to: [{ staffId: clerk.id }], question: 'Q', dueAt: '2026-11-23T10:00:00.000Z' }, moderator, kympItem())).code).toBe('forbidden');
  });
});

describe('answer drafts, approval and sending', () => {
  const drafted = () => run('saveAnswerDraft', { text: 'Kiitos palautteesta.', baseRevision: null, revision: 'r1' }, kympResponder, kympItem());

  it('tells revisions apart: a save on another desk\'s same-numbered version is a conflict', () => {
    const a = drafted();
    expect(a.answer.draft).toMatchObject({ version: 1, revision: 'r1' });
    expect(refusal(() => run('saveAnswerDraft', { text: 'toinen', baseRevision: 'other-desk-r1', revision: 'r2' }, kympLead, a)).code).toBe('conflict');
    // A run of one person's saves is one history entry.
    const b = run('saveAnswerDraft', { text: 'Kiitos palautteesta!', baseRevision: 'r1', revision: 'r2' }, kympResponder, a);
    expect(b.history.filter((e) => e.type === 'answer_draft_saved')).toHaveLength(1);
    // Drafts from before revisions: version numbers still work.
    const legacy = makeItem({ answer: { draft: { text: 'vanha', version: 3, updatedBy: null, updatedAt: null }, sent: null, approvedBy: null }, departmentId: 'kymp' });
    expect(run('saveAnswerDraft', { text: 'uusi', baseVersion: 3 }, kympResponder, legacy).answer.draft).toMatchObject({ version: 4, revision: 'v4' });
  });

  it('approval holds for the approved revision only', () => {
    const submitted = run('submitAnswerForApproval', { approverId: kympLead.id, draftRevision: 'r1' }, kympResponder, drafted());
    expect(approvalStatus(submitted.answer)).toBe('pending');
    const approved = run('approveAnswer', { draftRevision: 'r1' }, kympLead, submitted);
    expect(approvalStatus(approved.answer)).toBe('approved');
    expect(sendRefusals(approved, 'email', testDirectory.department('kymp'))).toEqual([]);
    const edited = run('saveAnswerDraft', { text: 'Muutettu', baseRevision: 'r1', revision: 'r2' }, kympResponder, approved);
    expect(approvalStatus(edited.answer)).toBe('outdated');
    expect(sendRefusals(edited, 'email', testDirectory.department('kymp'))).toEqual(['approval_required']);
    expect(refusal(() => run('approveAnswer', { draftRevision: 'r2' }, kympLead, edited))).toMatchObject({ code: 'invalid_state', reason: 'no_pending_approval' });
  });

  it('sends the confirmed revision: answered, by whom and how; refuses email where it may not go', () => {
    const kasko = makeItem({ status: 'in_progress', departmentId: 'kasko', assigneeId: kaskoResponder.id });
    const withDraft = run('saveAnswerDraft', { text: 'Vastaus', baseRevision: null, revision: 'k1' }, kaskoResponder, kasko);
    expect(refusal(() => run('sendAnswer', { channel: 'email', draftRevision: 'k0' }, kaskoResponder, withDraft))).toMatchObject({ code: 'conflict', reason: 'draft_changed' });
    const sent = run('sendAnswer', { channel: 'email', draftRevision: 'k1' }, kaskoResponder, withDraft);
    expect(sent).toMatchObject({ status: 'answered', answer: { sent: { text: 'Vastaus', channel: 'email', sentById: kaskoResponder.id } } });
    expect(refusal(() => run('sendAnswer', { channel: 'email', draftRevision: 'k1' }, kaskoResponder, sent)).reason).toBe('already_sent');
    const noEmail = run('saveAnswerDraft', { text: 'V', baseRevision: null, revision: 'n1' }, kaskoResponder, makeItem({ ...kasko, contact: { email: null, phone: '040 1' } }));
    expect(refusal(() => run('sendAnswer', { channel: 'email', draftRevision: 'n1' }, kaskoResponder, noEmail)).reason).toBe('no_email');
    expect(run('sendAnswer', { channel: 'letter', draftRevision: 'n1', note: 'Kirje postitettu 3.12.' }, kaskoResponder, noEmail).answer.sent?.note).toBe('Kirje postitettu 3.12.');
  });
});

describe('transfer', () => {
  it('to a person takes the item to their department with the cover note; to a department clears the assignee', () => {
    const toPerson = run('transfer', { toStaffId: kaskoResponder.id, note: 'Teidän asianne' }, kympResponder, kympItem({ status: 'in_progress' }));
    expect(toPerson).toMatchObject({ departmentId: 'kasko', assigneeId: kaskoResponder.id, status: 'forwarded', handoff: { note: 'Teidän asianne', fromDepartmentId: 'kymp' } });
    const toDepartment = run('transfer', { toDepartmentId: 'neuvonta', note: 'Väärä osoite' }, kympResponder, kympItem());
    expect(toDepartment).toMatchObject({ departmentId: 'neuvonta', assigneeId: null });
    expect(refusal(() => run('transfer', { toStaffId: kaskoResponder.id, toDepartmentId: 'kasko', note: 'n' }, kympResponder, kympItem())).code).toBe('invalid_args');
    expect(refusal(() => run('transfer', { toDepartmentId: 'kasko', note: 'n' }, kympResponder, kympItem({ status: 'answered' }))).reason).toBe('not_open');
  });
});
