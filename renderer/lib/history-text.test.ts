import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from '../../shared/i18n/index.js';
import type { HistoryEvent } from '../../shared/domain/feedback-item.js';
import { buildLookup } from '../state/use-lookup.js';
import { detailText } from './history-text.js';

const t = i18next.createInstance();
beforeAll(async () => {
  await t.init({ lng: 'fi', resources: { fi: { translation: catalogs.fi } } });
});

const lookup = buildLookup(
  {
    departments: [{ id: 'kymp', code: 'KYMP', name: { fi: 'Kaupunkiympäristön toimiala', sv: 'Stadsmiljösektorn', en: 'Urban Environment' } }],
    services: [{ code: '171', name: { fi: 'Katujen kunnossapito', sv: 'Gatuunderhåll', en: 'Street maintenance' }, keywords: [], departmentId: 'kymp' }],
    staff: [{ id: 's-kymp', username: 'kymp.vastaaja', displayName: 'Kaisa Vastaaja', role: 'responder', departmentId: 'kymp' }],
    templates: [],
  },
  'fi',
);
const event = (type: string, details: Record<string, unknown>): HistoryEvent => ({ id: 'e', at: '2026-11-27T10:00:00.000Z', actorId: null, actorName: 'x', type, details, clientId: null });

describe('history detail text', () => {
  it('names kinds, languages, services, people and departments instead of codes and ids', () => {
    expect(detailText(event('kind_set', { from: 'question', to: 'fault_report' }), lookup, t.t)).toBe('Kysymys → Vikailmoitus');
    expect(detailText(event('language_set', { from: 'fi', to: 'sv' }), lookup, t.t)).toBe('suomi → ruotsi');
    expect(detailText(event('service_set', { from: null, to: '171' }), lookup, t.t)).toBe('– → Katujen kunnossapito');
    expect(detailText(event('assigned', { from: null, to: 's-kymp' }), lookup, t.t)).toBe('Kaisa Vastaaja');
    expect(detailText(event('forwarded', { departmentId: 'kymp', note: 'Katuvalot' }), lookup, t.t)).toBe('Kaupunkiympäristön toimiala · Katuvalot');
  });
  it('shows the reason of a restriction and nothing for events without readable details', () => {
    expect(detailText(event('restricted', { reason: 'Terveystietoja' }), lookup, t.t)).toBe('Terveystietoja');
    expect(detailText(event('answer_draft_saved', { version: 3 }), lookup, t.t)).toBeNull();
  });
});

describe('collaboration events in the history', () => {
  it('names who was asked, where a transfer went and how an answer was given', () => {
    expect(detailText(event('comment_requested', { to: ['s:s-kymp', 'd:kymp'], question: 'Onko töitä?' }), lookup, t.t)).toBe('Kaisa Vastaaja, Kaupunkiympäristön toimiala · Onko töitä?');
    expect(detailText(event('transferred', { fromDepartmentId: 'kymp', toDepartmentId: 'kymp', toStaffId: 's-kymp', note: 'Sinulle' }), lookup, t.t)).toBe(
      'Kaupunkiympäristön toimiala → Kaupunkiympäristön toimiala, Kaisa Vastaaja · Sinulle',
    );
    expect(detailText(event('answered', { channel: 'phone', note: 'Soitettu klo 10' }), lookup, t.t)).toBe('puhelin · Soitettu klo 10');
  });
});
