import { describe, expect, it } from 'vitest';
import { makeItem } from '../../tests/fixtures/items.js';
import type { Service } from '../domain/reference.js';
import { suggestDuplicates, suggestRegistryRedirect, suggestRestriction, suggestRouting } from './suggestions.js';

describe('registry redirect suggestion (P6)', () => {
  it('recognises inflected Finnish, Swedish and English formal complaint wording', () => {
    expect(suggestRegistryRedirect('Teen täten oikaisuvaatimuksen pysäköintivirhemaksusta.')).toMatchObject({ type: 'redirect_to_registry', evidence: ['oikaisuvaatimuksen'] });
    expect(suggestRegistryRedirect('Jag lämnar ett rättelseyrkande om beslutet.')?.evidence).toEqual(['rättelseyrkande']);
    expect(suggestRegistryRedirect('This is a formal complaint about the decision.')?.evidence).toEqual(['formal complaint']);
  });
  it('stays quiet on ordinary feedback that merely complains', () => {
    expect(suggestRegistryRedirect('Valitan, että roska-astiat ovat taas täynnä.')).toBeNull();
  });
});

describe('restriction suggestion (P19d)', () => {
  it('suggests restricting when health information was found, naming the words', () => {
    expect(suggestRestriction([{ kind: 'health', text: 'diabetes' }, { kind: 'phone', text: '040 123 4567' }])).toMatchObject({ type: 'restrict', reason: 'health_or_social_client_info', evidence: ['diabetes'] });
  });
  it('does not repeat an identity code in its evidence', () => {
    const s = suggestRestriction([{ kind: 'hetu', text: '131052-308T' }]);
    expect(s?.reason).toBe('personal_identity_code');
    expect(JSON.stringify(s)).not.toContain('131052');
  });
});

describe('duplicate suggestion (P17)', () => {
  const at = (lat: number, long: number) => ({ lat, long, address: null });
  const base = makeItem({ id: 'a', location: at(60.1952, 24.9588), original: { title: 'Kuoppa', description: 'Iso kuoppa Sturenkadulla pyörätien kohdalla' } });
  it('finds an item about the same place with similar words', () => {
    const twin = makeItem({ id: 'b', serviceRequestId: 'bbbbbbbbbbbbbbbbbbbb', location: at(60.1953, 24.959), original: { title: 'Kuoppa pyörätiellä', description: 'Sturenkadun pyörätiellä iso kuoppa' } });
    const elsewhere = makeItem({ id: 'c', location: at(60.25, 25.05), original: twin.original });
    const [s, ...rest] = suggestDuplicates(base, [twin, elsewhere, base]);
    expect(s).toMatchObject({ type: 'duplicate', itemId: 'b' });
    expect(rest).toEqual([]);
  });
});

describe('routing suggestion', () => {
  const services: Service[] = [
    { code: '176', name: { fi: 'Töhryjen poisto', sv: 'Klotter', en: 'Graffiti removal' }, keywords: ['graffiti', 'töhry'], departmentId: 'kymp' },
    { code: '211', name: { fi: 'Leikki- ja liikuntapuistot', sv: 'Lekparker', en: 'Playgrounds' }, keywords: ['leikkipuisto', 'liikuntapaikka'], departmentId: 'kymp' },
  ];
  it('picks the service whose keywords the text uses, inflected', () => {
    expect(suggestRouting('Leikkipuistossa on rikkinäinen keinu', services)).toMatchObject({ serviceCode: '211', departmentId: 'kymp' });
    expect(suggestRouting('Seinässä on töhryjä', services)).toMatchObject({ serviceCode: '176' });
  });
  it('suggests nothing without a matching word', () => {
    expect(suggestRouting('Kiitos hyvästä palvelusta', services)).toBeNull();
  });
});
