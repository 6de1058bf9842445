import { describe, expect, it, vi } from 'vitest';
import type { Service } from '../../../shared/domain/reference.js';
import { createModerationEngine } from '../../../shared/moderation/index.js';
import { makeItem } from '../testing/make-items.js';
import { createTriageSuggester } from './suggest.js';

const services: Service[] = [
  { code: '171', name: { fi: 'Katuvalot', sv: 'Gatubelysning', en: 'Street lights' }, keywords: ['katuvalo', 'valaistus'], departmentId: 'kymp' },
  { code: '246', name: { fi: 'Koulut', sv: 'Skolor', en: 'Schools' }, keywords: ['koulu', 'opettaja'], departmentId: 'kasko' },
];
const at = { lat: 60.1952, long: 24.9588, address: null };

describe('triage suggestions for an item', () => {
  it('suggests the registry office, restriction and routing, each with its reason and evidence', () => {
    const s = createTriageSuggester();
    const item = makeItem(1, undefined, {
      original: { title: null, description: 'Teen oikaisuvaatimuksen. Lapseni diabetes huomioitiin koulussa huonosti, opettaja ei välittänyt.' },
      serviceCode: null,
      departmentId: null,
      restricted: null,
    });
    const got = s.suggest(item, services, []);
    expect(got.map((x) => x.type)).toEqual(['redirect_to_registry', 'restrict', 'route']);
    expect(got[0]).toMatchObject({ reason: 'formal_complaint_wording', evidence: ['oikaisuvaatimuksen'] });
    expect(got[1]).toMatchObject({ reason: 'health_or_social_client_info' });
    expect(got[1].evidence.join(' ')).toMatch(/diabetes/);
    expect(got[2]).toMatchObject({ serviceCode: '246', departmentId: 'kasko' });
  });

  it('suggests restricting for an identity code without repeating it', () => {
    const got = createTriageSuggester().suggest(makeItem(2, undefined, { original: { title: null, description: 'Hetuni on 131052-308T, soittakaa.' }, restricted: null }), [], []);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: 'restrict', reason: 'personal_identity_code' });
    expect(JSON.stringify(got)).not.toContain('131052');
  });

  it('suggests a likely duplicate from the candidates, and nothing already done', () => {
    const s = createTriageSuggester();
    const a = makeItem(3, undefined, { location: at, original: { title: 'Katuvalo', description: 'Katuvalo rikki Sturenkadulla pyörätien kohdalla' }, serviceCode: '171', departmentId: 'kymp', restricted: null });
    const b = makeItem(4, undefined, { location: at, original: { title: 'Valo', description: 'Sturenkadulla katuvalo rikki pyörätien vieressä' }, restricted: null });
    const got = s.suggest(a, services, [a, b]);
    expect(got).toEqual([expect.objectContaining({ type: 'duplicate', itemId: b.id, evidence: [b.serviceRequestId] })]);
    expect(s.suggest({ ...a, duplicateOf: b.id }, services, [b])).toEqual([]);
  });

  it('builds the moderation engine once, on first need', () => {
    const make = vi.fn(() => createModerationEngine());
    const s = createTriageSuggester(make);
    expect(make).not.toHaveBeenCalled();
    s.suggest(makeItem(5, undefined, { restricted: null }), [], []);
    s.suggest(makeItem(6, undefined, { restricted: null }), [], []);
    expect(make).toHaveBeenCalledTimes(1);
  });
});
