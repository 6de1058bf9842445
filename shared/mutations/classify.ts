import { z } from 'zod';
import { Kind } from '../domain/enums.js';
import { ItemId, ServiceCode } from '../domain/ids.js';
import { may } from '../workflow/permissions.js';
import { defineMutation, withEvent } from './define.js';

export const setKind = defineMutation({
  name: 'setKind',
  args: z.object({ itemId: ItemId, kind: Kind }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, { kind }, ctx) => withEvent({ ...item, kind }, ctx, 'kind_set', { from: item.kind, to: kind }),
});

export const setService = defineMutation({
  name: 'setService',
  args: z.object({ itemId: ItemId, serviceCode: ServiceCode }),
  authorize: (actor, item) => may(actor, 'classify', item),
  apply: (item, { serviceCode }, ctx) =>
    withEvent({ ...item, serviceCode }, ctx, 'service_set', { from: item.serviceCode, to: serviceCode }),
});
