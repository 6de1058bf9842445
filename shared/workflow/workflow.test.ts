import { describe, expect, it } from 'vitest';
import { admin, clerk, kaskoResponder, kympResponder, makeItem, moderator } from '../../tests/fixtures/items.js';
import { canSee, canTransition, dueAtFor, dueState, may, transition, TransitionError } from './index.js';

describe('status transitions', () => {
  it('lets a received item be forwarded but not answered before anyone has it', () => {
    expect(canTransition('received', 'forwarded')).toBe(true);
    expect(canTransition('received', 'answered')).toBe(false);
  });
  it('throws a TransitionError naming both states', () => {
    expect(() => transition('closed', 'forwarded')).toThrow(TransitionError);
    expect(() => transition('closed', 'forwarded')).toThrow(/closed to forwarded/);
  });
  it('lets a redirected item come back to triage when it was redirected by mistake', () => {
    expect(transition('redirected_to_registry', 'in_triage')).toBe('in_triage');
  });
});

describe('due dates (P10: about one week)', () => {
  it('is seven days after receipt', () => {
    expect(dueAtFor('2026-11-20T08:00:00.000Z')).toBe('2026-11-27T08:00:00.000Z');
  });
  it('marks open items overdue, due soon or on time, and closed ones done', () => {
    const due = '2026-11-27T08:00:00.000Z';
    expect(dueState(due, true, new Date('2026-11-27T09:00:00Z'))).toBe('overdue');
    expect(dueState(due, true, new Date('2026-11-26T09:00:00Z'))).toBe('due_soon');
    expect(dueState(due, true, new Date('2026-11-21T09:00:00Z'))).toBe('on_time');
    expect(dueState(due, false, new Date('2026-12-27T09:00:00Z'))).toBe('done');
  });
});

describe('visibility (P8, P27)', () => {
  const kympItem = makeItem({ departmentId: 'kymp' });
  it('shows department items to that department and not to another', () => {
    expect(canSee(kympResponder, kympItem)).toBe(true);
    expect(canSee(kaskoResponder, kympItem)).toBe(false);
  });
  it('shows an item assigned to a responder outside their department', () => {
    expect(canSee(kaskoResponder, { ...kympItem, assigneeId: kaskoResponder.id })).toBe(true);
  });
  it('hides a restricted item from everyone but its assignee, whoever restricted it and admins', () => {
    const restricted = makeItem({
      assigneeId: kympResponder.id,
      restricted: { reason: 'terveystietoja', by: 'staff-other-clerk', at: '2026-11-20T09:00:00.000Z' },
    });
    expect(canSee(clerk, restricted)).toBe(false);
    expect(canSee(moderator, restricted)).toBe(false);
    expect(canSee(kympResponder, restricted)).toBe(true);
    expect(canSee(admin, restricted)).toBe(true);
    expect(canSee({ ...clerk, id: 'staff-other-clerk' }, restricted)).toBe(true);
  });
  it('does not let a moderator forward or a responder restrict', () => {
    expect(may(moderator, 'forward', kympItem)).toBe(false);
    expect(may(kympResponder, 'restrict', kympItem)).toBe(false);
    expect(may(clerk, 'restrict', kympItem)).toBe(true);
  });
});
