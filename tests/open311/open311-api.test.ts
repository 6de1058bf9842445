/**
 * Every GeoReport v2 method, filter, format and error of /open311/v1, against central running as
 * its own process, over HTTP only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startCentralProcess, type CentralProcess } from './support/central-process.js';
import { API_KEY, getJson, getXml, parseXml, postForm, Staff, validRequest } from './support/client.js';

let central: CentralProcess;
let api: string;
let staff: Staff;
// A 3-month window of the real Helsinki data in the demo seed.
const WINDOW = 'start_date=2015-06-01T00:00:00Z&end_date=2015-08-29T00:00:00Z';

beforeAll(async () => {
  central = await startCentralProcess();
  api = `${central.url}/open311/v1`;
  staff = new Staff(central.url);
  await staff.login();
});
afterAll(async () => {
  await central?.stop();
});

type Req = Record<string, any>;
const distanceM = (lat1: number, lon1: number, lat2: number, lon2: number) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
};

describe('discovery', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const json = await getJson<Req>(`${api}/discovery.json`);
    expect(json.status).toBe(200);
    expect(json.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: `${central.url}/open311/v1`, formats: ['text/xml', 'application/json'] });
    const xml = await getXml(`${api}/discovery.xml`);
    expect(xml.type).toMatch(/^text\/xml; charset=utf-8/);
    expect(xml.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml.doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });
});

describe('services', () => {
  it('lists services in fi by default and in sv and en on request', async () => {
    const fi = await getJson<Req[]>(`${api}/services.json`);
    expect(fi.status).toBe(200);
    expect(fi.type).toMatch(/^application\/json/);
    expect((await fetch(`${api}/services.json`)).headers.get('access-control-allow-origin')).toBe('*');
    expect(fi.body.find((s) => s.service_code === '171')).toEqual({
      service_code: '171',
      service_name: 'Katujen kunto',
      description: expect.any(String),
      metadata: false,
      type: 'realtime',
      keywords: expect.any(String),
      group: expect.any(String),
    });
    const sv = await getJson<Req[]>(`${api}/services.json?locale=sv_FI`);
    expect(sv.body.find((s) => s.service_code === '171')!.service_name).toBe('Potthål');
    const en = await getJson<Req[]>(`${api}/services.json?locale=en`);
    expect(en.body.find((s) => s.service_code === '171')!.service_name).toBe('Potholes');
  });

  it('uses the spec element names in XML', async () => {
    const xml = await getXml(`${api}/services.xml?locale=en`);
    expect(xml.status).toBe(200);
    const s = xml.doc.services.service.find((x: Req) => x.service_code === '171');
    expect(s).toMatchObject({ service_code: '171', service_name: 'Potholes', metadata: 'false', type: 'realtime' });
  });

  it('gives a service definition (no attributes, as in Helsinki) and 404 for an unknown code', async () => {
    const def = await getJson<Req>(`${api}/services/171.json`);
    expect(def.status).toBe(200);
    expect(def.body).toEqual({ service_code: '171', attributes: [] });
    const xml = await getXml(`${api}/services/171.xml`);
    expect(xml.doc.service_definition.service_code).toBe('171');
    const missing = await getJson(`${api}/services/99999.json`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const missingXml = await getXml(`${api}/services/99999.xml`);
    expect(missingXml.status).toBe(404);
    expect(missingXml.doc.errors.error[0].code).toBe('404');
  });
});

describe('POST requests', () => {
  it('works for a client written for Helsinki: form fields in, result[0].service_request_id out', async () => {
    const res = await postForm(`${api}/requests.json`, {
      api_key: API_KEY,
      service_code: '172',
      description: 'Puiston penkki on rikottu ja laudat ovat irti.',
      title: 'Rikottu penkki',
      lat: '60.1699',
      long: '24.9384',
      first_name: 'Maija',
      last_name: 'Meikäläinen',
      email: 'maija.meikalainen@example.com',
      phone: '+358 40 123 4567',
      can_be_published: 'true',
      service_request_type: 'BLAME',
    });
    expect(res.status).toBe(200);
    const result = (await res.json()) as Req[];
    expect(result).toHaveLength(1);
    expect(result[0].service_request_id).toMatch(/^[a-z0-9]{20}$/);
    expect(typeof result[0].service_notice).toBe('string');

    // Behind the public API: what staff see of it.
    const item = await staff.item(result[0].service_request_id);
    expect(item).toMatchObject({
      channel: 'web_form',
      kind: 'criticism',
      status: 'received',
      publicationPermission: true,
      original: { title: 'Rikottu penkki', description: 'Puiston penkki on rikottu ja laudat ovat irti.' },
      contact: { email: 'maija.meikalainen@example.com', phone: '+358 40 123 4567' },
      author: { displayName: 'Maija Meikäläinen', anonymous: false },
      location: { lat: 60.1699, long: 24.9384 },
      serviceCode: '172',
      publication: { state: 'unpublished' },
    });
    // The sender IP is kept apart (P22): not even in the staff copy.
    expect(JSON.stringify(item)).not.toContain('127.0.0.1');
  });

  it('maps every service_request_type to a kind and defaults publication permission to no', async () => {
    const kinds: Record<string, string> = { BLAME: 'criticism', THANK: 'praise', IDEA: 'suggestion', QUESTION: 'question', OTHER: 'fault_report' };
    const ids: Record<string, string> = {};
    for (const type of Object.keys(kinds)) {
      const res = await postForm(`${api}/requests.json`, validRequest({ service_request_type: type, address_string: 'Mannerheimintie 1' }));
      expect(res.status).toBe(200);
      ids[type] = ((await res.json()) as Req[])[0].service_request_id;
    }
    const { items } = await staff.pullAll();
    for (const [type, kind] of Object.entries(kinds)) {
      const item = items.find((i) => i.serviceRequestId === ids[type]);
      expect(item.kind).toBe(kind);
      expect(item.publicationPermission).toBe(false);
    }
  });

  it('records the intake channel of the api_key', async () => {
    const run = await runScript(['central/open311/api-key-cli.ts', 'add', 'service_map', '--label', 'palvelukartta', '--data', central.dataDir]);
    expect(run.code).toBe(0);
    const key = run.stdout.trim();
    const res = await postForm(`${api}/requests.json`, validRequest({ api_key: key }));
    expect(res.status).toBe(200);
    const item = await staff.item(((await res.json()) as Req[])[0].service_request_id);
    expect(item.channel).toBe('service_map');
    const bad = await runScript(['central/open311/api-key-cli.ts', 'add', 'email', '--data', central.dataDir]);
    expect(bad.code).toBe(2);
  });

  it('answers in XML with the spec element names', async () => {
    const res = await postForm(`${api}/requests.xml`, validRequest({ address_string: 'Aleksanterinkatu 1', service_object_type: 'streetlight', service_object_id: 'SL-1' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const doc = parseXml(await res.text());
    expect(doc.service_requests.request[0].service_request_id).toMatch(/^[a-z0-9]{20}$/);
  });

  it('accepts multipart with media[] photos and serves them back as media_urls once published', async () => {
    // A photo of a realistic size (1 MB), well above the limit of a form-urlencoded body.
    const png = Buffer.concat([
      Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b2a3c50000000049454e44ae426082', 'hex'),
      Buffer.alloc(1024 * 1024, 7),
    ]);
    const form = new FormData();
    for (const [k, v] of Object.entries(validRequest({ can_be_published: 'true', title: 'Kuva kuopasta' }))) form.append(k, v);
    form.append('media[]', new Blob([png], { type: 'image/png' }), 'kuoppa.png');
    const res = await fetch(`${api}/requests.json`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    const srid = ((await res.json()) as Req[])[0].service_request_id;

    const item = await staff.item(srid);
    expect(item.attachments).toHaveLength(1);
    // Not public yet: the photo is as private as the text.
    const mediaPath = item.attachments[0].url as string;
    expect((await fetch(`${api}${mediaPath}`)).status).toBe(404);
    // Staff who may see the item see its photo through the staff API; nobody else does.
    const forStaff = await staff.get(mediaPath);
    expect(forStaff.status).toBe(200);
    expect(forStaff.headers.get('content-type')).toBe('image/png');
    expect(forStaff.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await forStaff.arrayBuffer()).equals(png)).toBe(true);
    expect((await fetch(`${central.url}/staff/v1${mediaPath}`)).status).toBe(401);
    const otherDepartment = new Staff(central.url);
    await otherDepartment.login('kasko.vastaaja');
    expect((await otherDepartment.get(mediaPath)).status).toBe(404);
    expect((await staff.get('/media/..%2Fcentral.sqlite')).status).toBe(404);

    await staff.push('publish', { itemId: item.id, title: 'Kuoppa', text: 'Syvä kuoppa ajoradalla.', answer: null });
    const one = await getJson<Req[]>(`${api}/requests/${srid}.json?extensions=true`);
    expect(one.body[0].media_url).toMatch(new RegExp(`^${central.url}/open311/v1/media/[a-f0-9]{32}\\.png$`));
    expect(one.body[0].extended_attributes.media_urls).toEqual([one.body[0].media_url]);
    const photo = await fetch(one.body[0].media_url);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(png)).toBe(true);
  });

  it('refuses a missing or wrong api_key with 403', async () => {
    const { api_key: _, ...noKey } = validRequest();
    const missing = await postForm(`${api}/requests.json`, noKey);
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const wrong = await postForm(`${api}/requests.xml`, validRequest({ api_key: 'not-a-key' }));
    expect(wrong.status).toBe(403);
    expect(parseXml(await wrong.text()).errors.error[0]).toEqual({ code: '403', description: expect.any(String) });
  });

  const invalid: [string, Record<string, string>][] = [
    ['unknown service_code', { service_code: '99999' }],
    ['missing service_code', { service_code: '' }],
    ['description under 10 characters', { description: 'Liian lyh' }],
    ['description over 5000 characters', { description: 'a'.repeat(5001) }],
    ['HTML in the description', { description: 'Katso <b>tämä</b> kuoppa tiellä heti' }],
    ['a script in the title', { title: '<script>alert(1)</script>' }],
    ['no location at all', { lat: '', long: '' }],
    ['lat without long', { long: '' }],
    ['lat out of range', { lat: '91' }],
    ['a bad email', { email: 'not-an-email' }],
    ['a bad phone', { phone: 'call me maybe' }],
    ['an unknown service_request_type', { service_request_type: 'ANGRY' }],
    ['a media_url that is not http', { media_url: 'javascript:alert(1)' }],
    ['service_object_type without id', { service_object_type: 'streetlight', lat: '', long: '' }],
  ];
  for (const [what, fields] of invalid) {
    it(`refuses ${what} with 400 and an error array, storing nothing`, async () => {
      const before = (await staff.pullAll()).items.length;
      const body = validRequest(fields);
      for (const [k, v] of Object.entries(fields)) if (v === '') delete body[k];
      const res = await postForm(`${api}/requests.json`, body);
      expect(res.status).toBe(400);
      const errors = (await res.json()) as Req[];
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e).toEqual({ code: 400, description: expect.any(String) });
      expect((await staff.pullAll()).items.length).toBe(before);
    });
  }

  it('reports every problem of a request at once, in XML too', async () => {
    const res = await postForm(`${api}/requests.xml`, validRequest({ description: 'lyhyt', email: 'x', lat: '99' }));
    expect(res.status).toBe(400);
    const errors = parseXml(await res.text()).errors.error as Req[];
    const text = errors.map((e) => e.description).join('\n');
    expect(text).toMatch(/description/);
    expect(text).toMatch(/email/);
    expect(text).toMatch(/lat/);
  });
});

describe('GET requests/{id} and tokens', () => {
  it('shows a published item in full and an unpublished one as its processing state only', async () => {
    const pub = await getJson<Req[]>(`${api}/requests/1ar09ts10t4qdko74nmj.json?extensions=true`);
    expect(pub.status).toBe(200);
    expect(pub.body[0]).toMatchObject({
      service_request_id: '1ar09ts10t4qdko74nmj',
      status: 'closed',
      service_code: '178',
      lat: 60.1952311,
      long: 24.9588253,
      requested_datetime: '2015-03-04T16:40:04+02:00',
      extended_attributes: { title: 'Liikennejärjestelyt puuttuvat', detailed_status: 'PROCESSED,PUBLIC_WORKS_COMPLETED' },
    });
    expect(pub.body[0].description.length).toBeGreaterThan(10);

    const res = await postForm(`${api}/requests.json`, validRequest({ title: 'Yksityinen otsikko', email: 'yksityinen@example.com' }));
    const srid = ((await res.json()) as Req[])[0].service_request_id;
    const unpub = await getJson<Req[]>(`${api}/requests/${srid}.json?extensions=true`);
    expect(unpub.status).toBe(200);
    expect(Object.keys(unpub.body[0]).sort()).toEqual(['extended_attributes', 'requested_datetime', 'service_code', 'service_name', 'service_request_id', 'status', 'updated_datetime']);
    expect(unpub.body[0]).toMatchObject({ service_request_id: srid, status: 'open', service_code: '171', extended_attributes: { detailed_status: 'RECEIVED' } });
    const xml = await getXml(`${api}/requests/${srid}.xml`);
    expect(xml.doc.service_requests.request[0]).toMatchObject({ service_request_id: srid, status: 'open' });
    expect(xml.text).not.toContain('Yksityinen');
  });

  it('404s an unknown id in the requested format', async () => {
    const json = await getJson(`${api}/requests/zzzzzzzzzzzzzzzzzzzz.json`);
    expect(json.status).toBe(404);
    expect(json.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const xml = await getXml(`${api}/requests/zzzzzzzzzzzzzzzzzzzz.xml`);
    expect(xml.status).toBe(404);
    expect(xml.doc.errors.error[0].code).toBe('404');
    expect((await getJson(`${api}/tokens/nosuchtoken.json`)).status).toBe(404);
    expect((await getXml(`${api}/tokens/nosuchtoken.xml`)).doc.errors.error[0].code).toBe('404');
  });
});

describe('GET requests filters', () => {
  const list = async (query: string) => {
    const r = await getJson<Req[]>(`${api}/requests.json?${query}`);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('defaults to the most recent 90 days, newest first', async () => {
    const recent = await list('page_size=1000');
    const cutoff = Date.now() - 90 * 86_400_000 - 60_000;
    for (const r of recent) expect(Date.parse(r.requested_datetime)).toBeGreaterThanOrEqual(cutoff);
    const old = await list(`${WINDOW}&page_size=1000`);
    expect(old.length).toBeGreaterThan(100);
    const times = old.map((r) => Date.parse(r.requested_datetime));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    for (const t of times) expect(t).toBeGreaterThanOrEqual(Date.parse('2015-06-01T00:00:00Z'));
    for (const t of times) expect(t).toBeLessThanOrEqual(Date.parse('2015-08-29T00:00:00Z'));
  });

  it('service_request_id (comma list) overrides every other filter', async () => {
    const r = await list('service_request_id=1ar09ts10t4qdko74nmj,2tg8tltorg3gbs4gkev8&status=open&service_code=246');
    expect(r.map((x) => x.service_request_id).sort()).toEqual(['1ar09ts10t4qdko74nmj', '2tg8tltorg3gbs4gkev8']);
  });

  it('filters by a service_code list and by status', async () => {
    const codes = await list(`${WINDOW}&service_code=171,172&page_size=1000`);
    expect(codes.length).toBeGreaterThan(10);
    expect(new Set(codes.map((r) => r.service_code))).toEqual(new Set(['171', '172']));
    const all = await list(`${WINDOW}&page_size=1000`);
    const open = await list(`${WINDOW}&status=open&page_size=1000`);
    const closed = await list(`${WINDOW}&status=closed&page_size=1000`);
    const both = await list(`${WINDOW}&status=open,closed&page_size=1000`);
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    expect(open.length).toBeGreaterThan(0);
    expect(open.length + closed.length).toBe(all.length);
    expect(both.length).toBe(all.length);
  });

  it('filters by updated_after and updated_before', async () => {
    const after = await list(`${WINDOW}&updated_after=2015-08-01T00:00:00Z&page_size=1000`);
    const before = await list(`${WINDOW}&updated_before=2015-08-01T00:00:00Z&page_size=1000`);
    const all = await list(`${WINDOW}&page_size=1000`);
    expect(after.length).toBeGreaterThan(0);
    expect(before.length).toBeGreaterThan(0);
    for (const r of after) expect(Date.parse(r.updated_datetime)).toBeGreaterThan(Date.parse('2015-08-01T00:00:00Z'));
    for (const r of before) expect(Date.parse(r.updated_datetime)).toBeLessThan(Date.parse('2015-08-01T00:00:00Z'));
    expect(after.length + before.length).toBe(all.length);
  });

  it('filters by lat, long and radius in metres', async () => {
    const [lat, long] = [60.1699, 24.9384];
    const near = await list(`${WINDOW}&lat=${lat}&long=${long}&radius=1500&page_size=1000`);
    const all = await list(`${WINDOW}&page_size=1000`);
    expect(near.length).toBeGreaterThan(0);
    expect(near.length).toBeLessThan(all.length);
    for (const r of near) expect(distanceM(lat, long, r.lat, r.long)).toBeLessThanOrEqual(1500);
    const expected = all.filter((r) => typeof r.lat === 'number' && distanceM(lat, long, r.lat, r.long) <= 1500).length;
    expect(near.length).toBe(expected);
  });

  it('filters by bbox (min_long,min_lat,max_long,max_lat)', async () => {
    const box = await list(`${WINDOW}&bbox=24.90,60.15,24.96,60.18&page_size=1000`);
    expect(box.length).toBeGreaterThan(0);
    for (const r of box) {
      expect(r.long).toBeGreaterThanOrEqual(24.9);
      expect(r.long).toBeLessThanOrEqual(24.96);
      expect(r.lat).toBeGreaterThanOrEqual(60.15);
      expect(r.lat).toBeLessThanOrEqual(60.18);
    }
  });

  it('pages with page and page_size', async () => {
    const first = await list(`${WINDOW}&page_size=5&page=1`);
    const second = await list(`${WINDOW}&page_size=5&page=2`);
    const ten = await list(`${WINDOW}&page_size=10`);
    expect(first).toHaveLength(5);
    expect([...first, ...second].map((r) => r.service_request_id)).toEqual(ten.map((r) => r.service_request_id));
    expect(await list(`${WINDOW}&page_size=5&page=100000`)).toEqual([]);
  });

  it('adds extended_attributes only with extensions=true', async () => {
    const plain = await list(`${WINDOW}&page_size=3`);
    for (const r of plain) expect(r.extended_attributes).toBeUndefined();
    const ext = await list(`service_request_id=1ar09ts10t4qdko74nmj&extensions=true`);
    expect(ext[0].extended_attributes).toMatchObject({ title: expect.any(String), detailed_status: expect.stringMatching(/^(RECEIVED|IN_PROCESS|PROCESSED|ARCHIVED|REJECTED)/), media_urls: expect.any(Array) });
    expect(ext[0].extended_attributes.tasks[0]).toEqual({
      task_created: expect.any(String),
      task_modified: expect.any(String),
      owner_name: 'Rakennusvirasto',
      task_type: 'assigned',
      task_state: 're_assigned',
    });
  });

  it('lists in XML with the spec element names, nested lists wrapped', async () => {
    const xml = await getXml(`${api}/requests.xml?service_request_id=1ar09ts10t4qdko74nmj&extensions=true`);
    expect(xml.status).toBe(200);
    const r = xml.doc.service_requests.request[0];
    expect(r).toMatchObject({ service_request_id: '1ar09ts10t4qdko74nmj', status: 'closed', service_code: '178', lat: '60.1952311', long: '24.9588253' });
    expect(r.extended_attributes.media_urls.media_url).toHaveLength(1);
    expect(r.extended_attributes.tasks.task[0].owner_name).toBe('Rakennusvirasto');
    const empty = await getXml(`${api}/requests.xml?service_request_id=zzzzzzzzzzzzzzzzzzzz`);
    expect(empty.text).toContain('<service_requests></service_requests>');
  });

  const bad = ['status=maybe', 'page_size=0', 'page_size=1001', 'page=0', 'start_date=yesterday', 'end_date=2015-13-45', 'lat=60.1', 'radius=100', 'lat=95&long=24&radius=10', 'bbox=1,2,3', 'bbox=25,61,24,60', 'extensions=maybe', `start_date=2015-08-01T00:00:00Z&end_date=2015-07-01T00:00:00Z`];
  for (const q of bad) {
    it(`answers ${q} with 400 and an error array (JSON and XML)`, async () => {
      const json = await getJson<Req[]>(`${api}/requests.json?${q}`);
      expect(json.status).toBe(400);
      for (const e of json.body) expect(e).toEqual({ code: 400, description: expect.any(String) });
      const xml = await getXml(`${api}/requests.xml?${q}`);
      expect(xml.status).toBe(400);
      expect(xml.doc.errors.error[0].code).toBe('400');
    });
  }

  it('404s an unknown method or format with an error array', async () => {
    const nothing = await getJson(`${api}/nothing.json`);
    expect(nothing.status).toBe(404);
    expect(nothing.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const csv = await getJson(`${api}/requests/1ar09ts10t4qdko74nmj.csv`);
    expect(csv.status).toBe(404);
    const xml = await getXml(`${api}/nothing.xml`);
    expect(xml.doc.errors.error[0].code).toBe('404');
  });
});
