import { describe, expect, it } from 'vitest';
import { clerk, kaskoResponder, kympResponder, makeItem, moderator, testDirectory } from '../../tests/fixtures/items.js';
import type { Actor } from '../workflow/index.js';
import { findMutation, MutationError, runMutation, type MutationContext } from './index.js';

let seq = 0;
const ctx = (actor: Actor): MutationContext => ({ actor, now: '2026-11-21T10:00:00.000Z', clientId: 'client-test-1', newId: () => `id-${++seq}`, directory: testDirectory });
const run = (name: string, args: unknown, actor: Actor, item = makeItem()) => runMutation(findMutation(name)!, args, item, ctx(actor));

describe('mutations', () => {
  it('forwards to a department, moves the status and records who did it', () => {
    const out = run('forwardToDepartment', { itemId: 'item-1', departmentId: 'kasko', note: 'koulun piha' }, clerk);
    expect(out.departmentId).toBe('kasko');
    expect(out.status).toBe('forwarded');
    expect(out.history.at(-1)).toMatchObject({ type: 'forwarded', actorId: clerk.id, clientId: 'client-test-1', details: { to: 'kasko', note: 'koulun piha' } });
  });

  it('refuses an action the role may not take, with code forbidden', () => {
    expect(() => run('setKind', { itemId: 'item-1', kind: 'praise' }, moderator)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses an item the actor may not see', () => {
    expect(() => run('addComment', { itemId: 'item-1', text: 'hei' }, kaskoResponder)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('rejects invalid args with a message naming the field', () => {
    try {
      run('setKind', { itemId: 'item-1', kind: 'complaint' }, clerk);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MutationError);
      expect((err as MutationError).code).toBe('invalid_args');
      expect((err as MutationError).message).toMatch(/kind/);
    }
  });

  it('turns a forbidden status move into invalid_transition', () => {
    const closed = makeItem({ status: 'closed' });
    expect(() => run('forwardToDepartment', { itemId: 'item-1', departmentId: 'kasko' }, clerk, closed)).toThrow(
      expect.objectContaining({ code: 'invalid_transition' }),
    );
  });

  it('saves an answer draft on the current version and reports a stale base as a conflict with both texts', () => {
    const first = run('saveAnswerDraft', { itemId: 'item-1', text: 'Kiitos palautteesta.', baseVersion: 0 }, kympResponder);
    expect(first.answer.draft).toMatchObject({ text: 'Kiitos palautteesta.', version: 1, updatedBy: kympResponder.id });
    try {
      run('saveAnswerDraft', { itemId: 'item-1', text: 'Minun versioni', baseVersion: 0 }, kympResponder, first);
      expect.unreachable();
    } catch (err) {
      expect((err as MutationError).code).toBe('conflict');
      expect((err as MutationError).details).toMatchObject({ mine: 'Minun versioni', theirs: 'Kiitos palautteesta.', currentVersion: 1 });
    }
  });

  it('keeps internal comments with author and time', () => {
    const out = run('addComment', { itemId: 'item-1', text: '  Tarkistan paikan huomenna.  ' }, kympResponder);
    expect(out.comments).toEqual([expect.objectContaining({ text: 'Tarkistan paikan huomenna.', authorId: kympResponder.id, at: '2026-11-21T10:00:00.000Z' })]);
  });

  it('knows no mutation by an unknown or inherited name', () => {
    expect(findMutation('dropTable')).toBeUndefined();
    expect(findMutation('toString')).toBeUndefined();
  });
});

describe('triage mutations', () => {
  it('restricts with a reason, refuses restricting twice, and lifts with a reason', () => {
    const restricted = run('restrictVisibility', { itemId: 'item-1', reason: 'terveystietoja' }, clerk);
    expect(restricted.restricted).toMatchObject({ reason: 'terveystietoja', by: clerk.id });
    expect(() => run('restrictVisibility', { itemId: 'item-1', reason: 'uudestaan' }, clerk, restricted)).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    const lifted = run('liftRestriction', { itemId: 'item-1', reason: 'ei arkaluonteista' }, clerk, restricted);
    expect(lifted.restricted).toBeNull();
    expect(lifted.history.at(-1)).toMatchObject({ type: 'restriction_lifted', details: { previousReason: 'terveystietoja' } });
  });

  it('redirects a formal complaint to the registry office with a reply in the item language', () => {
    const sv = run('redirectToRegistry', { itemId: 'item-1' }, clerk, makeItem({ language: 'sv' }));
    expect(sv.status).toBe('redirected_to_registry');
    expect(sv.registryRedirect?.reply).toMatch(/registratorskontor/);
    expect(sv.registryRedirect?.reply).toContain('helsinki.kirjaamo@hel.fi');
  });

  it('marks spam as rejected and withheld from publication, keeping the item', () => {
    const out = run('markInappropriate', { itemId: 'item-1', reason: 'spam', note: 'mainos' }, clerk);
    expect(out).toMatchObject({ status: 'rejected', inappropriate: { reason: 'spam', note: 'mainos' }, publication: { state: 'withheld' } });
    expect(out.original).toEqual(makeItem().original);
  });

  it('creates a walk-in item with the ids the desk chose, recorded by the clerk, due in a week', () => {
    const args = {
      itemId: 'walkin-1',
      serviceRequestId: 'w0000000000000000001',
      kind: 'criticism',
      language: 'fi',
      description: 'Asiakas kertoo, että kirjaston ovi jumittaa talvella.',
      displayName: 'Liisa',
      publicationPermission: false,
      permissionAsked: true,
    };
    const item = runMutation(findMutation('createWalkIn')!, args, null, ctx(clerk));
    expect(item).toMatchObject({ id: 'walkin-1', channel: 'verbal', status: 'received', author: { displayName: 'Liisa', anonymous: false }, recordedBy: { staffId: clerk.id, permissionAsked: true } });
    expect(item.dueAt).toBe('2026-11-28T10:00:00.000Z');
    // A retried push must not create it twice.
    expect(() => runMutation(findMutation('createWalkIn')!, args, item, ctx(clerk))).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    // Responders do not record walk-ins; a missing publication question is refused.
    expect(() => runMutation(findMutation('createWalkIn')!, args, null, ctx(kympResponder))).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(() => runMutation(findMutation('createWalkIn')!, { ...args, permissionAsked: false }, null, ctx(clerk))).toThrow(expect.objectContaining({ code: 'invalid_args' }));
  });
});
