import { describe, expect, it } from 'vitest';
import type { AnswerTemplate } from '../domain/reference.js';
import { fillTemplate, templatesFor, unknownPlaceholders } from './templates.js';

const tpl = (id: string, language: AnswerTemplate['language'], departmentId: string | null, title: string, text: string): AnswerTemplate => ({
  id,
  language,
  departmentId,
  title,
  text,
  updatedAt: '2026-12-01T10:00:00.000Z',
  updatedBy: null,
});

const templates = [
  tpl('city-fi', 'fi', null, 'Kiitos palautteesta', 'Hei {{sender.name}}, kiitos ({{item.id}}).'),
  tpl('kymp-fi', 'fi', 'kymp', 'Talvikunnossapito', 'Hei, kiitos palautteestanne. Aurataan.'),
  tpl('kymp-sv', 'sv', 'kymp', 'Tack för responsen', 'Hej {{sender.name}}, tack.'),
  tpl('kasko-fi', 'fi', 'kasko', 'Varhaiskasvatus', 'Hei, päätös tulee.'),
];

describe('text modules', () => {
  it('offer the item\'s department and city-wide ones, language first, title matches before text matches', () => {
    expect(templatesFor(templates, { language: 'fi', departmentId: 'kymp', query: 'kiitos' }).map((t) => t.id)).toEqual(['city-fi', 'kymp-fi']);
    expect(templatesFor(templates, { language: 'sv', departmentId: 'kymp' }).map((t) => t.id)[0]).toBe('kymp-sv');
    expect(templatesFor(templates, { language: 'fi', departmentId: 'kymp' }).map((t) => t.id)).not.toContain('kasko-fi');
  });

  it('fill placeholders for the item and the responder, and address an anonymous sender politely', () => {
    const ctx = {
      item: { serviceRequestId: 'abc', serviceCode: '171', author: { displayName: 'Matti Meikäläinen', anonymous: false }, language: 'fi' as const },
      responder: { displayName: 'Kalle Katumestari', departmentId: 'kymp' },
      reference: { services: [{ code: '171', name: { fi: 'Katujen kunto', sv: 'Gator', en: 'Streets' }, keywords: [], departmentId: 'kymp' }], departments: [{ id: 'kymp', code: 'kymp', name: { fi: 'Kaupunkiympäristö', sv: 'Stadsmiljö', en: 'Urban' } }] },
    };
    expect(fillTemplate('Hei {{sender.name}} ({{item.id}}, {{item.service}}) – {{responder.name}}, {{ responder.department }} {{tuntematon}}', ctx)).toBe(
      'Hei Matti Meikäläinen (abc, Katujen kunto) – Kalle Katumestari, Kaupunkiympäristö {{tuntematon}}',
    );
    expect(fillTemplate('Hei {{sender.name}}', { ...ctx, item: { ...ctx.item, author: { displayName: null, anonymous: true } } })).toBe('Hei palautteen antaja');
  });

  it('name the placeholders that are not known', () => {
    expect(unknownPlaceholders('Hei {{sender.nmae}} {{item.id}} {{ x }}')).toEqual(['sender.nmae', 'x']);
    expect(unknownPlaceholders('Hei {{sender.name}}')).toEqual([]);
  });
});
