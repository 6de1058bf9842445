import { describe, expect, it } from 'vitest';
import { PullResponse } from '../../../shared/api/sync-protocol.js';
import { itemColumnValues, preparedJsonText } from '../store/item-columns.js';
import { makeItem, pullPage } from '../testing/make-items.js';
import { random, richItem } from './fuzz-items.js';
import { splitPullBody } from './pull-body.js';
import { preparePullPage, type PrepareResult } from './pull-page.js';

const utf8 = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const prepare = (text: string) => preparePullPage(utf8(text));

/**
 * What the page must come to: the whole body through JSON.parse and PullResponse, as before (the
 * text as it comes through UTF-8: a lone surrogate becomes a replacement character).
 */
function reference(text: string): { ok: true; page: PullResponse } | { ok: false; notJson: boolean } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(utf8(text)));
  } catch {
    return { ok: false, notJson: true };
  }
  const parsed = PullResponse.safeParse(json);
  return parsed.success ? { ok: true, page: parsed.data } : { ok: false, notJson: false };
}

/** The prepared page agrees with the reference: same verdict, same head, items stored as validated. */
function expectSameAsReference(result: PrepareResult, text: string): void {
  const ref = reference(text);
  expect(result.ok).toBe(ref.ok);
  if (!ref.ok || !result.ok) {
    if (!ref.ok && !result.ok) expect(result.notJson).toBe(ref.notJson);
    return;
  }
  const { items, prepared: _p, ...head } = result.page;
  const { items: refItems, ...refHead } = ref.page;
  expect(head).toStrictEqual(refHead);
  expect(items.map((i) => i.id)).toEqual(refItems.map((i) => i.id));
  items.forEach((item, k) => {
    expect(JSON.parse(preparedJsonText(item.json))).toStrictEqual(refItems[k]);
    expect(item.values).toEqual(itemColumnValues(refItems[k]));
  });
}

const tricky = makeItem(3, undefined, {
  original: { title: 'Kadulla "items":[{ ] } \\ \\" ääkköset 🙂', description: '{"items":[1,2]} \u2028 \u0000 \\u0041' },
});
const page = pullPage({ cookie: 9, hasMore: true, total: 3, items: [makeItem(1), tricky, richItem(2)], revoked: ['item-9'] });

describe('pull body split into head and items', () => {
  it('gives exactly what JSON.parse of the whole body gives, whatever the layout', () => {
    const bodies = [
      JSON.stringify(page),
      JSON.stringify(page, null, 2),
      JSON.stringify(page, null, '\t').replaceAll('\n', '\r\n'),
      // items first, then the head
      `{"items":[${page.items.map((i) => JSON.stringify(i)).join(' ,\n ')}],${JSON.stringify({ ...page, items: undefined }).slice(1)}`,
      JSON.stringify({ ...page, items: [] }),
    ];
    for (const body of bodies) {
      const split = splitPullBody(body)!;
      expect(split).not.toBeNull();
      const head = JSON.parse(split.head) as Record<string, unknown>;
      head.items = split.starts.map((s, k) => JSON.parse(body.slice(s, split.ends[k])));
      expect(head).toStrictEqual(JSON.parse(body));
      expectSameAsReference(prepare(body), body);
    }
  });

  it('declines what it is not sure of, and the whole body is parsed instead', () => {
    const item = JSON.stringify(makeItem(1));
    const declined = [
      `{"\\u0069tems":[${item}],"items":[]}`,
      `{"items":[${item}],"items":[${item}]}`,
      `{"items":[1]}`,
      `{"items":{}}`,
      `{"cookie":1}`,
      `[${item}]`,
      `{"items":[${item},]}`,
      `{"items":[${item} ${item}]}`,
      `{"a":1"items":[${item}]}`,
      `{"items":[${item.slice(0, -1)}`,
    ];
    for (const body of declined) {
      expect(splitPullBody(body), body.slice(0, 40)).toBeNull();
      expectSameAsReference(prepare(body), body);
    }
  });

  it('a damaged body is refused as not JSON exactly when JSON.parse refuses it (fuzzed)', () => {
    const next = random(7);
    const body = JSON.stringify(page);
    const chars = ['"', '\\', '{', '}', '[', ']', ',', ':', ' ', 'x', '1'];
    for (let n = 0; n < 1500; n++) {
      const at = Math.floor(next() * body.length);
      const r = next();
      const damaged =
        r < 0.3 ? body.slice(0, at) : r < 0.6 ? body.slice(0, at) + body.slice(at + 1) : body.slice(0, at) + chars[Math.floor(next() * chars.length)] + body.slice(at + 1);
      expectSameAsReference(prepare(damaged), damaged);
    }
  });
});

describe('pull pages prepared item by item', () => {
  it('refuses exactly the pages PullResponse refuses, naming the item, and stores what zod produced (fuzzed)', () => {
    const next = random(11);
    const bad = { ...makeItem(2), status: 'lost' };
    const variants: unknown[] = [
      bad,
      { ...makeItem(2), id: '' },
      { ...makeItem(2), receivedAt: '2023-02-29T00:00:00.000Z' },
      { ...makeItem(2), attachments: undefined },
      { ...makeItem(2), extra: 'dropped' },
      { ...makeItem(2), history: [{ ...makeItem(2).history[0], details: undefined, clientId: undefined }] },
      { ...richItem(2), publication: { ...richItem(2).publication, decision: { ...richItem(2).publication.decision!, reasons: ['bogus'] } } },
      makeItem(2, undefined, { location: { lat: 91, long: 0, address: null } }),
      'not an item',
      null,
    ];
    for (let n = 0; n < 300; n++) {
      const middle = variants[Math.floor(next() * variants.length)];
      const text = JSON.stringify({ ...page, items: [makeItem(1), middle, richItem(3)] });
      const result = prepare(text);
      expectSameAsReference(result, text);
      if (!result.ok) expect(!result.notJson && result.issues).toMatch(/^items\.1/);
    }
    const refused = prepare(JSON.stringify({ ...page, items: [makeItem(1), bad] }));
    expect(refused).toMatchObject({ ok: false, notJson: false });
    expect(!refused.ok && refused.issues).toMatch(/^items\.1\.status: /);
  });

  it('reports the head issues and the first item issues together', () => {
    const result = prepare(JSON.stringify({ ...page, cookie: -1, items: [{ ...makeItem(1), kind: 'x' }] }));
    expect(!result.ok && result.issues).toMatch(/^cookie: .*; items\.0\.kind: /);
  });

  it('keeps the received text of a valid item and serializes the validated copy of a filled-in one', () => {
    const { attachments: _a, ...lacking } = makeItem(2);
    const body = JSON.stringify({ ...page, items: [makeItem(1), lacking, { ...makeItem(3), extra: 1 }] }, null, 1);
    const result = prepare(body);
    expectSameAsReference(result, body);
    const texts = result.ok ? result.page.items.map((i) => preparedJsonText(i.json)) : [];
    expect(texts[0]).toContain('\n');
    expect(texts[1]).toBe(JSON.stringify({ ...makeItem(2) }));
    expect(JSON.parse(texts[2])).not.toHaveProperty('extra');
  });

  it('gives item texts as byte ranges of the body when it is clean UTF-8, and as text otherwise', () => {
    const text = JSON.stringify(page);
    const clean = preparePullPage(utf8(text));
    expect(clean.ok && clean.page.items.every((i) => typeof i.json !== 'string')).toBe(true);
    expect(clean.ok && preparedJsonText(clean.page.items[1].json)).toBe(JSON.stringify(tricky));

    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new Uint8Array(utf8(text))]).buffer;
    const withBom = preparePullPage(bom);
    expect(withBom.ok && withBom.page.items.every((i) => typeof i.json === 'string')).toBe(true);
    expectSameAsReference(withBom, text);

    // A stray byte inside a string: decoded with a replacement character, as before.
    const bytes = new Uint8Array(utf8(text));
    const at = text.indexOf('ääkköset');
    bytes[at] = 0xff;
    const decoded = new TextDecoder().decode(bytes);
    const invalid = preparePullPage(bytes.buffer);
    expect(invalid.ok && invalid.page.items.every((i) => typeof i.json === 'string')).toBe(true);
    expectSameAsReference(invalid, decoded);
  });
});
