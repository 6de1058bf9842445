/**
 * Abuse of POST requests: rate limits per client address and per api_key, body and field size
 * limits, broken UTF-8, scripts and control characters. Each answers with the spec's error array,
 * stores nothing, and the server keeps serving.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCentralProcess, type CentralProcess } from './support/central-process.js';
import { parseXml, postForm, Staff, validRequest } from './support/client.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2b2a3c50000000049454e44ae426082', 'hex');

async function expectErrorArray(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as { code: number; description: string }[];
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) expect(e).toEqual({ code: status, description: expect.any(String) });
  return body.map((e) => e.description).join('\n');
}

describe('bad input', () => {
  let central: CentralProcess;
  let api: string;
  let staff: Staff;
  let itemsBefore = 0;
  let mediaBefore: string[] = [];
  const mediaFiles = () => {
    const media = join(central.dataDir, 'media');
    return existsSync(media) ? readdirSync(media).sort() : [];
  };

  beforeAll(async () => {
    central = await startCentralProcess();
    api = `${central.url}/open311/v1`;
    staff = new Staff(central.url);
    await staff.login();
    itemsBefore = (await staff.pullAll()).items.length;
    // (the demo seed's own photos are there from the start)
    mediaBefore = mediaFiles();
  });
  afterAll(async () => {
    await central?.stop();
  });

  const raw = (body: string | Buffer, type = 'application/x-www-form-urlencoded') => fetch(`${api}/requests.json`, { method: 'POST', headers: { 'content-type': type }, body });
  const formOf = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const multipart = (fields: Record<string, string>, files: { name: string; data: Buffer; type: string }[] = []) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('media[]', new Blob([f.data], { type: f.type }), f.name);
    return fetch(`${api}/requests.json`, { method: 'POST', body: form });
  };

  it('refuses an oversized body with 413', async () => {
    await expectErrorArray(await raw(formOf(validRequest({ description: 'x'.repeat(70_000) }))), 413);
  });

  it('refuses oversized fields with 400', async () => {
    expect(await expectErrorArray(await raw(formOf(validRequest({ title: 'o'.repeat(201) }))), 400)).toMatch(/title/);
    expect(await expectErrorArray(await raw(formOf(validRequest({ first_name: 'n'.repeat(101) }))), 400)).toMatch(/first_name/);
    expect(await expectErrorArray(await multipart(validRequest({ description: 'd'.repeat(40_000) })), 400)).toMatch(/description/);
  });

  it('refuses bytes that are not UTF-8, raw or percent-encoded, with 400', async () => {
    const body = Buffer.concat([Buffer.from(formOf(validRequest())), Buffer.from('&title=Rikki '), Buffer.from([0xff, 0xfe]), Buffer.from('x')]);
    expect(await expectErrorArray(await raw(body), 400)).toMatch(/UTF-8/);
    expect(await expectErrorArray(await raw(`${formOf(validRequest())}&title=%C3%28`), 400)).toMatch(/UTF-8/);
    // In multipart a broken byte sequence arrives as U+FFFD: refused the same way.
    const boundary = 'xYzBoundary';
    const parts = Object.entries(validRequest({ title: '' })).filter(([, v]) => v !== '');
    const mp = Buffer.concat([
      ...parts.map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nRikki `),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    expect(await expectErrorArray(await raw(mp, `multipart/form-data; boundary=${boundary}`), 400)).toMatch(/UTF-8/);
  });

  it('refuses scripts, markup and control characters with 400', async () => {
    expect(await expectErrorArray(await raw(formOf(validRequest({ description: 'Kuoppa tiellä <script>alert(document.cookie)</script>' }))), 400)).toMatch(/HTML/);
    await expectErrorArray(await raw(formOf(validRequest({ description: 'Kuoppa tiellä <img src=x onerror=alert(1)>' }))), 400);
    await expectErrorArray(await raw(formOf(validRequest({ address_string: 'Mannerheimintie\u0000 1' }))), 400);
    // In XML the same refusal is the spec's <errors> document.
    const xml = await fetch(`${api}/requests.xml`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: formOf(validRequest({ title: '<script>x</script>' })) });
    expect(xml.status).toBe(400);
    expect(parseXml(await xml.text()).errors.error[0].code).toBe('400');
  });

  it('refuses media that is not an image, too large, or too many, with an error array', async () => {
    expect(await expectErrorArray(await multipart(validRequest(), [{ name: 'x.png', data: Buffer.from('<html><script>alert(1)</script></html>'), type: 'image/png' }]), 400)).toMatch(/image/);
    await expectErrorArray(await multipart(validRequest(), [{ name: 'big.png', data: Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), type: 'image/png' }]), 413);
    await expectErrorArray(await multipart(validRequest(), Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.png`, data: PNG, type: 'image/png' }))), 413);
  });

  it('refuses a malformed multipart body with 400, not a server error', async () => {
    await expectErrorArray(await raw('xx', 'multipart/form-data'), 400);
    const cut = '--zz\r\nContent-Disposition: form-data; name="api_key"\r\n\r\ndemo-api-key\r\n--zz\r\nContent-Disposition: form-data; name="description"\r\n\r\nabc';
    await expectErrorArray(await raw(cut, 'multipart/form-data; boundary=zz'), 400);
  });

  it('refuses other content types with 400', async () => {
    await expectErrorArray(await raw(JSON.stringify(validRequest()), 'application/json'), 400);
    await expectErrorArray(await raw('', 'text/plain'), 400);
  });

  it('stored nothing, wrote no file, and keeps serving', async () => {
    expect((await staff.pullAll()).items.length).toBe(itemsBefore);
    expect(mediaFiles()).toEqual(mediaBefore);
    expect((await fetch(`${api}/services.json`)).status).toBe(200);
    const ok = await postForm(`${api}/requests.json`, validRequest());
    expect(ok.status).toBe(200);
  });
});

describe('rate limits', () => {
  let central: CentralProcess;
  let api: string;

  beforeAll(async () => {
    central = await startCentralProcess({ OPEN311_POST_LIMIT_PER_KEY: '3', OPEN311_POST_LIMIT_PER_IP: '6', OPEN311_RATE_WINDOW_MS: '60000' });
    api = `${central.url}/open311/v1`;
  });
  afterAll(async () => {
    await central?.stop();
  });

  it('limits POSTs per api_key and per client address with 429 and an error array, and keeps serving reads', async () => {
    for (let i = 0; i < 3; i++) expect((await postForm(`${api}/requests.json`, validRequest())).status).toBe(200);
    const keyLimited = await postForm(`${api}/requests.json`, validRequest());
    expect(await expectErrorArray(keyLimited, 429)).toMatch(/api_key/);
    expect(Number(keyLimited.headers.get('retry-after'))).toBeGreaterThan(0);

    // Another key is not limited by the first one's budget, only by the address: 403 for a bad key...
    await expectErrorArray(await postForm(`${api}/requests.json`, validRequest({ api_key: 'someone-else' })), 403);
    // ...until this address has used its own budget.
    await expectErrorArray(await postForm(`${api}/requests.json`, validRequest({ api_key: 'someone-else' })), 403);
    const ipLimited = await postForm(`${api}/requests.xml`, validRequest({ api_key: 'someone-else' }));
    expect(ipLimited.status).toBe(429);
    expect(parseXml(await ipLimited.text()).errors.error[0].code).toBe('429');

    expect((await fetch(`${api}/services.json`)).status).toBe(200);
    expect((await fetch(`${api}/requests.json`)).status).toBe(200);
  });
});
