import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../../shared/domain/feedback-item.js';
import { CacheStore } from '../store/cache-store.js';
import { fileKeyProvider } from '../store/key-provider.js';
import { makeItem } from '../testing/make-items.js';
import { stemWord } from './finnish-stem.js';
import { snippet } from './highlight.js';
import { parseQuery } from './query.js';
import { SearchIndex } from './search-index.js';

describe('Finnish stemming', () => {
  it('brings inflected forms of one word to one stem', () => {
    const forms = ['kuoppa', 'kuopassa', 'kuopat', 'kuoppien', 'kuopan', 'kuoppia', 'kuopissa'];
    expect(new Set(forms.map(stemWord))).toEqual(new Set(['kuop']));
    expect(stemWord('kadulla')).toBe(stemWord('katu'));
    expect(stemWord('rannalla')).toBe(stemWord('ranta'));
    expect(stemWord('ihmisen')).toBe(stemWord('ihminen'));
    expect(new Set(['muistutus', 'muistutuksen', 'muistutukset', 'muistutusta'].map(stemWord)).size).toBeLessThanOrEqual(2);
    expect(stemWord('muistutuksen').startsWith(stemWord('muistutus'))).toBe(true);
    expect(stemWord('kysymyksiä').startsWith(stemWord('kysymys'))).toBe(true);
  });

  it('keeps ids and numbers whole', () => {
    expect(stemWord('abc123def456ghi789jk')).toBe('abc123def456ghi789jk');
    expect(stemWord('2024')).toBe('2024');
  });
});

describe('query language', () => {
  it('parses field terms in Finnish, Swedish and English into filters', () => {
    const q = parseQuery('kuoppa osasto:KYMP tila:uusi laji:kysymys kanava:sähköposti kieli:sv');
    expect(q.stems).toEqual(['kuop']);
    expect(q.filters).toEqual({ department: ['kymp'], status: ['received'], kind: ['question'], channel: ['email'], language: ['sv'], service: [] });
    expect(parseQuery('status:besvarad typ:fråga språk:finska').filters).toMatchObject({ status: ['answered'], kind: ['question'], language: ['fi'] });
    expect(parseQuery('tila:uusi,käsittelyssä').filters.status).toEqual(['received', 'in_triage']);
    expect(parseQuery('tila:"ohjattu kirjaamoon"').unknown).toEqual(['tila:ohjattu_kirjaamoon']);
  });

  it('reports terms it does not understand instead of dropping them', () => {
    const q = parseQuery('väri:punainen tila:kadonnut katu');
    expect(q.unknown).toEqual(['väri:punainen', 'tila:kadonnut']);
    expect(q.stems).toEqual([stemWord('katu')]);
  });
});

describe('snippets', () => {
  it('cuts a window around the first match with highlight offsets inside it', () => {
    const text = `${'Alkuteksti ilman osumaa. '.repeat(10)}Kadulla on syvä kuoppa, joka rikkoi renkaan. ${'Loppu. '.repeat(30)}`;
    const s = snippet(text, [stemWord('kuoppa')])!;
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.highlights).toHaveLength(1);
    const [a, b] = s.highlights[0];
    expect(s.text.slice(a, b)).toBe('kuoppa');
    expect(s.text.length).toBeLessThan(200);
  });
});

describe('SearchIndex over the desk cache', () => {
  let dir: string;
  let store: CacheStore;
  let index: SearchIndex;
  const now = Date.parse('2026-11-27T12:00:00.000Z');

  const put = (items: FeedbackItem[]) =>
    store.applyPullPage({ cookie: 1, hasMore: false, total: null, lastMutationId: 0, items, revoked: [], results: [], reference: null }, new Date(now).toISOString());

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-search-'));
    store = await CacheStore.open(dir, fileKeyProvider(dir));
    index = new SearchIndex(store.db);
  });
  afterEach(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const item = (i: number, description: string, over: Partial<FeedbackItem> = {}) =>
    makeItem(i, now, { original: { title: null, description }, ...over });

  it('finds inflected Finnish forms from the base form and highlights them', () => {
    put([
      item(1, 'Mannerheimintiellä on iso kuoppa pyörätien kohdalla.'),
      item(2, 'Pyörätiellä on paljon kuoppia ja renkaat puhkeavat kuopissa.'),
      item(3, 'Kadun kuopat pitää korjata ennen talvea.'),
      item(4, 'Puisto on siisti ja kaunis, kiitos!'),
    ]);
    const r = index.search('kuoppa');
    expect(r.hits.map((h) => h.id).sort()).toEqual(['item-0000001', 'item-0000002', 'item-0000003']);
    const two = r.hits.find((h) => h.id === 'item-0000002')!;
    expect(two.field).toBe('text');
    const marked = two.snippet!.highlights.map(([a, b]) => two.snippet!.text.slice(a, b));
    expect(marked).toEqual(['kuoppia', 'kuopissa']);
    expect(index.search('kuopassa').hits.map((h) => h.id).sort()).toEqual(['item-0000001', 'item-0000002', 'item-0000003']);
  });

  it('applies field terms as filters, with or without words', () => {
    put([
      item(1, 'Katuvalo ei toimi', { departmentId: 'kymp', status: 'received', kind: 'fault_report', channel: 'email', language: 'fi' }),
      item(2, 'Katuvalo on rikki', { departmentId: 'kasko', status: 'received', kind: 'fault_report', channel: 'web_form', language: 'fi' }),
      item(3, 'Gatlyktan är trasig', { departmentId: 'kymp', status: 'forwarded', kind: 'question', channel: 'email', language: 'sv' }),
    ]);
    expect(index.search('katuvalo osasto:kymp').hits.map((h) => h.id)).toEqual(['item-0000001']);
    expect(index.search('kanava:sähköposti').hits.map((h) => h.id).sort()).toEqual(['item-0000001', 'item-0000003']);
    expect(index.search('kieli:sv laji:kysymys').hits.map((h) => h.id)).toEqual(['item-0000003']);
    expect(index.search('osasto:kymp tila:uusi').total).toBe(1);
    expect(index.search('tila:hylätty').hits).toEqual([]);
  });

  it('searches answers and comments, and follows changes and deletions', () => {
    const base = item(1, 'Leikkipuiston keinu on rikki.');
    put([base]);
    expect(index.search('sähkökatko').hits).toEqual([]);
    put([
      {
        ...base,
        version: 2,
        comments: [{ id: 'c1', authorId: 's', authorName: 'S', at: base.receivedAt, text: 'Tarkistetaan sähkökatkon jälkeen.' }],
        answer: { draft: { text: 'Keinu korjataan ensi viikolla.', version: 1, updatedBy: null, updatedAt: null }, sent: null, approvedBy: null },
      },
    ]);
    const c = index.search('sähkökatko');
    expect(c.hits.map((h) => [h.id, h.field])).toEqual([['item-0000001', 'comment']]);
    expect(index.search('korjataan').hits[0].field).toBe('answer');
    store.applyPullPage({ cookie: 3, hasMore: false, total: null, lastMutationId: 0, items: [], revoked: ['item-0000001'], results: [], reference: null }, new Date(now).toISOString());
    expect(index.search('keinu').hits).toEqual([]);
  });

  it('lists results newest first and reports a capped total', () => {
    put(Array.from({ length: 30 }, (_, i) => item(i, `Roskis numero ${i} on täynnä`)));
    const r = index.search('roskis', { offset: 0, limit: 5 });
    expect(r.total).toBe(30);
    const received = r.hits.map((h) => store.getItem(h.id)!.receivedAt);
    expect([...received].sort().reverse()).toEqual(received);
  });

  it('finds an item by its public id', () => {
    put([item(7, 'Jotain aivan muuta')]);
    expect(index.search(makeItem(7).serviceRequestId).hits.map((h) => h.id)).toEqual(['item-0000007']);
  });

  it('a search with nothing to look for returns nothing and says which terms were not understood', () => {
    put([item(1, 'Teksti')]);
    expect(index.search('   ').hits).toEqual([]);
    expect(index.search('foo:bar').unknownTerms).toEqual(['foo:bar']);
  });
});
