/**
 * A pull response body made ready to write: parsed, checked with the shared PullResponse schema,
 * and each item turned into what the cache stores (its inbox column values and its JSON text).
 * Pure and synchronous: it runs in the pull worker (pull-worker.ts) so the main thread only
 * writes, or in-thread as a fallback.
 *
 * The usual way through: the body is cut into its head and one text per item (pull-body.ts), each
 * parsed on its own; an item that the exact check (exact-check.ts) finds valid and complete as it
 * is keeps its received text, so nothing is copied or serialized again. Any other item goes
 * through zod, which refuses it with its issues or fills in what it lacked; then the validated
 * copy is serialized, so the cache always holds what validation produced. A body the splitter is
 * unsure of is parsed and validated whole, as PullResponse.
 */
import { PullResponse } from '../../../shared/api/sync-protocol.js';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { itemColumnValues, type PreparedItem } from '../store/item-columns.js';
import { compileExactCheck } from './exact-check.js';
import { splitPullBody, type SplitBody } from './pull-body.js';

export type { PreparedItem } from '../store/item-columns.js';

/** A validated pull page whose items are prepared rows (see PreparedItem). */
export type PreparedPullPage = Omit<PullResponse, 'items'> & { items: PreparedItem[]; prepared: true };

export type PrepareResult = { ok: true; page: PreparedPullPage } | { ok: false; notJson: boolean; issues: string };

/**
 * How a prepared page crosses from the worker. When every item is stored as received, its text is
 * a byte range of the body itself, which goes back to the main thread transferred (not copied):
 * nothing of the texts is copied, and SQLite gets their UTF-8 bytes as they are. Otherwise the
 * items' JSON texts travel in one string (a single large object, which the receiving heap keeps
 * out of its young generation, instead of 5,000 strings it would copy at every scavenge) with
 * each item's range in it.
 */
export type WirePage = Omit<PreparedPullPage, 'items'> & { ids: string[]; values: unknown[][]; starts: number[]; ends: number[] } & (
    | { body: ArrayBuffer; texts?: undefined }
    | { texts: string; body?: undefined }
  );
export type WireResult = { ok: true; page: WirePage } | { ok: false; notJson: boolean; issues: string };

type Head = { cookie: number; hasMore: boolean };
type Issue = { path: PropertyKey[]; message: string };

const MAX_ISSUES = 5;
const Item = PullResponse.shape.items.element;
const exactItem = compileExactCheck(Item);
/** Items are validated one by one only while the page's items are a plain array of them (no length rule). */
const ITEMS_ONE_BY_ONE = !(PullResponse.shape.items as unknown as { _zod: { def: { checks?: unknown[] } } })._zod.def.checks?.length;

const exactDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder();
const BOM = [0xef, 0xbb, 0xbf];

/**
 * onValid: called once the page is validated, before its items are prepared (the worker sends
 * the head early). The result may hold `body` itself (see WirePage).
 */
export function prepareWirePage(body: ArrayBuffer, onValid?: (head: Head) => void): WireResult {
  // Item byte ranges are only taken from a body whose text maps back to it byte for byte: valid
  // UTF-8 (else the decoder substituted characters) without a byte order mark (it drops that).
  let text: string;
  let bytes = true;
  try {
    text = exactDecoder.decode(body);
    const head = new Uint8Array(body, 0, Math.min(3, body.byteLength));
    if (BOM.every((b, i) => head[i] === b)) bytes = false;
  } catch {
    text = lenientDecoder.decode(body);
    bytes = false;
  }
  const split = ITEMS_ONE_BY_ONE ? splitPullBody(text) : null;
  return (split && prepareSplit(text, split, bytes ? body : null, onValid)) ?? prepareWhole(text, onValid);
}

/** The same page as prepareWirePage, with its items as PreparedItems (in-thread use, tests). */
export function preparePullPage(body: ArrayBuffer, onValid?: (head: Head) => void): PrepareResult {
  return fromWire(prepareWirePage(body, onValid));
}

export function fromWire(result: WireResult): PrepareResult {
  if (!result.ok) return result;
  const { ids, values, texts, body, starts, ends, ...rest } = result.page;
  const items: PreparedItem[] = [];
  if (body) {
    const buf = Buffer.from(body);
    for (let k = 0; k < ids.length; k++) items.push({ id: ids[k], values: values[k], json: buf.subarray(starts[k], ends[k]) });
  } else {
    for (let k = 0; k < ids.length; k++) items.push({ id: ids[k], values: values[k], json: texts.slice(starts[k], ends[k]) });
  }
  return { ok: true, page: { ...rest, items } };
}

/**
 * null: some piece is not JSON; the whole body is parsed instead, to say so as it would.
 * body: the bytes `text` was decoded from, when it maps to them byte for byte.
 */
function prepareSplit(text: string, split: SplitBody, body: ArrayBuffer | null, onValid?: (head: Head) => void): WireResult | null {
  let headJson: unknown;
  try {
    headJson = JSON.parse(split.head);
  } catch {
    return null;
  }
  const issues: Issue[] = [];
  const head = PullResponse.safeParse(headJson);
  if (!head.success) issues.push(...head.error.issues);
  const { starts, ends } = split;
  const items: FeedbackItem[] = [];
  // Texts of items zod changed (filled a default, dropped an unknown key), by index.
  let changed: Map<number, string> | null = null;
  // Byte offsets of the items in the body: the separators between items are ASCII (commas and
  // white space), so each start follows from the previous end.
  const byteStarts: number[] = [];
  const byteEnds: number[] = [];
  let byteAt = body ? Buffer.byteLength(text.slice(0, starts[0] ?? 0)) : 0;
  for (let k = 0; k < starts.length; k++) {
    const itemText = text.slice(starts[k], ends[k]);
    if (body) {
      if (k > 0) byteAt += starts[k] - ends[k - 1];
      byteStarts.push(byteAt);
      byteEnds.push((byteAt += Buffer.byteLength(itemText)));
    }
    let json: unknown;
    try {
      json = JSON.parse(itemText);
    } catch {
      return null;
    }
    if (exactItem(json)) {
      items.push(json as FeedbackItem);
      continue;
    }
    const parsed = Item.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) if (issues.length < MAX_ISSUES) issues.push({ ...issue, path: ['items', k, ...issue.path] });
      continue;
    }
    items.push(parsed.data);
    (changed ??= new Map()).set(k, JSON.stringify(parsed.data));
  }
  if (!head.success || issues.length > 0) return refused(issues);
  const { items: _none, ...rest } = head.data;
  onValid?.({ cookie: rest.cookie, hasMore: rest.hasMore });
  const ids: string[] = [];
  const values: unknown[][] = [];
  for (const item of items) {
    ids.push(item.id);
    values.push(itemColumnValues(item));
  }
  const page = { ...rest, prepared: true as const, ids, values };
  // Every item as received: their texts are ranges of the body, or of one slice of the text.
  if (changed === null && body) return { ok: true, page: { ...page, body, starts: byteStarts, ends: byteEnds } };
  if (changed === null) {
    const base = starts.length > 0 ? starts[0] : 0;
    const texts = starts.length > 0 ? text.slice(base, ends[ends.length - 1]) : '';
    return { ok: true, page: { ...page, texts, starts: starts.map((s) => s - base), ends: ends.map((e) => e - base) } };
  }
  return { ok: true, page: { ...page, ...joined(starts.map((s, k) => changed.get(k) ?? text.slice(s, ends[k]))) } };
}

function prepareWhole(text: string, onValid?: (head: Head) => void): WireResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, notJson: true, issues: '' };
  }
  const parsed = PullResponse.safeParse(json);
  if (!parsed.success) return refused(parsed.error.issues);
  const { items, ...rest } = parsed.data;
  onValid?.({ cookie: rest.cookie, hasMore: rest.hasMore });
  return {
    ok: true,
    page: { ...rest, prepared: true, ids: items.map((i) => i.id), values: items.map(itemColumnValues), ...joined(items.map((i) => JSON.stringify(i))) },
  };
}

function joined(parts: string[]): { texts: string; starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  let end = 0;
  for (const p of parts) {
    starts.push(end);
    ends.push((end += p.length));
  }
  return { texts: parts.join(''), starts, ends };
}

function refused(issues: readonly Issue[]): WireResult {
  return { ok: false, notJson: false, issues: issues.slice(0, MAX_ISSUES).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
