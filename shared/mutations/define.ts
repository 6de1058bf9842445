import { z } from 'zod';
import type { FeedbackItem, HistoryEvent } from '../domain/feedback-item.js';
import type { Department, Reference, Staff } from '../domain/reference.js';
import type { Actor } from '../workflow/permissions.js';
import { TransitionError } from '../workflow/status.js';

/**
 * The colleagues and departments a mutation may look up (whom a comment request asks, where a
 * transfer goes, whether a department requires approval): the central's own records when it
 * applies a change, the desk's cached reference data when the desk does.
 */
export interface Directory {
  staff(id: string): Staff | null;
  department(id: string): Department | null;
}

export function referenceDirectory(reference: Pick<Reference, 'staff' | 'departments'>): Directory {
  const staff = new Map(reference.staff.map((s) => [s.id, s]));
  const departments = new Map(reference.departments.map((d) => [d.id, d]));
  return { staff: (id) => staff.get(id) ?? null, department: (id) => departments.get(id) ?? null };
}

/** Everything a mutation may know besides the item and its args. No I/O. */
export interface MutationContext {
  actor: Actor;
  /** The desk's clock when applied optimistically, the server's when applied for real. */
  now: string;
  clientId: string | null;
  /** A fresh unique id (comments, history events). */
  newId(): string;
  directory: Directory;
}

export type MutationErrorCode = 'forbidden' | 'not_found' | 'invalid_args' | 'invalid_transition' | 'conflict' | 'invalid_state';

/**
 * A refusal that names why; stored and shown to the author, never silently dropped. `details.reason`,
 * when set, is a code the desk translates (errors.reason.<reason>), e.g. due_in_past.
 */
export class MutationError extends Error {
  constructor(
    readonly code: MutationErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'MutationError';
  }
}

/** A refusal with a translatable reason (see MutationError). */
export function refuse(code: MutationErrorCode, reason: string, message: string, details: Record<string, unknown> = {}): MutationError {
  return new MutationError(code, message, { reason, ...details });
}

export interface MutationDef<Name extends string, Args extends { itemId: string }> {
  name: Name;
  args: z.ZodType<Args>;
  /** May this actor do this to this item? Checked on both sides before apply. */
  authorize(actor: Actor, item: FeedbackItem, args: Args): boolean;
  /** Pure: returns the changed item; throws MutationError when the change is not possible now. */
  apply(item: FeedbackItem, args: Args, ctx: MutationContext): FeedbackItem;
}

export function defineMutation<Name extends string, Args extends { itemId: string }>(
  def: MutationDef<Name, Args>,
): MutationDef<Name, Args> {
  return def;
}

/**
 * A mutation that creates an item (walk-in feedback). The client chooses the new item's ids, so a
 * retried push finds the item already there instead of creating it twice.
 */
export interface CreationDef<Name extends string, Args extends { itemId: string }> {
  name: Name;
  creates: true;
  args: z.ZodType<Args>;
  authorize(actor: Actor, args: Args): boolean;
  apply(args: Args, ctx: MutationContext): FeedbackItem;
}

export function defineCreation<Name extends string, Args extends { itemId: string }>(def: CreationDef<Name, Args>): CreationDef<Name, Args> {
  return def;
}

export type AnyMutationDef = MutationDef<string, { itemId: string }> | CreationDef<string, { itemId: string }>;

export function isCreation(def: AnyMutationDef): def is CreationDef<string, { itemId: string }> {
  return 'creates' in def && def.creates === true;
}

export function historyEvent(ctx: MutationContext, type: string, details: Record<string, unknown> = {}): HistoryEvent {
  return {
    id: ctx.newId(),
    at: ctx.now,
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    type,
    details,
    clientId: ctx.clientId,
  };
}

/** Append a history event and stamp the item as updated. */
export function withEvent(item: FeedbackItem, ctx: MutationContext, type: string, details: Record<string, unknown> = {}): FeedbackItem {
  return { ...item, updatedAt: ctx.now, history: [...item.history, historyEvent(ctx, type, details)] };
}

/**
 * Validate, authorize and apply one mutation. The single entry point both the desk core and the
 * central server use, so the two can never disagree on what a mutation means.
 */
export function runMutation(def: AnyMutationDef, rawArgs: unknown, item: FeedbackItem | null, ctx: MutationContext): FeedbackItem {
  const parsed = def.args.safeParse(rawArgs);
  if (!parsed.success) {
    throw new MutationError('invalid_args', `invalid arguments for ${def.name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  if (isCreation(def)) {
    if (item) throw new MutationError('invalid_state', `item ${parsed.data.itemId} already exists`);
    if (!def.authorize(ctx.actor, parsed.data)) throw new MutationError('forbidden', `${ctx.actor.displayName} may not ${def.name}`);
    return def.apply(parsed.data, ctx);
  }
  if (!item) throw new MutationError('not_found', `item ${parsed.data.itemId} not found`);
  if (!def.authorize(ctx.actor, item, parsed.data)) {
    throw new MutationError('forbidden', `${ctx.actor.displayName} may not ${def.name} on this item`);
  }
  try {
    return def.apply(item, parsed.data, ctx);
  } catch (err) {
    if (err instanceof TransitionError) throw new MutationError('invalid_transition', err.message, { from: err.from, to: err.to });
    throw err;
  }
}
