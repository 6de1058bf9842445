/**
 * Photos of items, seen from a desk: fetched from a real central server through the staff API on
 * first view, then served from the encrypted cache, also when the central is gone.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../central/server.js';
import { storedMediaName } from '../../../shared/domain/attachments.js';
import { createDesk, type Desk } from '../desk.js';

const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b2a3c50000000049454e44ae426082', 'hex'),
  Buffer.from('kuoppa-marker'),
]);
const dirs: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};
let central: RunningCentral | null;
let desk: Desk;
let itemId: string;
let photos: string[];

/** A citizen's feedback with two photos, through the public Open311 API. */
async function postWithPhotos(): Promise<string> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ api_key: 'demo-api-key', service_code: '171', description: 'Kuoppa pyörätiellä, kuvat liitteenä.', lat: '60.1952', long: '24.9588' })) form.append(k, v);
  form.append('media[]', new Blob([PNG], { type: 'image/png' }), 'kuoppa.png');
  form.append('media[]', new Blob([PNG], { type: 'image/png' }), 'kuoppa-2.png');
  const res = await fetch(`${central!.url}/open311/v1/requests.json`, { method: 'POST', body: form });
  expect(res.status).toBe(200);
  return ((await res.json()) as { service_request_id: string }[])[0].service_request_id;
}

beforeAll(async () => {
  central = await startCentral({ port: 0, dataDir: tmp('photo-central-'), seed: 'demo', logLevel: 'silent' });
  const srid = await postWithPhotos();
  desk = await createDesk({ dataDir: tmp('photo-desk-'), centralUrl: central.url, log: () => {}, sync: { retry: { baseMs: 50, maxMs: 200 } } });
  await desk.signIn({ username: 'neuvonta', password: 'demo' });
  await desk.syncNow({});
  // the newest item is the one just sent
  const newest = await desk.listInbox({ sort: { by: 'receivedAt', dir: 'desc' }, page: { offset: 0, limit: 5 } });
  const row = newest.items.find((i) => i.serviceRequestId === srid);
  expect(row).toBeDefined();
  itemId = row!.id;
  const item = await desk.getItem({ id: itemId });
  photos = item!.attachments.map((a) => storedMediaName(a.url)).filter((n): n is string => n !== null);
  expect(photos).toHaveLength(2);
}, 120_000);

afterAll(async () => {
  await desk?.close();
  await central?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('item photos on the desk', () => {
  it('fetches a photo on first view and keeps it encrypted in the cache', async () => {
    const photo = await desk.itemPhoto({ itemId, name: photos[0] });
    expect(photo.contentType).toBe('image/png');
    expect(Buffer.from(photo.dataBase64, 'base64').equals(PNG)).toBe(true);
    const deskDir = dirs[1];
    for (const f of readdirSync(deskDir)) expect(readFileSync(join(deskDir, f)).includes('kuoppa-marker')).toBe(false);
  });

  it('refuses a photo the item does not list, and a name that is no stored photo', async () => {
    await expect(desk.itemPhoto({ itemId, name: `${'0'.repeat(32)}.png` })).rejects.toMatchObject({ code: 'not_found' });
    await expect(desk.itemPhoto({ itemId: 'no-such-item', name: photos[0] })).rejects.toMatchObject({ code: 'not_found' });
    await expect(desk.itemPhoto({ itemId, name: '../desk-cache.sqlite' })).rejects.toMatchObject({ code: 'invalid_args' });
  });

  it('shows a fetched photo offline and says why one never fetched cannot be shown', async () => {
    await central!.close();
    central = null;
    const cached = await desk.itemPhoto({ itemId, name: photos[0] });
    expect(Buffer.from(cached.dataBase64, 'base64').equals(PNG)).toBe(true);
    await expect(desk.itemPhoto({ itemId, name: photos[1] })).rejects.toMatchObject({ code: 'central_unreachable' });
  });
});
