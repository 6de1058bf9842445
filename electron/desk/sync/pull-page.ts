/**
 * A pull response body made ready to write: parsed, checked with the shared PullResponse schema
 * in one pass over the page, and each item turned into what the cache stores (its inbox column
 * values and its JSON text, serialized from the validated copy). Pure and synchronous: it runs in
 * the pull worker (pull-worker.ts) so the main thread only writes, or in-thread as a fallback.
 */
import { PullResponse } from '../../../shared/api/sync-protocol.js';
import { prepareItem, type PreparedItem } from '../store/item-columns.js';

export type { PreparedItem } from '../store/item-columns.js';

/** A validated pull page whose items are prepared rows (see PreparedItem). */
export type PreparedPullPage = Omit<PullResponse, 'items'> & { items: PreparedItem[]; prepared: true };

export type PrepareResult = { ok: true; page: PreparedPullPage } | { ok: false; notJson: boolean; issues: string };

export function preparePullPage(text: string): PrepareResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, notJson: true, issues: '' };
  }
  const parsed = PullResponse.safeParse(json);
  if (!parsed.success) {
    return { ok: false, notJson: false, issues: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  const { items, ...rest } = parsed.data;
  return { ok: true, page: { ...rest, items: items.map(prepareItem), prepared: true } };
}
