import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { PublicationReason, type FeedbackItem } from '../domain/feedback-item.js';
import { may } from '../workflow/permissions.js';
import { automaticWithholdReasons, publicationChecklist, publicationGuard, publishableText } from '../workflow/publication.js';
import { defineMutation, historyEvent, MutationError, type MutationContext } from './define.js';

export const OverrideReason = z.string().trim().min(10, 'write why publishing is right despite the identifiers (at least 10 characters)').max(2000);

export interface DecisionArgs {
  reasons: PublicationReason[];
  note?: string;
  overrideReason?: string;
}

/**
 * Publish the current publishable version (P14-P16). Refused, on the desk and again on the central
 * server since both run this: automatic withholding (P19a), restricted (P26) or inappropriate (P19b)
 * items, and text that still holds a validated hetu, email, phone number or IBAN unless the
 * moderator writes an override reason, which is kept on the item and in its history (P28).
 */
export function applyPublish(item: FeedbackItem, args: DecisionArgs, ctx: MutationContext): FeedbackItem {
  if (args.reasons.length > 0) throw new MutationError('invalid_args', 'publishing takes no withholding reasons');
  const texts = publishableText(item);
  const hits = publicationGuard(texts);
  // The same checklist the editor shows, fed with what the central guard found.
  const checklist = publicationChecklist({
    item,
    texts,
    findings: { title: hits.filter((h) => h.field === 'title').map((h) => h.finding), text: hits.filter((h) => h.field === 'text').map((h) => h.finding), answer: hits.filter((h) => h.field === 'answer').map((h) => h.finding) },
    now: ctx.now,
  });
  const automatic = checklist.automaticWithhold;
  if (automatic.length > 0) {
    throw new MutationError(
      'invalid_state',
      item.channel === 'email' ? 'feedback that arrived by email is never published (P19a)' : 'the sender did not permit publication (P19a)',
      { rule: 'P19a', reasons: automatic },
    );
  }
  if (item.restricted) throw new MutationError('invalid_state', 'a restricted item is never published (P26)', { rule: 'P26' });
  if (item.inappropriate) throw new MutationError('invalid_state', 'an item marked inappropriate is never published (P19b)', { rule: 'P19b' });
  if (!texts.text || !texts.text.trim()) throw new MutationError('invalid_state', 'the publishable text is empty');

  // Kinds and fields only: the audit trail must not become a second copy of the identifiers.
  const found = hits.map((h) => ({ field: h.field, kind: h.finding.kind }));
  if (hits.length > 0 && !args.overrideReason) {
    throw new MutationError('invalid_state', `the text still holds personal identifiers (${[...new Set(found.map((f) => f.kind))].join(', ')}); remove them or give an override reason`, {
      rule: 'guard',
      found: hits.map((h) => ({ field: h.field, kind: h.finding.kind, start: h.finding.start, end: h.finding.end })),
    });
  }
  const override = hits.length > 0 ? { reason: args.overrideReason!, found, by: ctx.actor.id, at: ctx.now } : null;
  const decision = { decision: 'publish' as const, reasons: [], note: args.note ?? null, by: ctx.actor.id, at: ctx.now };
  const events = [
    ...(override ? [historyEvent(ctx, 'publication_guard_overridden', { reason: override.reason, found })] : []),
    historyEvent(ctx, 'published', { version: item.publication.version ?? 0, note: decision.note }),
  ];
  return {
    ...item,
    updatedAt: ctx.now,
    publication: { ...item.publication, ...texts, state: 'published', publishedAt: ctx.now, decision, override },
    history: [...item.history, ...events],
  };
}

/** Withholding is always allowed; the automatic P19a reasons are always part of it. */
export function applyWithhold(item: FeedbackItem, args: DecisionArgs, ctx: MutationContext): FeedbackItem {
  const reasons = [...new Set([...automaticWithholdReasons(item), ...args.reasons])];
  if (reasons.length === 0) throw new MutationError('invalid_args', 'name at least one reason for withholding (P17, P19)');
  const decision = { decision: 'withhold' as const, reasons, note: args.note ?? null, by: ctx.actor.id, at: ctx.now };
  return {
    ...item,
    updatedAt: ctx.now,
    publication: { ...item.publication, state: 'withheld', publishedAt: null, decision, override: null },
    history: [...item.history, historyEvent(ctx, 'publication_withheld', { reasons, note: decision.note, wasPublished: item.publication.state === 'published' })],
  };
}

/** The moderator's decision on the publishable version: publish it, or withhold it with reasons. */
export const decidePublication = defineMutation({
  name: 'decidePublication',
  args: z.object({
    itemId: ItemId,
    decision: z.enum(['publish', 'withhold']),
    reasons: z.array(PublicationReason).max(8).default([]),
    note: z.string().trim().max(2000).optional(),
    overrideReason: OverrideReason.optional(),
  }),
  authorize: (actor, item) => may(actor, 'moderate', item),
  apply: (item, { decision, ...args }, ctx) => (decision === 'publish' ? applyPublish(item, args, ctx) : applyWithhold(item, args, ctx)),
});
