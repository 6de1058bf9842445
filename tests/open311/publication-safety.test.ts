/**
 * Publication safety (P15, P19a, P25, P26): items whose private fields and original texts hold
 * emails, phone numbers and personal identity codes are published in moderated form through the
 * staff API, and no public response (JSON or XML, list or single, with extensions) ever carries
 * one of those strings, an internal comment, a draft, an IP address or a restricted item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from './support/central-process.js';
import { getJson, postForm, Staff, validRequest } from './support/client.js';

let central: CentralProcess;
let api: string;
let staff: Staff;

/** A valid henkilötunnus (checksum per DVV) for a date, century sign and individual number. */
function hetu(ddmmyy: string, sign: string, nnn: string): string {
  return `${ddmmyy}${sign}${nnn}${'0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(ddmmyy + nnn) % 31]}`;
}

const SECRET = {
  email: 'pekka.virtanen-salonen@example.fi',
  phone: '+358 50 987 6543',
  lastName: 'Virtanen-Salonen',
  textEmail: 'kirjoita.minulle@example.org',
  textPhone: '040 765 4321',
  hetu1: hetu('131052', '-', '308'),
  hetu2: hetu('010203', 'A', '123'),
  hetu3: hetu('150499', 'Y', '456'),
  comment: 'SISÄINEN-KOMMENTTI-ÄLÄ-JULKAISE',
  draft: 'VASTAUSLUONNOS-EI-JULKINEN',
  restrictedText: 'RAJATTU-TEKSTI-JULKAISTU',
};

const postWithSecrets = async (extra: Record<string, string> = {}) => {
  const res = await postForm(
    `${api}/requests.json`,
    validRequest({
      title: `Soita ${SECRET.textPhone}`,
      description: `Olen Pekka ${SECRET.lastName}, hetu ${SECRET.hetu1}. Lapseni hetu on ${SECRET.hetu2} ja puolisoni ${SECRET.hetu3}. Soita ${SECRET.textPhone} tai kirjoita ${SECRET.textEmail}. Kuoppa on syvä.`,
      first_name: 'Pekka',
      last_name: SECRET.lastName,
      email: SECRET.email,
      phone: SECRET.phone,
      can_be_published: 'true',
      ...extra,
    }),
  );
  expect(res.status).toBe(200);
  const srid = ((await res.json()) as { service_request_id: string }[])[0].service_request_id;
  return (await staff.item(srid)) as { id: string; serviceRequestId: string };
};

let published: { id: string; serviceRequestId: string };
let restricted: { id: string; serviceRequestId: string };
let noPermission: { id: string; serviceRequestId: string };

beforeAll(async () => {
  central = await startCentralProcess();
  api = `${central.url}/open311/v1`;
  staff = new Staff(central.url);
  await staff.login('admin', 'demo');

  published = await postWithSecrets();
  await staff.push('addComment', { itemId: published.id, text: SECRET.comment });
  await staff.push('saveAnswerDraft', { itemId: published.id, text: SECRET.draft, baseVersion: 0 });
  await staff.push('publish', { itemId: published.id, title: 'Kuoppa ajoradalla', text: 'Kuoppa on syvä. [yhteystiedot poistettu]', answer: 'Kiitos, kuoppa korjataan tällä viikolla.' });

  restricted = await postWithSecrets();
  await staff.push('publish', { itemId: restricted.id, title: 'Julkaistu ennen rajausta', text: SECRET.restrictedText, answer: null });
  await staff.push('restrictVisibility', { itemId: restricted.id, reason: 'sisältää terveystietoja' });

  noPermission = await postWithSecrets({ can_be_published: 'false' });
  await staff.push('publish', { itemId: noPermission.id, title: 'Ei lupaa', text: 'Tätä ei saa julkaista.', answer: null });
});
afterAll(async () => {
  await central?.stop();
});

/** Every public response about requests this server gives, concatenated. */
async function everyPublicResponse(ids: string[]): Promise<string> {
  const parts: string[] = [];
  const get = async (path: string) => {
    const res = await fetch(`${api}${path}`);
    parts.push(await res.text());
  };
  for (const fmt of ['json', 'xml']) {
    for (const window of ['', '&start_date=2000-01-01T00:00:00Z&end_date=2100-01-01T00:00:00Z']) {
      for (let page = 1; page <= 5; page++) await get(`/requests.${fmt}?extensions=true&page_size=1000&page=${page}${window}`);
    }
    await get(`/requests.${fmt}?extensions=true&service_request_id=${ids.join(',')}`);
    for (const id of ids) {
      await get(`/requests/${id}.${fmt}?extensions=true`);
      await get(`/requests/${id}.${fmt}`);
    }
    await get(`/services.${fmt}`);
    await get(`/discovery.${fmt}`);
  }
  return parts.join('\n');
}

describe('publication safety', () => {
  it('publishes the moderated version with the given name only', async () => {
    const one = await getJson<Record<string, any>[]>(`${api}/requests/${published.serviceRequestId}.json?extensions=true`);
    expect(one.body[0]).toMatchObject({
      description: 'Kuoppa on syvä. [yhteystiedot poistettu]',
      status_notes: 'Kiitos, kuoppa korjataan tällä viikolla.',
      extended_attributes: { title: 'Kuoppa ajoradalla', author_name: 'Pekka' },
    });
  });

  it('refuses to publish without permission, and hides a published item once it is restricted', async () => {
    const { results } = await staff.pullAll();
    expect(results.some((r) => r.name === 'publish' && r.error.code === 'invalid_state')).toBe(true);
    const np = await getJson<Record<string, any>[]>(`${api}/requests/${noPermission.serviceRequestId}.json`);
    expect(np.body[0].description).toBeUndefined();
    const rs = await getJson<Record<string, any>[]>(`${api}/requests/${restricted.serviceRequestId}.json?extensions=true`);
    expect(Object.keys(rs.body[0])).not.toContain('description');
  });

  it('never lets an email, phone number, identity code, comment, draft, IP or restricted item out', async () => {
    const { items } = await staff.pullAll();
    const forbidden = new Set<string>(Object.values(SECRET));
    // And every private thing of every item in the demo data as well.
    for (const item of items) {
      if (item.contact.email) forbidden.add(item.contact.email);
      if (item.contact.phone) forbidden.add(item.contact.phone);
      for (const c of item.comments) forbidden.add(c.text);
      if (item.answer.draft?.text) forbidden.add(item.answer.draft.text);
      if (item.publication.state === 'published' && item.publication.text !== item.original.description) forbidden.add(item.original.description);
    }
    forbidden.add('192.0.2.10');
    const restrictedIds = items.filter((i) => i.restricted).map((i) => i.serviceRequestId);
    expect(restrictedIds).toContain(restricted.serviceRequestId);

    const ids = [published.serviceRequestId, restricted.serviceRequestId, noPermission.serviceRequestId];
    const text = await everyPublicResponse(ids);
    expect(text).toContain('Kuoppa on syvä. [yhteystiedot poistettu]');
    const leaks = [...forbidden].filter((s) => s.length >= 6 && text.includes(s));
    expect(leaks).toEqual([]);

    // Lists (without asking for ids) never even name a restricted item.
    const lists = [];
    for (const fmt of ['json', 'xml']) lists.push(await (await fetch(`${api}/requests.${fmt}?extensions=true&page_size=1000&start_date=2000-01-01T00:00:00Z&end_date=2100-01-01T00:00:00Z`)).text());
    for (const id of restrictedIds) for (const l of lists) expect(l).not.toContain(id);
  });
});
