/**
 * Text modules (answer templates): the placeholders they may use, how they are filled in for an
 * item, and which templates suit an item first. Zammad calls them text modules and inserts them
 * with `::`; so does the answer editor.
 */
import type { Language } from '../domain/enums.js';
import type { FeedbackItem } from '../domain/feedback-item.js';
import type { AnswerTemplate, Reference } from '../domain/reference.js';

export const PLACEHOLDERS = ['sender.name', 'item.id', 'item.service', 'responder.name', 'responder.department'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Placeholders in a template text that are not in PLACEHOLDERS (a typo would reach the citizen as is). */
export function unknownPlaceholders(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(PLACEHOLDER_PATTERN)) if (!(PLACEHOLDERS as readonly string[]).includes(m[1])) out.add(m[1]);
  return [...out];
}

/** How an anonymous sender is addressed: a template's "Hei {{sender.name}}" must still read well. */
const ANONYMOUS_SENDER: Record<Language, string> = { fi: 'palautteen antaja', sv: 'respondent', en: 'feedback giver' };

export interface TemplateContext {
  item: Pick<FeedbackItem, 'serviceRequestId' | 'serviceCode' | 'author' | 'language'>;
  responder: { displayName: string; departmentId: string | null };
  reference: Pick<Reference, 'services' | 'departments'>;
}

export function placeholderValues(ctx: TemplateContext): Record<Placeholder, string> {
  const lang = ctx.item.language;
  const service = ctx.reference.services.find((s) => s.code === ctx.item.serviceCode);
  const department = ctx.reference.departments.find((d) => d.id === ctx.responder.departmentId);
  const name = ctx.item.author.anonymous ? null : ctx.item.author.displayName?.trim();
  return {
    'sender.name': name || ANONYMOUS_SENDER[lang],
    'item.id': ctx.item.serviceRequestId,
    'item.service': service?.name[lang] ?? '',
    'responder.name': ctx.responder.displayName,
    'responder.department': department?.name[lang] ?? '',
  };
}

/** The template's text with its placeholders filled in; an unknown placeholder stays visible as typed. */
export function fillTemplate(text: string, ctx: TemplateContext): string {
  const values = placeholderValues(ctx);
  return text.replace(PLACEHOLDER_PATTERN, (whole, name: string) => (Object.hasOwn(values, name) ? values[name as Placeholder] : whole));
}

/**
 * Templates for an answer to an item of `departmentId`: that department's and the city-wide ones,
 * best first: the item's language before others, then (with a query) those whose title matches
 * before those whose text does, then the department's before the city-wide, then by title.
 */
export function templatesFor(templates: readonly AnswerTemplate[], opts: { language: Language; departmentId: string | null; query?: string }): AnswerTemplate[] {
  const q = opts.query?.trim().toLocaleLowerCase() ?? '';
  const inTitle = (t: AnswerTemplate) => q === '' || t.title.toLocaleLowerCase().includes(q);
  const rank = (t: AnswerTemplate) =>
    (t.language === opts.language ? 0 : 4) + (inTitle(t) ? 0 : 2) + (t.departmentId !== null && t.departmentId === opts.departmentId ? 0 : 1);
  return templates
    .filter((t) => opts.departmentId === null || t.departmentId === null || t.departmentId === opts.departmentId)
    .filter((t) => inTitle(t) || t.text.toLocaleLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}
