import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { makeItem } from '../testing/make-items.js';
import { compileExactCheck } from './exact-check.js';
import { mutate, random, richItem } from './fuzz-items.js';

const exactItem = compileExactCheck(FeedbackItem);

describe('exact check compiled from the zod schema', () => {
  it('accepts complete valid items as they are', () => {
    for (let i = 0; i < 200; i++) expect(exactItem(JSON.parse(JSON.stringify(makeItem(i))))).toBe(true);
    expect(exactItem(JSON.parse(JSON.stringify(richItem(1))))).toBe(true);
  });

  it('only accepts what zod accepts unchanged, and leaves the rest to zod (fuzzed)', () => {
    const next = random(42);
    const seen = { exact: 0, zodChanged: 0, zodRefused: 0 };
    for (let n = 0; n < 4000; n++) {
      const base = n % 2 === 0 ? richItem(n) : makeItem(n);
      let v: unknown = base;
      for (let m = next() < 0.3 ? 2 : 1; m > 0; m--) v = mutate(v, next);
      // What a pull body can hold: JSON (an own __proto__ key survives the round trip).
      v = JSON.parse(JSON.stringify(v));
      const zod = FeedbackItem.safeParse(v);
      if (exactItem(v)) {
        seen.exact++;
        // Accepted here: zod must accept too, and give back the same value.
        expect(zod.success).toBe(true);
        expect(zod.data).toStrictEqual(v);
      } else if (zod.success) seen.zodChanged++;
      else seen.zodRefused++;
    }
    // Every branch was exercised.
    expect(seen.exact).toBeGreaterThan(400);
    expect(seen.zodChanged).toBeGreaterThan(100);
    expect(seen.zodRefused).toBeGreaterThan(400);
  });

  it('says no where zod would fill a default or drop an unknown key', () => {
    const { attachments: _a, ...noAttachments } = makeItem(1);
    expect(exactItem(noAttachments)).toBe(false);
    expect(FeedbackItem.parse(noAttachments).attachments).toEqual([]);
    expect(exactItem({ ...makeItem(1), extra: true })).toBe(false);
    expect(exactItem(JSON.parse(`{"__proto__": {}, ${JSON.stringify(makeItem(1)).slice(1)}`))).toBe(false);
  });

  it('answers no for every schema part it does not know (refinements, transforms, other formats, catchall)', () => {
    const cases: Array<[z.ZodType, unknown]> = [
      [z.string().email(), 'a@example.org'],
      [z.string().url(), 'https://example.org'],
      [z.string().trim(), 'x'],
      [z.string().refine(() => true), 'x'],
      [z.string().transform((s) => s), 'x'],
      [z.number().int().multipleOf(2), 2],
      [z.coerce.number(), 1],
      [z.object({ a: z.string() }).catchall(z.unknown()), { a: 'x' }],
      [z.object({ a: z.string() }).passthrough(), { a: 'x' }],
      [z.union([z.string(), z.number()]), 'x'],
      [z.literal('x'), 'x'],
      [z.record(z.enum(['a']), z.string()), { a: 'x' }],
      [z.array(z.string()).refine(() => true), ['x']],
      [z.object({ a: z.string().optional().default('d') }), {}],
    ];
    for (const [schema, value] of cases) {
      expect(schema.safeParse(value).success).toBe(true);
      expect(compileExactCheck(schema)(value)).toBe(false);
    }
    // Known parts around an unknown one still decide what they can.
    const mixed = compileExactCheck(z.object({ a: z.string(), b: z.string().email().nullable() }));
    expect(mixed({ a: 'x', b: null })).toBe(true);
    expect(mixed({ a: 'x', b: 'a@example.org' })).toBe(false);
  });

  it('follows the number, length and format rules exactly at their bounds', () => {
    const check = compileExactCheck(
      z.object({ n: z.number().int().nonnegative(), p: z.number().int().positive(), lat: z.number().min(-90).max(90), s: z.string().min(1).max(3), t: z.string().datetime({ offset: true }) }),
    );
    const ok = { n: 0, p: 1, lat: -90, s: 'abc', t: '2024-02-29T00:00:00Z' };
    expect(check(ok)).toBe(true);
    for (const change of [{ n: -1 }, { n: 0.5 }, { n: 2 ** 53 }, { p: 0 }, { lat: 90.01 }, { lat: Infinity }, { lat: NaN }, { s: '' }, { s: 'abcd' }, { t: '2023-02-29T00:00:00Z' }, { t: '2024-01-01T00:00:00' }]) {
      expect(check({ ...ok, ...change }), JSON.stringify(change)).toBe(false);
    }
  });
});
