/**
 * Citizen notices through a real SMTP server on loopback: the acknowledgement with its status link
 * in the item's language, retries when the mail server refuses for a while, the status page the
 * link leads to, and email intake with `central:import-mail` run as its own process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, startCentralProcess, type CentralProcess } from './support/central-process.js';
import { parseXml, postForm, Staff, validRequest } from './support/client.js';
import { startSmtp, type TestSmtp } from './support/smtp.js';

let central: CentralProcess;
let smtp: TestSmtp;
let api: string;
let staff: Staff;

beforeAll(async () => {
  smtp = await startSmtp();
  central = await startCentralProcess({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_FROM: 'Helsingin kaupunki <palaute-noreply@example.invalid>',
    MAIL_RETRY_BASE_MS: '150',
    MAIL_POLL_MS: '100',
  });
  api = `${central.url}/open311/v1`;
  staff = new Staff(central.url);
  await staff.login();
});
afterAll(async () => {
  await central?.stop();
  await smtp?.close();
});

const post = async (fields: Record<string, string>) => {
  const res = await postForm(`${api}/requests.json`, validRequest(fields));
  expect(res.status).toBe(200);
  return ((await res.json()) as { service_request_id: string }[])[0].service_request_id;
};
const toAddress = (m: { to?: unknown }) => JSON.stringify(m.to ?? '');
const statusLink = (text: string) => /(http:\/\/\S+\/status\/[A-Za-z0-9_-]{32})/.exec(text)?.[1];

describe('acknowledgement mail (P4)', () => {
  it('is sent on arrival, in the item language, with a unique status link', async () => {
    const sv = await post({ email: 'ebba@example.com', locale: 'sv' });
    const en = await post({ email: 'emma@example.com', locale: 'en_GB' });
    const fi = await post({ email: 'eino@example.com' });
    const mSv = await smtp.waitFor((m) => toAddress(m).includes('ebba@example.com'));
    const mEn = await smtp.waitFor((m) => toAddress(m).includes('emma@example.com'));
    const mFi = await smtp.waitFor((m) => toAddress(m).includes('eino@example.com'));
    expect(mSv.subject).toBe(`Din respons har tagits emot (${sv})`);
    expect(mEn.subject).toBe(`Your feedback has been received (${en})`);
    expect(mFi.subject).toBe(`Palautteesi on vastaanotettu (${fi})`);
    expect(mSv.from?.text).toContain('palaute-noreply@example.invalid');
    const links = [mSv, mEn, mFi].map((m) => statusLink(m.text ?? ''));
    for (const l of links) expect(l).toMatch(new RegExp(`^${central.url}/status/`));
    expect(new Set(links).size).toBe(3);
  });

  it('never takes its link from a forged Host header', async () => {
    const body = new URLSearchParams(validRequest({ email: 'host@example.com' })).toString();
    const url = new URL(`${api}/requests.json`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(200);
    const mail = await smtp.waitFor((m) => toAddress(m).includes('host@example.com'));
    expect(mail.text).not.toContain('evil.example');
    expect(statusLink(mail.text ?? '')).toMatch(new RegExp(`^${central.url}/status/`));
  });

  it('is not sent without an email address', async () => {
    const before = smtp.messages.length;
    await post({});
    await post({ email: 'toinen@example.com' });
    await smtp.waitFor((m) => toAddress(m).includes('toinen@example.com'));
    expect(smtp.messages.length).toBe(before + 1);
  });

  it('is retried with backoff while the mail server refuses, and then delivered once', async () => {
    smtp.failNext(2);
    const refusedBefore = smtp.refused();
    const srid = await post({ email: 'sitkea@example.com' });
    const m = await smtp.waitFor((x) => toAddress(x).includes('sitkea@example.com'), 20_000);
    expect(m.subject).toContain(srid);
    expect(smtp.refused() - refusedBefore).toBe(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.messages.filter((x) => toAddress(x).includes('sitkea@example.com'))).toHaveLength(1);
  });
});

describe('status page /status/{token}', () => {
  it('shows the processing state in the item language, no personal data, under a strict CSP', async () => {
    const srid = await post({ email: 'tila@example.com', locale: 'sv', first_name: 'Sigrid', phone: '+358 40 111 2222', title: 'Hemligt namn' });
    const mail = await smtp.waitFor((m) => toAddress(m).includes('tila@example.com'));
    const link = statusLink(mail.text ?? '')!;
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(srid);
    expect(html).toContain('Mottagen');
    expect(html).not.toMatch(/<script/i);
    for (const secret of ['tila@example.com', 'Sigrid', '+358 40 111 2222', 'Hemligt', 'Syvä kuoppa']) expect(html).not.toContain(secret);

    // The same token answers tokens/{token} with the request id.
    const token = link.split('/').pop()!;
    const tok = (await (await fetch(`${api}/tokens/${token}.json`)).json()) as Record<string, string>[];
    expect(tok).toEqual([{ service_request_id: srid, token }]);
    const tokXml = parseXml(await (await fetch(`${api}/tokens/${token}.xml`)).text());
    expect(tokXml.service_requests.request[0]).toEqual({ service_request_id: srid, token });
  });

  it('follows the item as staff work on it', async () => {
    const srid = await post({ email: 'seuraa@example.com' });
    const link = statusLink((await smtp.waitFor((m) => toAddress(m).includes('seuraa@example.com'))).text ?? '')!;
    const item = await staff.item(srid);
    await staff.push('forwardToDepartment', { itemId: item.id, departmentId: 'kymp', note: 'katujen kunto' });
    const html = await (await fetch(link)).text();
    expect(html).toContain('Välitetty vastattavaksi');
  });

  it('answers an unknown or malformed token with a plain 404 page', async () => {
    for (const t of ['x'.repeat(32), 'nope', '%3Cscript%3E']) {
      const res = await fetch(`${central.url}/status/${t}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('<script>');
    }
  });
});

describe('email intake: npm run central:import-mail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'open311-mail-'));
  const eml = (name: string, headers: string[], body: string) => {
    const path = join(dir, name);
    writeFileSync(path, `${headers.join('\r\n')}\r\n\r\n${body}`);
    return path;
  };
  const importMail = (...paths: string[]) => runScript(['central/mail/import-cli.ts', ...paths, '--data', central.dataDir], { PUBLIC_BASE_URL: central.url });

  it('creates email items that are never publishable, acknowledges them, and imports each message once', async () => {
    const plain = eml(
      'plain.eml',
      ['From: "Liisa Lähettäjä" <liisa@example.com>', 'To: palaute@example.invalid', 'Subject: Roskat puistossa', 'Message-ID: <plain-1@example.com>', 'Date: Thu, 26 Nov 2026 10:00:00 +0200', 'MIME-Version: 1.0', 'Content-Type: multipart/alternative; boundary="b1"'],
      ['--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Puistossa on paljon roskia. Soittakaa 040 555 6666.', '--b1', 'Content-Type: text/html; charset=utf-8', '', '<p>HTML-VERSIO</p>', '--b1--', ''].join('\r\n'),
    );
    const html = eml(
      'html.eml',
      ['From: hanna@example.com', 'Subject: HTML-viesti', 'Message-ID: <html-1@example.com>', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b2"'],
      [
        '--b2',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Katuvalo <b>ei pala</b>.</p><script>alert(1)</script>',
        '--b2',
        'Content-Type: image/png; name="valo.png"',
        'Content-Disposition: attachment; filename="valo.png"',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        '--b2',
        'Content-Type: application/pdf; name="kirje.pdf"',
        'Content-Disposition: attachment; filename="kirje.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('%PDF-1.4 kirje kaupungille').toString('base64'),
        '--b2--',
        '',
      ].join('\r\n'),
    );
    const auto = eml('auto.eml', ['From: mailer-daemon@example.com', 'Subject: Undelivered', 'Auto-Submitted: auto-replied', 'Message-ID: <auto-1@example.com>'], 'Delivery failed for a message.');

    const run = await importMail(plain, html, auto);
    expect(run.code).toBe(0);
    const outcomes = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'imported', 'imported']);
    expect(outcomes.map((o) => o.acknowledgementQueued)).toEqual([true, true, false]);

    const { items } = await staff.pullAll();
    const byId = (i: number) => items.find((x) => x.serviceRequestId === outcomes[i].serviceRequestId);
    const p = byId(0);
    expect(p).toMatchObject({ channel: 'email', publicationPermission: false, contact: { email: 'liisa@example.com' }, author: { displayName: 'Liisa Lähettäjä' }, original: { title: 'Roskat puistossa' } });
    expect(p.original.description).toBe('Puistossa on paljon roskia. Soittakaa 040 555 6666.');
    const h = byId(1);
    expect(h.original.description).toContain('Katuvalo ei pala');
    expect(h.original.description).not.toMatch(/<|alert/);
    expect(h.attachments.map((a: { name: string }) => a.name)).toEqual(['valo.png', 'kirje.pdf']);
    // Staff open both through the staff API: the photo as a photo, the letter only as a download.
    const photo = await staff.get(h.attachments[0].url);
    expect(photo.headers.get('content-type')).toBe('image/png');
    const letter = await staff.get(h.attachments[1].url);
    expect(letter.status).toBe(200);
    expect(letter.headers.get('content-type')).toBe('application/octet-stream');
    expect(letter.headers.get('content-disposition')).toBe('attachment');
    expect(await letter.text()).toBe('%PDF-1.4 kirje kaupungille');
    // ...and nobody outside gets either, even by name.
    expect((await fetch(`${api}${h.attachments[1].url}`)).status).toBe(404);

    // The running server's worker delivers the acknowledgement the importer queued.
    const ack = await smtp.waitFor((m) => toAddress(m).includes('liisa@example.com'));
    expect(statusLink(ack.text ?? '')).toMatch(new RegExp(`^${central.url}/status/`));
    await smtp.waitFor((m) => toAddress(m).includes('hanna@example.com'));
    expect(smtp.messages.some((m) => toAddress(m).includes('mailer-daemon'))).toBe(false);

    // Idempotent: the same messages again, also inside an mbox, add nothing.
    const mbox = join(dir, 'box.mbox');
    writeFileSync(
      mbox,
      `From liisa@example.com Thu Nov 26 10:00:00 2026\n${'From: liisa@example.com\nSubject: Roskat puistossa\nMessage-ID: <plain-1@example.com>\n\nPuistossa on paljon roskia.\n'}\nFrom uusi@example.com Thu Nov 26 11:00:00 2026\nFrom: uusi@example.com\nSubject: Uusi viesti\nMessage-ID: <mbox-2@example.com>\n\n>From the start: penkki on rikki.\n`,
    );
    const again = await importMail(plain, mbox);
    expect(again.code).toBe(0);
    expect(again.stdout.trim().split('\n').map((l) => JSON.parse(l).status)).toEqual(['duplicate', 'duplicate', 'imported']);
    const after = await staff.pullAll();
    expect(after.items.length).toBe(items.length + 1);
    expect(after.items.find((i) => i.contact.email === 'uusi@example.com').original.description).toBe('From the start: penkki on rikki.');

    // Email is never published (P19a), whatever a moderator tries.
    await staff.push('publish', { itemId: p.id, title: 'Roskat', text: 'Puistossa on roskia.', answer: null });
    const { results } = await staff.pullAll();
    expect(results.find((r) => r.name === 'publish')?.error.message).toMatch(/P19a/);
    const one = (await (await fetch(`${api}/requests/${p.serviceRequestId}.json`)).json()) as Record<string, unknown>[];
    expect(one[0].description).toBeUndefined();
  });

  it('refuses bad arguments clearly', async () => {
    const none = await runScript(['central/mail/import-cli.ts', '--data', central.dataDir]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('usage');
    const missing = await runScript(['central/mail/import-cli.ts', join(dir, 'no-such.eml'), '--data', central.dataDir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
  });
});
