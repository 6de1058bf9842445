import { describe, expect, it } from 'vitest';
import { findMutation, runMutation, type MutationContext } from './index.js';
import { FeedbackItem } from '../domain/feedback-item.js';
import type { Actor } from '../workflow/index.js';
import { clerk, makeItem, moderator, testDirectory } from '../../tests/fixtures/items.js';

let seq = 0;
const ctx = (actor: Actor, now = '2026-11-21T10:00:00.000Z'): MutationContext => ({ actor, now, clientId: 'client-test-1', newId: () => `id-${++seq}`, directory: testDirectory });
const run = (name: string, args: Record<string, unknown>, item = makeItem(), actor: Actor = moderator, now?: string) =>
  runMutation(findMutation(name)!, { itemId: 'item-1', ...args }, item, ctx(actor, now));
const args = { title: 'Katuvalo rikki', text: 'Katuvalo ei pala.', answer: 'Korjattu.' };
const publish = (item = makeItem(), actor: Actor = moderator, extra: Record<string, unknown> = {}) => run('publish', { ...args, ...extra }, item, actor);
const refusal = (code: string, rule?: string) => expect.objectContaining({ code, ...(rule ? { details: expect.objectContaining({ rule }) } : {}) });

describe('publish (edit + decide publish in one step)', () => {
  it('publishes the moderated version, keeps the original and records the edit', () => {
    const out = publish();
    expect(out.publication).toMatchObject({ state: 'published', title: 'Katuvalo rikki', text: 'Katuvalo ei pala.', answer: 'Korjattu.', publishedAt: '2026-11-21T10:00:00.000Z', version: 1 });
    expect(out.publication.edits).toEqual([expect.objectContaining({ version: 1, text: 'Katuvalo ei pala.', by: moderator.id, byName: moderator.displayName })]);
    expect(out.publication.decision).toMatchObject({ decision: 'publish', reasons: [], by: moderator.id });
    expect(out.original.description).toBe('Katuvalo ei pala Sturenkadulla.');
    expect(out.history.map((e) => e.type)).toEqual(['publication_edited', 'published']);
    expect(() => FeedbackItem.parse(out)).not.toThrow();
  });

  it('refuses email items, items without permission, restricted items and non-moderators', () => {
    expect(() => publish(makeItem({ channel: 'email' }))).toThrow(refusal('invalid_state', 'P19a'));
    expect(() => publish(makeItem({ publicationPermission: false }))).toThrow(refusal('invalid_state', 'P19a'));
    expect(() => publish(makeItem({ restricted: { reason: 'terveystieto', by: 'staff-clerk', at: '2026-11-20T09:00:00.000Z' } }), { ...moderator, role: 'admin' })).toThrow(
      refusal('invalid_state', 'P26'),
    );
    expect(() => publish(makeItem(), clerk)).toThrow(refusal('forbidden'));
  });

  it('goes through the same central guard as decidePublication', () => {
    expect(() => publish(makeItem(), moderator, { text: 'Soittakaa minulle 040 123 4567.' })).toThrow(refusal('invalid_state', 'guard'));
    const out = publish(makeItem(), moderator, { text: 'Soittakaa minulle 040 123 4567.', overrideReason: 'Numero on kaupungin palvelunumero.' });
    expect(out.publication.override).toMatchObject({ reason: 'Numero on kaupungin palvelunumero.', found: [{ field: 'text', kind: 'phone' }] });
  });
});

describe('editPublication', () => {
  it('keeps every edit with who and when, and never alters the original', () => {
    const one = run('editPublication', { title: 'Valo', text: 'Katuvalo ei pala [osoite poistettu].', baseVersion: 0 });
    const two = run('editPublication', { title: 'Valo rikki', text: 'Katuvalo ei pala.', baseVersion: 1 }, one, { ...moderator, id: 'staff-mod2', displayName: 'Mikko Moderaattori' }, '2026-11-21T11:00:00.000Z');
    expect(two.publication).toMatchObject({ state: 'unpublished', title: 'Valo rikki', text: 'Katuvalo ei pala.', version: 2 });
    expect(two.publication.edits!.map((e) => [e.version, e.text, e.by, e.at])).toEqual([
      [1, 'Katuvalo ei pala [osoite poistettu].', moderator.id, '2026-11-21T10:00:00.000Z'],
      [2, 'Katuvalo ei pala.', 'staff-mod2', '2026-11-21T11:00:00.000Z'],
    ]);
    expect(two.original).toEqual(makeItem().original);
    expect(() => FeedbackItem.parse(two)).not.toThrow();
  });

  it('a stale baseVersion is a conflict carrying both texts, nothing overwritten', () => {
    const one = run('editPublication', { title: null, text: 'Ensimmäinen versio.', baseVersion: 0 });
    let err: unknown;
    try {
      run('editPublication', { title: null, text: 'Toinen, vanhasta pohjasta.', baseVersion: 0 }, one);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({
      code: 'conflict',
      details: { mine: { text: 'Toinen, vanhasta pohjasta.' }, theirs: { text: 'Ensimmäinen versio.' }, baseVersion: 0, currentVersion: 1 },
    });
  });

  it('refuses to change the text of a published item until it is withheld', () => {
    const published = run('decidePublication', { decision: 'publish' });
    expect(() => run('editPublication', { title: null, text: 'Uusi', baseVersion: 0 }, published)).toThrow(refusal('invalid_state', 'P24'));
    const withheld = run('decidePublication', { decision: 'withhold', reasons: ['personal_sensitive_matters'] }, published);
    expect(run('editPublication', { title: null, text: 'Uusi', baseVersion: 0 }, withheld).publication.text).toBe('Uusi');
  });
});

describe('decidePublication and the central guard', () => {
  const withText = (text: string, extra: Partial<ReturnType<typeof makeItem>> = {}) => run('editPublication', { title: 'Palaute', text, baseVersion: 0 }, makeItem(extra));

  it.each([
    ['a validated hetu', 'Henkilötunnukseni on 131052-308T.', 'hetu'],
    ['an email address', 'Vastatkaa osoitteeseen maija.meikalainen@example.com kiitos.', 'email'],
    ['a phone number', 'Soittakaa minulle numeroon 040 123 4567.', 'phone'],
    ['an IBAN', 'Palauttakaa maksu tilille FI21 1234 5600 0007 85.', 'iban'],
  ])('refuses to publish text that still holds %s', (_label, text, kind) => {
    expect(() => run('decidePublication', { decision: 'publish' }, withText(text))).toThrow(
      expect.objectContaining({ code: 'invalid_state', details: expect.objectContaining({ rule: 'guard', found: [expect.objectContaining({ field: 'text', kind })] }) }),
    );
  });

  it('checks the title and the answer too', () => {
    const item = run('editPublication', { title: 'Soita 040 123 4567', text: 'Katuvalo ei pala.', answer: 'Vastaus lähetetty osoitteeseen matti@example.com.', baseVersion: 0 });
    expect(() => run('decidePublication', { decision: 'publish' }, item)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ found: [expect.objectContaining({ field: 'title', kind: 'phone' }), expect.objectContaining({ field: 'answer', kind: 'email' })] }) }),
    );
  });

  it('lets the city’s own contacts stay in the answer, not in the sender’s text', () => {
    const answer = 'Lisätietoja: puh. 09 310 12345, etunimi.sukunimi@hel.fi';
    const ok = run('editPublication', { title: 'Palaute', text: 'Katuvalo ei pala.', answer, baseVersion: 0 });
    expect(run('decidePublication', { decision: 'publish' }, ok).publication.answer).toBe(answer);
    const inText = run('editPublication', { title: 'Palaute', text: `Soittakaa ${'09 310 12345'}.`, baseVersion: 0 });
    expect(() => run('decidePublication', { decision: 'publish' }, inText)).toThrow(refusal('invalid_state', 'guard'));
  });

  it('does not block things that only look like identifiers', () => {
    // wrong hetu check character, IBAN with bad check digits, a date, the registry office address, a postcode
    const item = withText('Koodi 131052-308A ja FI21 1234 5600 0007 86 eivät ole oikeita. Kirjoita helsinki.kirjaamo@hel.fi, 00100 Helsinki, 1.12.2026.');
    expect(run('decidePublication', { decision: 'publish' }, item).publication.state).toBe('published');
  });

  it('publishes once the identifier is redacted', () => {
    const redacted = run('editPublication', { title: 'Palaute', text: 'Soittakaa minulle numeroon [puhelinnumero poistettu].', baseVersion: 1 }, withText('Soittakaa minulle numeroon 040 123 4567.'));
    const out = run('decidePublication', { decision: 'publish' }, redacted);
    expect(out.publication).toMatchObject({ state: 'published', text: 'Soittakaa minulle numeroon [puhelinnumero poistettu].', override: null });
  });

  it('an override with a written reason publishes and is audited without copying the identifier', () => {
    const item = withText('Soittakaa minulle numeroon 040 123 4567.');
    expect(() => run('decidePublication', { decision: 'publish', overrideReason: 'ok' }, item)).toThrow(refusal('invalid_args'));
    const out = run('decidePublication', { decision: 'publish', overrideReason: 'Numero on yrityksen julkinen asiakaspalvelunumero.' }, item);
    expect(out.publication.state).toBe('published');
    expect(out.publication.override).toEqual({ reason: 'Numero on yrityksen julkinen asiakaspalvelunumero.', found: [{ field: 'text', kind: 'phone' }], by: moderator.id, at: '2026-11-21T10:00:00.000Z' });
    const audit = out.history.find((e) => e.type === 'publication_guard_overridden');
    expect(audit).toMatchObject({ actorId: moderator.id, clientId: 'client-test-1', details: { reason: 'Numero on yrityksen julkinen asiakaspalvelunumero.' } });
    expect(JSON.stringify(out.history)).not.toContain('123 4567');
    expect(() => FeedbackItem.parse(out)).not.toThrow();
  });

  it('an email-channel item can never be published, not even with an override; withholding works', () => {
    const email = makeItem({ channel: 'email' });
    expect(() => run('decidePublication', { decision: 'publish' }, email)).toThrow(refusal('invalid_state', 'P19a'));
    expect(() => run('decidePublication', { decision: 'publish', overrideReason: 'Lähettäjä antoi luvan puhelimessa.' }, email)).toThrow(refusal('invalid_state', 'P19a'));
    const withheld = run('decidePublication', { decision: 'withhold', reasons: [] }, email);
    expect(withheld.publication).toMatchObject({ state: 'withheld', decision: { decision: 'withhold', reasons: ['email_channel'] } });
  });

  it('missing permission withholds automatically: the reason is always recorded, publishing refused', () => {
    const item = makeItem({ publicationPermission: false });
    expect(() => run('decidePublication', { decision: 'publish' }, item)).toThrow(refusal('invalid_state', 'P19a'));
    const out = run('decidePublication', { decision: 'withhold', reasons: ['duplicate'], note: 'sama kuin aiempi' }, item);
    expect(out.publication.decision).toMatchObject({ reasons: ['no_permission', 'duplicate'], note: 'sama kuin aiempi' });
    expect(out.history.at(-1)).toMatchObject({ type: 'publication_withheld', details: { reasons: ['no_permission', 'duplicate'] } });
  });

  it('withholding is always allowed, also a published item, and needs a reason otherwise', () => {
    const published = run('decidePublication', { decision: 'publish' });
    expect(() => run('decidePublication', { decision: 'withhold', reasons: [] }, published)).toThrow(refusal('invalid_args'));
    expect(() => run('decidePublication', { decision: 'withhold', reasons: ['not_a_reason'] }, published)).toThrow(refusal('invalid_args'));
    const out = run('decidePublication', { decision: 'withhold', reasons: ['racism'] }, published);
    expect(out.publication).toMatchObject({ state: 'withheld', publishedAt: null });
    expect(() => run('decidePublication', { decision: 'publish', reasons: ['racism'] })).toThrow(refusal('invalid_args'));
  });

  it('publishes the original when nothing was edited, with the sent answer', () => {
    const item = makeItem({ answer: { draft: null, sent: { text: 'Korjaamme valon.', sentAt: '2026-11-21T09:00:00.000Z', sentBy: 'staff-kymp', channel: 'email' }, approvedBy: null } });
    const out = run('decidePublication', { decision: 'publish' }, item);
    expect(out.publication).toMatchObject({ title: 'Katuvalo rikki', text: 'Katuvalo ei pala Sturenkadulla.', answer: 'Korjaamme valon.' });
  });

  it('only moderators decide', () => {
    expect(() => run('decidePublication', { decision: 'withhold', reasons: ['racism'] }, makeItem(), clerk)).toThrow(refusal('forbidden'));
  });
});
