import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackItem } from '../../shared/domain/index.js';
import { startTestCentral, type TestCentral } from '../testing.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');
let central: TestCentral;

beforeAll(async () => {
  central = await startTestCentral({ seed: 'demo', now: () => NOW });
}, 60_000);
afterAll(async () => {
  await central?.dispose();
});

const allItems = () => (central.store.db.prepare('SELECT json FROM items').all() as { json: string }[]).map((r) => JSON.parse(r.json) as FeedbackItem);

async function allRequests(query = ''): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${central.url}/open311/v1/requests.json?extensions=true&page_size=500&page=${page}&start_date=2000-01-01T00:00:00Z&end_date=2100-01-01T00:00:00Z${query}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>[];
    out.push(...body);
    if (body.length < 500) return out;
  }
}

describe('Open311 services.json', () => {
  it('lists services in Helsinki field names, in the requested locale', async () => {
    const sv = (await (await fetch(`${central.url}/open311/v1/services.json?locale=sv`)).json()) as Record<string, unknown>[];
    expect(sv.find((s) => s.service_code === '171')).toEqual({
      service_code: '171',
      service_name: 'Potthål',
      description: 'Rapportera potthål i allmänna gator.',
      metadata: false,
      type: 'realtime',
      keywords: 'tie,kuoppa',
      group: 'Katujen kunto ja liikenne',
    });
    const fi = (await (await fetch(`${central.url}/open311/v1/services.json`)).json()) as Record<string, unknown>[];
    expect(fi.find((s) => s.service_code === '2809')?.service_name).toBe('Yleinen ja muu palaute');
  });
});

describe('Open311 requests.json', () => {
  it('lists only published items, newest first, with publishable fields', async () => {
    const requests = await allRequests();
    const published = allItems().filter((i) => i.publication.state === 'published' && !i.restricted);
    expect(requests).toHaveLength(published.length);
    const dates = requests.map((r) => String(r.requested_datetime));
    expect([...dates].sort().reverse()).toEqual(dates);
    const r = requests.find((x) => x.service_request_id === '1ar09ts10t4qdko74nmj')!;
    expect(r).toMatchObject({
      status: 'closed',
      service_code: '178',
      description: 'Rakennusremontti aiheutta vaaratilanteita pyöräilijöitten ja jalankulkijoitten välille',
      address_string: 'Sturenkatu 33, 00550 Helsinki, Suomi',
      lat: 60.1952311,
      long: 24.9588253,
      media_url: expect.stringContaining('3c1undtub14dukl3bdt8.jpg'),
      extended_attributes: { title: 'Liikennejärjestelyt puuttuvat', detailed_status: 'PROCESSED,PUBLIC_WORKS_COMPLETED', media_urls: [expect.any(String)] },
    });
    expect(String(r.status_notes)).toContain('Rakennusviraston asiakaspalvelu');
    expect((r.extended_attributes as { tasks: unknown[] }).tasks[0]).toEqual(
      expect.objectContaining({ owner_name: 'Rakennusvirasto', task_type: 'assigned', task_state: 're_assigned' }),
    );
  });

  it('never shows contact details, IPs, comments, original texts or restricted items, even of published items', async () => {
    // Publish a generated item that has private contact details, a comment and a moderated text.
    const items = allItems();
    const withContact = items.find((i) => i.id.startsWith('gen-') && i.contact.email && i.contact.phone && !i.restricted && i.publicationPermission && i.channel !== 'email')!;
    expect(withContact).toBeDefined();
    central.store.putItem({
      ...withContact,
      comments: [{ id: 'c-secret', authorId: 'neuvonta', authorName: 'Niina Neuvoja', at: NOW.toISOString(), text: 'SISÄINEN-KOMMENTTI' }],
      publication: { state: 'published', title: 'Moderoitu otsikko', text: 'Moderoitu teksti ilman yhteystietoja.', answer: 'Kiitos, korjattu.', publishedAt: NOW.toISOString() },
    });
    // A restricted item marked published stays out all the same.
    const sensitive = items.find((i) => i.restricted)!;
    central.store.putItem({ ...sensitive, publication: { state: 'published', title: 'x', text: 'RAJATTU-JULKAISU', answer: null, publishedAt: NOW.toISOString() } });

    const text = JSON.stringify(await allRequests());
    expect(text).toContain('Moderoitu teksti ilman yhteystietoja.');
    expect(text).not.toContain(withContact.original.description);
    expect(text).not.toContain('SISÄINEN-KOMMENTTI');
    expect(text).not.toContain('RAJATTU-JULKAISU');
    expect(text).not.toContain(sensitive.serviceRequestId);
    expect(text).not.toContain('192.0.2.10');
    for (const i of allItems()) {
      if (i.contact.email) expect(text).not.toContain(i.contact.email);
      if (i.contact.phone) expect(text).not.toContain(i.contact.phone);
    }
  });

  it('keeps email items and items without permission out even when something marked them published (P19a)', async () => {
    const items = allItems().filter((i) => !i.restricted && i.publication.state !== 'published');
    const publication = { state: 'published' as const, title: 'Pakotettu', text: 'PAKOTETTU-JULKAISU', answer: null, publishedAt: NOW.toISOString() };
    central.store.putItem({ ...items[0], channel: 'email', publication });
    central.store.putItem({ ...items[1], publicationPermission: false, publication });
    const text = JSON.stringify(await allRequests());
    expect(text).not.toContain('PAKOTETTU-JULKAISU');
    expect(text).not.toContain(items[0].serviceRequestId);
    expect(text).not.toContain(items[1].serviceRequestId);
    const one = (await (await fetch(`${central.url}/open311/v1/requests/${items[0].serviceRequestId}.json`)).json()) as Record<string, unknown>[];
    expect(one[0].description).toBeUndefined();
  });

  it('filters by id, service code and status', async () => {
    const one = await allRequests('&service_request_id=1ar09ts10t4qdko74nmj&status=open');
    expect(one.map((r) => r.service_request_id)).toEqual(['1ar09ts10t4qdko74nmj']);
    const open = await allRequests('&status=open');
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) expect(r.status).toBe('open');
    const potholes = await allRequests('&service_code=171');
    expect(potholes.length).toBeGreaterThan(100);
    for (const r of potholes) expect(r.service_code).toBe('171');
  });

  it('answers bad parameters with 400 and an Open311 error array', async () => {
    for (const q of ['status=maybe', 'page_size=0', 'start_date=yesterday']) {
      const res = await fetch(`${central.url}/open311/v1/requests.json?${q}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { code: number; description: string }[];
      expect(body).toEqual([{ code: 400, description: expect.any(String) }]);
    }
    const missing = await fetch(`${central.url}/open311/v1/nothing.json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual([{ code: 404, description: expect.any(String) }]);
  });
});
