import { describe, expect, it } from 'vitest';
import { createModerationEngine } from '../moderation/engine.js';
import { publicationChecklist, publicationGuard, effectivePublicationState, isPublicationPending, type PublicationCheck } from './publication.js';
import { makeItem } from '../../tests/fixtures/items.js';

// The lexicon-free engine: no DVV names, but everything pattern- and list-based.
const engine = createModerationEngine();
const scan = (text: string) => engine.scan(text, { language: 'fi' });
const state = (checks: PublicationCheck[], code: string) => checks.find((c) => c.code === code)!.state;

describe('publicationChecklist', () => {
  it('a clean web-form item is ok on every check', () => {
    const r = publicationChecklist({ item: makeItem(), findings: { text: scan('Katuvalo ei pala.') } });
    expect(r.automaticWithhold).toEqual([]);
    expect(r.checks.map((c) => c.code)).toEqual([
      'no_permission', 'email_channel', 'inappropriate_or_spam', 'personal_sensitive_matters',
      'health_or_social_client_info', 'racism', 'names_person_negatively', 'duplicate',
    ]);
    expect(r.checks.every((c) => c.state === 'ok')).toBe(true);
  });

  it('email channel and missing permission withhold automatically (P19a)', () => {
    const r = publicationChecklist({ item: makeItem({ channel: 'email', publicationPermission: false }), findings: {} });
    expect(r.automaticWithhold).toEqual(['no_permission', 'email_channel']);
    expect(state(r.checks, 'email_channel')).toBe('problem');
    expect(effectivePublicationState(makeItem({ channel: 'email' }))).toBe('withheld');
    expect(effectivePublicationState(makeItem())).toBe('unpublished');
  });

  it('maps findings to P19 b-e with evidence pointing into the field', () => {
    const text = 'Poikani lääkitys unohtui terveysasemalla. Soita 040 123 4567. Vitun huono palvelu. www.halpaa-kamaa.example';
    const r = publicationChecklist({ item: makeItem(), findings: { text: scan(text) } });
    expect(state(r.checks, 'health_or_social_client_info')).toBe('problem');
    expect(state(r.checks, 'personal_sensitive_matters')).toBe('problem');
    expect(state(r.checks, 'inappropriate_or_spam')).toBe('problem');
    const phone = r.checks.find((c) => c.code === 'personal_sensitive_matters')!.evidence[0];
    expect(phone.field).toBe('text');
    expect(text.slice(phone.finding!.start, phone.finding!.end)).toBe('040 123 4567');
  });

  it('an unvalidated identifier (wrong hetu check character) is a question, a validated one a problem', () => {
    const wrong = publicationChecklist({ item: makeItem(), findings: { text: scan('Hetu 131052-308A') } });
    expect(state(wrong.checks, 'personal_sensitive_matters')).toBe('ask_moderator');
    const right = publicationChecklist({ item: makeItem(), findings: { text: scan('Hetu 131052-308T') } });
    expect(state(right.checks, 'personal_sensitive_matters')).toBe('problem');
  });

  it('a named person in criticism is a question for the moderator (P19f), not a verdict', () => {
    const person = { kind: 'person' as const, start: 0, end: 12, score: 0.9, explanation: 'name' };
    const criticism = publicationChecklist({ item: makeItem({ kind: 'criticism' }), findings: { text: [person] } });
    expect(state(criticism.checks, 'names_person_negatively')).toBe('ask_moderator');
    expect(state(criticism.checks, 'personal_sensitive_matters')).toBe('ask_moderator');
    const praise = publicationChecklist({ item: makeItem({ kind: 'praise' }), findings: { text: [person] } });
    expect(state(praise.checks, 'names_person_negatively')).toBe('ok');
  });

  it('P19f: very negative words about a named person are evidence even in praise-kind items, with spans', () => {
    const text = 'Kuljettaja Matti Virtanen oli täysin epäpätevä ja töykeä.';
    const person = { kind: 'person' as const, start: 11, end: 25, score: 0.9, explanation: 'name' };
    const r = publicationChecklist({ item: makeItem({ kind: 'suggestion' }), findings: { text: [person] }, texts: { text } });
    const check = r.checks.find((c) => c.code === 'names_person_negatively')!;
    expect(check.state).toBe('ask_moderator');
    expect(check.evidence.filter((e) => e.span).map((e) => text.slice(e.span!.start, e.span!.end))).toEqual(['epäpätevä', 'töykeä']);
    // the same words without a named person are no P19f matter
    expect(state(publicationChecklist({ item: makeItem({ kind: 'suggestion' }), findings: { text: [] }, texts: { text: 'Palvelu oli töykeä.' } }).checks, 'names_person_negatively')).toBe('ok');
  });

  it('racism (P19e) and triage facts (inappropriate, restricted)', () => {
    const r = publicationChecklist({
      item: makeItem({ inappropriate: { reason: 'spam', note: null, by: 'staff-clerk', at: '2026-11-20T09:00:00.000Z' } }),
      findings: { text: [{ kind: 'racism', start: 0, end: 5, score: 0.9, explanation: 'slur' }] },
    });
    expect(state(r.checks, 'racism')).toBe('problem');
    expect(r.checks.find((c) => c.code === 'inappropriate_or_spam')!.evidence[0]).toMatchObject({ field: 'item' });
  });

  it('P17: a duplicate of a published item is a problem, of an unknown one a question', () => {
    const dup = makeItem({ duplicateOf: 'item-0' });
    expect(state(publicationChecklist({ item: dup, findings: {}, duplicateOfState: 'published' }).checks, 'duplicate')).toBe('problem');
    expect(state(publicationChecklist({ item: dup, findings: {} }).checks, 'duplicate')).toBe('ask_moderator');
    expect(state(publicationChecklist({ item: dup, findings: {}, duplicateOfState: 'withheld' }).checks, 'duplicate')).toBe('ok');
  });

  it('P18 advice: concise, topical, a question with an answer', () => {
    const q = makeItem({
      kind: 'question',
      answer: { draft: null, sent: { text: 'Kirjastot ovat auki klo 20 asti.', sentAt: '2026-11-21T09:00:00.000Z', sentBy: 'x', channel: 'email' }, approvedBy: null },
    });
    const r = publicationChecklist({ item: q, findings: {}, now: '2026-11-25T00:00:00.000Z' });
    expect(Object.fromEntries(r.advice.map((a) => [a.code, a.met]))).toEqual({ concise: true, topical: true, useful_question: true });
    const old = publicationChecklist({ item: makeItem({ original: { title: null, description: 'x'.repeat(3000) } }), findings: {}, now: '2027-06-01T00:00:00.000Z' });
    expect(Object.fromEntries(old.advice.map((a) => [a.code, a.met]))).toEqual({ concise: false, topical: false, useful_question: false });
  });
});

describe('publicationGuard', () => {
  it('finds only validated identifiers, per field', () => {
    const hits = publicationGuard({ title: 'Tili FI21 1234 5600 0007 85', text: 'hetu 131052-308T, väärä 131052-308A, postinumero 00100 Helsinki', answer: null });
    expect(hits.map((h) => [h.field, h.finding.kind])).toEqual([['title', 'iban'], ['text', 'hetu']]);
  });
});

describe('isPublicationPending (the moderators publication queue)', () => {
  const answered = (over: Parameters<typeof makeItem>[0] = {}) => makeItem({ status: 'answered', channel: 'web_form', publicationPermission: true, ...over });
  const decided = { decision: 'withhold' as const, reasons: ['duplicate' as const], note: null, by: 'staff-9', at: '2026-11-27T12:00:00.000Z' };

  it('holds answered or closed web items with permission that nobody has decided on', () => {
    expect(isPublicationPending(answered())).toBe(true);
    expect(isPublicationPending(answered({ status: 'closed' }))).toBe(true);
  });

  it('leaves out what is not ready, never publishable, or already decided', () => {
    expect(isPublicationPending(answered({ status: 'in_triage' }))).toBe(false);
    expect(isPublicationPending(answered({ publicationPermission: false }))).toBe(false);
    expect(isPublicationPending(answered({ channel: 'email' }))).toBe(false);
    expect(isPublicationPending(answered({ restricted: { reason: 'terveystietoja', by: 'staff-1', at: '2026-11-27T12:00:00.000Z' } }))).toBe(false);
    expect(isPublicationPending(answered({ inappropriate: { reason: 'spam', note: null, by: 'staff-1', at: '2026-11-27T12:00:00.000Z' } }))).toBe(false);
    const base = answered();
    expect(isPublicationPending({ ...base, publication: { ...base.publication, state: 'published' } })).toBe(false);
    // withheld back to unpublished would be odd, but a recorded decision alone takes it out of the queue
    expect(isPublicationPending({ ...base, publication: { ...base.publication, decision: decided } })).toBe(false);
  });
});
