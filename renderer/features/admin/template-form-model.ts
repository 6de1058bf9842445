/**
 * The text module form without React: the draft, how it is checked before it goes to the central
 * server (which checks again), filtering and sorting the list, inserting a placeholder at the
 * caret, and the example values of the preview.
 */
import type { Language } from '../../../shared/domain/enums.js';
import type { AnswerTemplate, Reference } from '../../../shared/domain/reference.js';
import { PLACEHOLDERS, unknownPlaceholders, type Placeholder, type TemplateContext } from '../../../shared/workflow/templates.js';

export const TITLE_MAX = 120;
export const TEXT_MAX = 10_000;
export const TEMPLATE_LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

/** Catalog keys (under admin.placeholder) that describe each placeholder. */
export const PLACEHOLDER_KEYS: Record<Placeholder, 'senderName' | 'itemId' | 'itemService' | 'responderName' | 'responderDepartment'> = {
  'sender.name': 'senderName',
  'item.id': 'itemId',
  'item.service': 'itemService',
  'responder.name': 'responderName',
  'responder.department': 'responderDepartment',
};

export interface TemplateDraft {
  /** null: a new template (the desk core chooses its id). */
  id: string | null;
  title: string;
  language: Language;
  departmentId: string | null;
  text: string;
}

export function newDraft(defaults: { language?: Language; departmentId?: string | null } = {}): TemplateDraft {
  return { id: null, title: '', language: defaults.language ?? 'fi', departmentId: defaults.departmentId ?? null, text: '' };
}

export function draftOf(t: AnswerTemplate): TemplateDraft {
  return { id: t.id, title: t.title, language: t.language, departmentId: t.departmentId, text: t.text };
}

export function sameDraft(a: TemplateDraft, b: TemplateDraft): boolean {
  return a.id === b.id && a.title === b.title && a.language === b.language && a.departmentId === b.departmentId && a.text === b.text;
}

/** A placeholder as typed in a template. */
export const placeholderToken = (name: string): string => `{{${name}}}`;

export type FormProblem =
  | { key: 'titleRequired' | 'textRequired' }
  | { key: 'titleTooLong' | 'textTooLong'; max: number }
  | { key: 'unknownInTitle'; names: string[] }
  | { key: 'unknownPlaceholders'; names: string[] };

export interface DraftProblems {
  title?: FormProblem;
  text?: FormProblem;
}

/** What would make the central refuse the draft, per field (the central checks title and text for placeholders). */
export function checkDraft(d: TemplateDraft): DraftProblems {
  const out: DraftProblems = {};
  const titleUnknown = unknownPlaceholders(d.title);
  if (d.title.trim() === '') out.title = { key: 'titleRequired' };
  else if (d.title.length > TITLE_MAX) out.title = { key: 'titleTooLong', max: TITLE_MAX };
  else if (titleUnknown.length > 0) out.title = { key: 'unknownInTitle', names: titleUnknown };
  const textUnknown = unknownPlaceholders(d.text);
  if (d.text.trim() === '') out.text = { key: 'textRequired' };
  else if (d.text.length > TEXT_MAX) out.text = { key: 'textTooLong', max: TEXT_MAX };
  else if (textUnknown.length > 0) out.text = { key: 'unknownPlaceholders', names: textUnknown };
  return out;
}

export const hasProblems = (p: DraftProblems): boolean => p.title !== undefined || p.text !== undefined;

/** What is sent: the title trimmed (the text is kept as written: its line breaks are the answer's). */
export function toSaveArgs(d: TemplateDraft): { id?: string; departmentId: string | null; language: Language; title: string; text: string } {
  return { ...(d.id ? { id: d.id } : {}), departmentId: d.departmentId, language: d.language, title: d.title.trim(), text: d.text };
}

/** `insert` in place of text[start, end); the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { text: text.slice(0, s) + insert + text.slice(e), caret: s + insert.length };
}

/** The list's department filter: every template, the city-wide ones, or one department's. */
export type DepartmentFilter = { kind: 'all' } | { kind: 'city' } | { kind: 'department'; id: string };

export function filterTemplates(
  templates: readonly AnswerTemplate[],
  filter: { department: DepartmentFilter; language: Language | 'all' },
  departmentName: (id: string) => string,
): AnswerTemplate[] {
  const langOrder = (l: Language) => TEMPLATE_LANGUAGES.indexOf(l);
  const deptSort = (t: AnswerTemplate) => (t.departmentId === null ? '' : departmentName(t.departmentId));
  return templates
    .filter((t) => {
      const d = filter.department;
      if (d.kind === 'city' && t.departmentId !== null) return false;
      if (d.kind === 'department' && t.departmentId !== d.id) return false;
      return filter.language === 'all' || t.language === filter.language;
    })
    .sort((a, b) => {
      // City-wide first, then by department name, language (fi, sv, en) and title.
      const da = a.departmentId === null ? 0 : 1;
      const db = b.departmentId === null ? 0 : 1;
      return da - db || deptSort(a).localeCompare(deptSort(b), 'fi') || langOrder(a.language) - langOrder(b.language) || a.title.localeCompare(b.title, 'fi');
    });
}

/** An id of the form Helsinki's Open311 gives (20 lower-case alphanumerics), for the preview. */
export const EXAMPLE_SERVICE_REQUEST_ID = 'a1b2c3d4e5f6g7h8i9j0';

/**
 * The example feedback and responder the preview fills the placeholders from: a service of the
 * template's department (another one's when it has none, or for a city-wide template) and a
 * responder of the template's department.
 */
export function exampleContext(
  reference: Pick<Reference, 'services' | 'departments'>,
  draft: Pick<TemplateDraft, 'language' | 'departmentId'>,
  names: { sender: string; responder: string },
): TemplateContext {
  const service =
    reference.services.find((s) => draft.departmentId !== null && s.departmentId === draft.departmentId) ??
    reference.services.find((s) => s.departmentId !== null) ??
    reference.services[0] ??
    null;
  return {
    item: {
      serviceRequestId: EXAMPLE_SERVICE_REQUEST_ID,
      serviceCode: service?.code ?? null,
      author: { displayName: names.sender, anonymous: false },
      language: draft.language,
    },
    responder: { displayName: names.responder, departmentId: draft.departmentId ?? service?.departmentId ?? null },
    reference,
  };
}

export { PLACEHOLDERS };
