import { z } from 'zod';
import { Kind, Language } from '../domain/enums.js';
import { ItemId, ServiceCode, ServiceRequestId } from '../domain/ids.js';
import { dueAtFor } from '../workflow/due-dates.js';
import { may } from '../workflow/permissions.js';
import { defineCreation, historyEvent } from './define.js';

/**
 * Verbal feedback recorded by a clerk for a citizen at the counter (P2, P29). Works offline: the
 * desk creates the item locally at once with ids it chose, and the central server creates the
 * same item when the push arrives (once, however often the push is retried).
 */
export const createWalkIn = defineCreation({
  name: 'createWalkIn',
  creates: true,
  args: z.object({
    itemId: ItemId,
    serviceRequestId: ServiceRequestId,
    kind: Kind,
    language: Language,
    title: z.string().trim().max(200).optional(),
    description: z.string().trim().min(10).max(5000),
    serviceCode: ServiceCode.optional(),
    address: z.string().trim().max(500).optional(),
    lat: z.number().min(-90).max(90).optional(),
    long: z.number().min(-180).max(180).optional(),
    /** Real name, nickname, or nothing (anonymous), as the citizen chose (P3). */
    displayName: z.string().trim().max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().trim().max(40).optional(),
    publicationPermission: z.boolean(),
    /** The clerk confirms the publication question was asked (P16). */
    permissionAsked: z.literal(true),
  }),
  authorize: (actor) => may(actor, 'record_walk_in', null),
  apply: (a, ctx) => {
    const hasPlace = a.address !== undefined || (a.lat !== undefined && a.long !== undefined);
    return {
      id: a.itemId,
      serviceRequestId: a.serviceRequestId,
      version: 0,
      channel: 'verbal',
      kind: a.kind,
      language: a.language,
      receivedAt: ctx.now,
      updatedAt: ctx.now,
      original: { title: a.title ?? null, description: a.description },
      author: { displayName: a.displayName ?? null, anonymous: !a.displayName },
      contact: { email: a.email ?? null, phone: a.phone ?? null },
      publicationPermission: a.publicationPermission,
      location: hasPlace ? { lat: a.lat ?? null, long: a.long ?? null, address: a.address ?? null } : null,
      attachments: [],
      serviceCode: a.serviceCode ?? null,
      departmentId: null,
      assigneeId: null,
      restricted: null,
      status: 'received',
      detailedStatus: null,
      dueAt: dueAtFor(ctx.now),
      comments: [],
      answer: { draft: null, sent: null, approvedBy: null },
      publication: { state: 'unpublished', title: null, text: null, answer: null, publishedAt: null },
      history: [historyEvent(ctx, 'received', { channel: 'verbal', recordedBy: ctx.actor.id, publicationPermission: a.publicationPermission })],
      recordedBy: { staffId: ctx.actor.id, at: ctx.now, permissionAsked: a.permissionAsked },
    };
  },
});
