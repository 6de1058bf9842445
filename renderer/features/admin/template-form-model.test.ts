import { describe, expect, it } from 'vitest';
import type { AnswerTemplate, Reference } from '../../../shared/domain/reference.js';
import { fillTemplate } from '../../../shared/workflow/templates.js';
import { checkDraft, exampleContext, filterTemplates, hasProblems, insertAt, newDraft, toSaveArgs } from './template-form-model.js';

const template = (id: string, departmentId: string | null, language: AnswerTemplate['language'], title: string): AnswerTemplate => ({
  id,
  departmentId,
  language,
  title,
  text: 'Hei',
  updatedAt: '2026-11-27T10:00:00.000Z',
  updatedBy: null,
});

const reference: Pick<Reference, 'services' | 'departments'> = {
  departments: [
    { id: 'neuvonta', code: 'neuvonta', name: { fi: 'Helsinki-neuvonta', sv: 'Helsingforsinfo', en: 'Helsinki Info' } },
    { id: 'kymp', code: 'kymp', name: { fi: 'Kaupunkiympäristön toimiala', sv: 'Stadsmiljösektorn', en: 'Urban Environment Division' } },
  ],
  services: [{ code: '171', name: { fi: 'Katujen kunto', sv: 'Gatornas skick', en: 'Potholes' }, keywords: [], departmentId: 'kymp' }],
};

describe('checkDraft', () => {
  it('asks for a title and a text', () => {
    expect(checkDraft(newDraft())).toEqual({ title: { key: 'titleRequired' }, text: { key: 'textRequired' } });
    expect(checkDraft({ ...newDraft(), title: '   ', text: '\n' })).toEqual({ title: { key: 'titleRequired' }, text: { key: 'textRequired' } });
  });

  it('names unknown placeholders, in the text and in the title', () => {
    const problems = checkDraft({ ...newDraft(), title: 'Kiitos {{nimi}}', text: 'Hei {{sender.nmae}}, {{sender.name}} {{ item.idd }}' });
    expect(problems).toEqual({ title: { key: 'unknownInTitle', names: ['nimi'] }, text: { key: 'unknownPlaceholders', names: ['sender.nmae', 'item.idd'] } });
    expect(hasProblems(problems)).toBe(true);
  });

  it('accepts the allowed placeholders and refuses texts over the limits', () => {
    expect(hasProblems(checkDraft({ ...newDraft(), title: 'Kiitos', text: 'Hei {{sender.name}} ({{item.id}}), {{item.service}} {{responder.name}} {{responder.department}}' }))).toBe(false);
    expect(checkDraft({ ...newDraft(), title: 'x'.repeat(121), text: 'x'.repeat(10_001) })).toEqual({ title: { key: 'titleTooLong', max: 120 }, text: { key: 'textTooLong', max: 10_000 } });
  });
});

describe('the rest of the form', () => {
  it('inserts at the caret, replacing a selection, and puts the caret after it', () => {
    expect(insertAt('Hei ,', 4, 4, '{{sender.name}}')).toEqual({ text: 'Hei {{sender.name}},', caret: 19 });
    expect(insertAt('Hei NIMI,', 4, 8, '{{sender.name}}')).toEqual({ text: 'Hei {{sender.name}},', caret: 19 });
    expect(insertAt('Hei', 99, 99, '!')).toEqual({ text: 'Hei!', caret: 4 });
  });

  it('sends the title trimmed, the id only when editing', () => {
    expect(toSaveArgs({ ...newDraft(), title: ' Kiitos ', text: 'Hei\n' })).toEqual({ departmentId: null, language: 'fi', title: 'Kiitos', text: 'Hei\n' });
    expect(toSaveArgs({ id: 'a', title: 'T', text: 'x', language: 'sv', departmentId: 'kymp' })).toEqual({ id: 'a', departmentId: 'kymp', language: 'sv', title: 'T', text: 'x' });
  });

  it('filters by department and language, city-wide first', () => {
    const all = [template('b', 'kymp', 'sv', 'B'), template('a', 'kymp', 'fi', 'A'), template('c', null, 'fi', 'C'), template('d', 'neuvonta', 'fi', 'D')];
    const name = (id: string) => reference.departments.find((d) => d.id === id)!.name.fi;
    expect(filterTemplates(all, { department: { kind: 'all' }, language: 'all' }, name).map((t) => t.id)).toEqual(['c', 'd', 'a', 'b']);
    expect(filterTemplates(all, { department: { kind: 'city' }, language: 'all' }, name).map((t) => t.id)).toEqual(['c']);
    expect(filterTemplates(all, { department: { kind: 'department', id: 'kymp' }, language: 'fi' }, name).map((t) => t.id)).toEqual(['a']);
  });

  it('fills the preview with example values of the template language and department', () => {
    const ctx = exampleContext(reference, { language: 'sv', departmentId: 'kymp' }, { sender: 'Maja', responder: 'Mats' });
    expect(fillTemplate('Hej {{sender.name}} {{item.id}} {{item.service}} {{responder.name}}, {{responder.department}} {{typo}}', ctx)).toBe(
      'Hej Maja a1b2c3d4e5f6g7h8i9j0 Gatornas skick Mats, Stadsmiljösektorn {{typo}}',
    );
    // a city-wide template still reads naturally: some department's service and that department
    const city = exampleContext(reference, { language: 'fi', departmentId: null }, { sender: 'Maija', responder: 'Matti' });
    expect(fillTemplate('{{item.service}} / {{responder.department}}', city)).toBe('Katujen kunto / Kaupunkiympäristön toimiala');
  });
});
