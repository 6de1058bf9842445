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

/** onValid: called once the page is validated, before its items are prepared (the worker sends the head early). */
export function preparePullPage(text: string, onValid?: (page: PullResponse) => void): PrepareResult {
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
  onValid?.(parsed.data);
  const { items, ...rest } = parsed.data;
  return { ok: true, page: { ...rest, items: items.map(prepareItem), prepared: true } };
}

/**
 * How a prepared page crosses from the worker: the items' JSON texts joined into one string (a
 * single large object, which the receiving heap keeps out of its young generation, instead of
 * 5,000 strings per page it would copy at every scavenge) with end offsets; each item's text is
 * a slice of it again on arrival.
 */
export type WirePage = Omit<PreparedPullPage, 'items'> & { ids: string[]; values: unknown[][]; texts: string; ends: number[] };
export type WireResult = { ok: true; page: WirePage } | { ok: false; notJson: boolean; issues: string };

export function toWire(result: PrepareResult): WireResult {
  if (!result.ok) return result;
  const { items, ...rest } = result.page;
  const ends: number[] = [];
  let end = 0;
  for (const item of items) ends.push((end += item.json.length));
  return { ok: true, page: { ...rest, ids: items.map((i) => i.id), values: items.map((i) => i.values), texts: items.map((i) => i.json).join(''), ends } };
}

export function fromWire(result: WireResult): PrepareResult {
  if (!result.ok) return result;
  const { ids, values, texts, ends, ...rest } = result.page;
  const items: PreparedItem[] = [];
  for (let k = 0, start = 0; k < ids.length; start = ends[k], k++) items.push({ id: ids[k], values: values[k], json: texts.slice(start, ends[k]) });
  return { ok: true, page: { ...rest, items } };
}
