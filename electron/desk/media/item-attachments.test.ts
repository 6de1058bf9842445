/**
 * Attachments of items, seen from a desk against a real central server: photos fetched through the
 * staff API on first view, then served from the encrypted cache, also when the central is gone;
 * other files (a mail's PDF) fetched for saving.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentral, type RunningCentral } from '../../../central/server.js';
import { importMessage } from '../../../central/mail/import-mail.js';
import { storedFileName, storedPhotoName } from '../../../shared/domain/attachments.js';
import { createDesk, type Desk } from '../desk.js';
import { mimeMessage } from '../../../tests/support/mime-message.js';

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
let mailItemId: string;
let mailFiles: string[];

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

/** An email with a letter (PDF) and a file named like a photo that is none. */
const MAIL = mimeMessage({
  from: 'kirjoittaja@example.com',
  subject: 'Kirje liitteenä',
  messageId: 'kirje-1@example.com',
  text: 'Liitteenä kirjeeni.',
  files: [
    { name: 'kirje.pdf', type: 'application/pdf', data: '%PDF-1.4 kirje' },
    { name: 'kuva.png', type: 'image/png', data: 'not a png at all', raw: true },
  ],
});

beforeAll(async () => {
  central = await startCentral({ port: 0, dataDir: tmp('photo-central-'), seed: 'demo', logLevel: 'silent' });
  const srid = await postWithPhotos();
  const mail = await importMessage(central.store, Buffer.from(MAIL), { source: 'test', publicBaseUrl: central.url });
  expect(mail.status).toBe('imported');
  desk = await createDesk({ dataDir: tmp('photo-desk-'), centralUrl: central.url, log: () => {}, sync: { retry: { baseMs: 50, maxMs: 200 } } });
  await desk.signIn({ username: 'neuvonta', password: 'demo' });
  await desk.syncNow({});
  // the newest item is the one just sent
  const newest = await desk.listInbox({ sort: { by: 'receivedAt', dir: 'desc' }, page: { offset: 0, limit: 5 } });
  const row = newest.items.find((i) => i.serviceRequestId === srid);
  expect(row).toBeDefined();
  itemId = row!.id;
  const item = await desk.getItem({ id: itemId });
  photos = item!.attachments.map((a) => storedPhotoName(a.url)).filter((n): n is string => n !== null);
  expect(photos).toHaveLength(2);
  const mailRow = newest.items.find((i) => i.serviceRequestId === (mail as { serviceRequestId: string }).serviceRequestId);
  mailItemId = mailRow!.id;
  mailFiles = (await desk.getItem({ id: mailItemId }))!.attachments.map((a) => storedFileName(a.url)!);
  expect(mailFiles).toHaveLength(2);
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

  it('gives a mail\'s letter for saving under its own name, and refuses to show a fake photo as one', async () => {
    const letter = await desk.attachmentFile({ itemId: mailItemId, name: mailFiles[0] });
    expect(letter.fileName).toBe('kirje.pdf');
    expect(Buffer.from(letter.dataBase64, 'base64').toString()).toBe('%PDF-1.4 kirje');
    await expect(desk.itemPhoto({ itemId: mailItemId, name: mailFiles[1] })).rejects.toMatchObject({ code: 'not_a_photo' });
    // a file of another item is not this item's
    await expect(desk.attachmentFile({ itemId, name: mailFiles[0] })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('shows a fetched photo offline and says why one never fetched cannot be shown', async () => {
    await central!.close();
    central = null;
    const cached = await desk.itemPhoto({ itemId, name: photos[0] });
    expect(Buffer.from(cached.dataBase64, 'base64').equals(PNG)).toBe(true);
    await expect(desk.itemPhoto({ itemId, name: photos[1] })).rejects.toMatchObject({ code: 'central_unreachable' });
  });
});
