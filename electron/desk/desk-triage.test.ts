/**
 * The triage methods of the desk core (search, dashboard, suggestions) against a real central
 * server with the demo seed on loopback, as the renderer calls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from './desk.js';
import { deskWithDemoCentral, walkInArgs, type DeskWithCentral } from './testing/desk-with-central.js';

let desk: Desk;
let world: DeskWithCentral;

beforeAll(async () => {
  world = await deskWithDemoCentral('neuvonta', 'desk-triage');
  ({ desk } = world);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const walkIn = walkInArgs;

describe('triage methods of the desk core', () => {
  it('a walk-in recorded at the desk is found by an inflected word at once, with the match highlighted', async () => {
    const args = walkIn('Asiakas kertoi, että Vallilan leikkipuistossa on syvä kuoppa liukumäen edessä.');
    await desk.mutate({ name: 'createWalkIn', args });
    const r = await desk.search({ query: 'kuopat leikkipuisto' });
    const hit = r.hits.find((h) => h.row.id === args.itemId);
    expect(hit, 'walk-in found').toBeTruthy();
    expect(hit!.row).toMatchObject({ channel: 'verbal', pending: true });
    const marked = hit!.snippet!.highlights.map(([a, b]) => hit!.snippet!.text.slice(a, b));
    expect(marked).toEqual(['leikkipuistossa', 'kuoppa']);
    const filtered = await desk.search({ query: 'kuoppa kanava:suullinen tila:uusi' });
    expect(filtered.hits.map((h) => h.row.id)).toContain(args.itemId);
    expect((await desk.search({ query: 'kuoppa kanava:sähköposti' })).hits.map((h) => h.row.id)).not.toContain(args.itemId);
  });

  it('a change made at the desk is reflected in search filters immediately', async () => {
    const args = walkIn('Uimahallin pukuhuoneen suihku vuotaa jatkuvasti.');
    await desk.mutate({ name: 'createWalkIn', args });
    await desk.mutate({ name: 'setKind', args: { itemId: args.itemId, kind: 'question' } });
    expect((await desk.search({ query: 'suihku laji:kysymys' })).hits.map((h) => h.row.id)).toContain(args.itemId);
    expect((await desk.search({ query: 'suihku laji:vikailmoitus' })).hits.map((h) => h.row.id)).not.toContain(args.itemId);
  });

  it('suggests restricting and redirecting, with reasons and evidence', async () => {
    const args = walkIn('Teen muistutuksen kohtelustani terveysasemalla, minulla on diabetes ja sain väärää hoitoa.');
    await desk.mutate({ name: 'createWalkIn', args });
    const s = await desk.suggestions({ id: args.itemId });
    expect(s.map((x) => x.type)).toEqual(expect.arrayContaining(['redirect_to_registry', 'restrict']));
    expect(s.find((x) => x.type === 'redirect_to_registry')!.evidence).toContain('muistutuksen');
    await expect(desk.suggestions({ id: 'no-such-item' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives dashboard numbers over the cache', async () => {
    const d = await desk.dashboard({});
    const openTotal = d.openByDepartment.reduce((a, x) => a + x.total, 0);
    expect(openTotal).toBeGreaterThan(0);
    expect(d.answeredWithinWeek).toHaveLength(12);
    expect(d.incomingByChannel.find((c) => c.channel === 'verbal')!.count).toBeGreaterThanOrEqual(3);
  });
});
