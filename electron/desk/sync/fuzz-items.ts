/**
 * Test inputs for the item checks of the pull path (exact-check.test.ts, pull-page.test.ts):
 * an item that uses every optional part of the schema, and random one-part changes of it.
 */
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { makeItem } from '../testing/make-items.js';

const at = '2026-11-20T08:00:00.000Z';

/** An item using every optional part of the schema, so the fuzzing below reaches all of it. */
export function richItem(i: number): FeedbackItem {
  return makeItem(i, undefined, {
    location: { lat: -90, long: 180, address: 'Mannerheimintie 1' },
    attachments: [{ url: 'https://example.org/a.jpg', name: null }, { url: 'b.png', name: 'kuva' }],
    assigneeId: 'staff-1',
    restricted: { reason: 'terveystietoja', by: null, at },
    detailedStatus: 'PROCESSED,PUBLIC_WORKS_COMPLETED',
    comments: [{ id: 'c-1', authorId: 'staff-2', authorName: 'Ä Öberg', at, text: 'sisäinen "huomio" \\ 🙂' }],
    answer: {
      draft: { text: 'luonnos', version: 3, updatedBy: 'staff-2', updatedAt: '2026-11-20T10:00:00+02:00' },
      sent: { text: 'vastaus', sentAt: at, sentBy: 'Ä', channel: 'email' },
      approvedBy: 'staff-3',
    },
    publication: {
      state: 'withheld',
      title: 'otsikko',
      text: null,
      answer: 'julkinen vastaus',
      publishedAt: null,
      version: 2,
      edits: [{ version: 1, title: null, text: 't', answer: null, by: 'staff-4', byName: 'M', at }],
      decision: { decision: 'withhold', reasons: ['no_permission', 'racism'], note: null, by: 'staff-4', at },
      override: { reason: 'tarkistettu', found: [{ field: 'text', kind: 'phone' }], by: null, at },
    },
    history: [{ id: 'h-1', at, actorId: 'staff-1', actorName: 'A', type: 'forwarded', details: { to: 'dep-kymp', n: 2, nested: { a: [1, null] } }, clientId: 'desk-abcdefgh' }],
    duplicateOf: null,
    inappropriate: { reason: 'spam', note: null, by: 'staff-1', at },
    registryRedirect: { reply: 'kirjaamo', language: 'sv', by: null, at },
    continuesOutside: { how: 'puhelimitse', by: 'staff-1', at },
    recordedBy: { staffId: 'staff-1', at, permissionAsked: true },
  });
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values near each rule of the schema: wrong types, bounds, formats, enum neighbours. */
const ODD_VALUES: unknown[] = [
  null,
  '',
  'x',
  'a'.repeat(32),
  'a'.repeat(33),
  'a'.repeat(64),
  'a'.repeat(65),
  'b'.repeat(500),
  'b'.repeat(501),
  'b'.repeat(2001),
  'abcdefghij0123456789',
  'ABCDEFGHIJ0123456789',
  'abcdefghij012345678',
  '2026-11-20T08:00:00Z',
  '2026-11-20T08:00:00.123456+02:00',
  '2024-02-29T00:00:00.000Z',
  '2023-02-29T00:00:00.000Z',
  '2000-02-29T00:00:00.000Z',
  '1900-02-29T00:00:00.000Z',
  '2026-04-31T00:00:00.000Z',
  '2026-11-20T24:00:00.000Z',
  '2026-11-20 08:00:00',
  '2026-11-20',
  'received',
  'forwarded',
  'lost',
  'fi',
  'de',
  'email',
  'spam',
  'publish',
  'racism',
  'title',
  0,
  -0,
  1,
  -1,
  1.5,
  90,
  90.5,
  -180,
  -180.1,
  2 ** 53,
  2 ** 53 - 1,
  true,
  false,
  [],
  [1],
  [null],
  {},
  { text: 'x' },
  { __proto__: null, a: 1 },
];

type Path = Array<string | number>;

function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

/** A copy of `item` with one part changed: replaced, removed, or given an extra key. */
export function mutate(item: unknown, next: () => number): unknown {
  const copy = structuredClone(item) as Record<string | number, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[Math.floor(next() * all.length)];
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
  const key = path[path.length - 1];
  const r = next();
  if (r < 0.15) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (r < 0.25) {
    const target = parent[key];
    if (target && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, unknown>).extra = 1;
    else if (!Array.isArray(parent)) parent.unexpected = 'x';
  } else if (r < 0.3 && !Array.isArray(parent)) {
    // An own __proto__ key, as JSON.parse makes it.
    Object.defineProperty(parent, '__proto__', { value: {}, enumerable: true, configurable: true, writable: true });
  } else {
    parent[key] = structuredClone(ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]);
  }
  return copy;
}

