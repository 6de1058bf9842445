import { describe, expect, it } from 'vitest';
import { findMutation, runMutation, type MutationContext } from './index.js';
import type { Actor } from '../workflow/index.js';
import { clerk, makeItem, moderator } from '../../tests/fixtures/items.js';

let seq = 0;
const ctx = (actor: Actor): MutationContext => ({ actor, now: '2026-11-21T10:00:00.000Z', clientId: 'client-test-1', newId: () => `id-${++seq}` });
const args = { itemId: 'item-1', title: 'Katuvalo rikki', text: 'Katuvalo ei pala.', answer: 'Korjattu.' };
const publish = (item = makeItem(), actor: Actor = moderator) => runMutation(findMutation('publish')!, args, item, ctx(actor));

describe('publish', () => {
  it('publishes the moderated version and keeps the original', () => {
    const out = publish();
    expect(out.publication).toEqual({ state: 'published', title: 'Katuvalo rikki', text: 'Katuvalo ei pala.', answer: 'Korjattu.', publishedAt: '2026-11-21T10:00:00.000Z' });
    expect(out.original.description).toBe('Katuvalo ei pala Sturenkadulla.');
    expect(out.history.at(-1)).toMatchObject({ type: 'published', actorId: moderator.id });
  });

  it('refuses email items, items without permission, restricted items and non-moderators', () => {
    expect(() => publish(makeItem({ channel: 'email' }))).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(() => publish(makeItem({ publicationPermission: false }))).toThrow(expect.objectContaining({ code: 'invalid_state' }));
    expect(() => publish(makeItem({ restricted: { reason: 'terveystieto', by: 'staff-clerk', at: '2026-11-20T09:00:00.000Z' } }), { ...moderator, role: 'admin' })).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    expect(() => publish(makeItem(), clerk)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
