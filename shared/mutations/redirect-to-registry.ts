import { z } from 'zod';
import { ItemId } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { registryRedirectReply } from '../workflow/registry-redirect.js';
import { transition } from '../workflow/status.js';
import { defineMutation, withEvent } from './define.js';

/**
 * Statutory reminders, complaints and rectification requests belong to the registry office (P6).
 * The templated reply is in the item's language; the central server mails it when the sender
 * gave an email address.
 */
export const redirectToRegistry = defineMutation({
  name: 'redirectToRegistry',
  args: z.object({ itemId: ItemId }),
  authorize: (actor, item) => may(actor, 'forward', item),
  apply: (item, _args, ctx) =>
    withEvent(
      {
        ...item,
        status: transition(item.status, 'redirected_to_registry'),
        registryRedirect: { reply: registryRedirectReply(item.language), language: item.language, by: ctx.actor.id, at: ctx.now },
      },
      ctx,
      'redirected_to_registry',
    ),
});
