import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { CentralStore } from '../store/central-store.js';
import { tempDataDir, testItem } from '../testing.js';
import { renderStatusPage } from '../status/status-page.js';
import { AnswerMailRefused, enqueueAcknowledgement, enqueueAnswerMail, outboxRows, queueNoticesForChange } from './outbox.js';
import { itemIdForStatusToken, issueStatusToken } from './status-tokens.js';
import { MailWorker } from './worker.js';
import type { MailConfig } from './config.js';

const noContext = { service: null, departments: new Map(), staffDepartments: new Map() };

let dir: string;
let store: CentralStore;
let smtp: SMTPServer;
let port = 0;
const received: ParsedMail[] = [];
let rejectWith: number | null = null;

beforeAll(async () => {
  dir = tempDataDir('mail');
  store = new CentralStore(dir);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _s, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejectWith) return cb(Object.assign(new Error('refused'), { responseCode: rejectWith }));
        simpleParser(Buffer.concat(chunks)).then((m) => (received.push(m), cb()), cb);
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  store.close();
  await new Promise<void>((r) => smtp.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const config = (): MailConfig => ({ host: '127.0.0.1', port, secure: false, user: null, pass: null, from: 'Palaute <palaute@example.invalid>', retryBaseMs: 10, maxDelayMs: 50, maxAttempts: 3, pollMs: 1000 });
const NOW = '2026-11-27T10:00:00.000Z';

describe('answer mail', () => {
  it('is queued in the transaction that sends the answer, in the item language, once per sent answer', async () => {
    const item = store.putItem(
      testItem(101, {
        language: 'sv',
        contact: { email: 'svar@example.com', phone: null },
        answer: { draft: null, approvedBy: null, sent: { text: 'Gropen lagas <i>i morgon</i>.', sentAt: NOW, sentBy: 'Kalle', channel: 'email' } },
      }),
    );
    store.transaction(() => enqueueAnswerMail(store.db, item, { now: NOW }));
    store.transaction(() => enqueueAnswerMail(store.db, item, { now: NOW }));
    expect(outboxRows(store.db, item.id)).toHaveLength(1);

    const worker = new MailWorker({ db: store.db, config: config() });
    expect(await worker.deliverDue()).toBe(1);
    await worker.stop();
    const mail = received.find((m) => JSON.stringify(m.to).includes('svar@example.com'))!;
    expect(mail.subject).toBe(`Svar på din respons (${item.serviceRequestId})`);
    expect(mail.text).toContain('Gropen lagas <i>i morgon</i>.');
    expect(outboxRows(store.db, item.id)[0]).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('is refused for restricted items (P7), answers not sent by email, and items without an address', () => {
    const sent = { text: 'Vastaus', sentAt: NOW, sentBy: 'Kalle', channel: 'email' as const };
    const restricted = testItem(102, { restricted: { reason: 'terveystieto', by: 'st-clerk', at: NOW }, answer: { draft: null, approvedBy: null, sent } });
    expect(() => enqueueAnswerMail(store.db, restricted, { now: NOW })).toThrow(AnswerMailRefused);
    const byPhone = testItem(103, { answer: { draft: null, approvedBy: null, sent: { ...sent, channel: 'phone' } } });
    expect(() => enqueueAnswerMail(store.db, byPhone, { now: NOW })).toThrow(/not_by_email/);
    const noAddress = testItem(104, { contact: { email: null, phone: null }, answer: { draft: null, approvedBy: null, sent } });
    expect(() => enqueueAnswerMail(store.db, noAddress, { now: NOW })).toThrow(/no_email/);
  });
});

describe('delivery failures', () => {
  it('marks a permanently refused mail failed with its reason and leaves it visible', async () => {
    const item = store.putItem(testItem(105, { contact: { email: 'hylatty@example.com', phone: null } }));
    const token = store.transaction(() => issueStatusToken(store.db, item.id, NOW));
    expect(itemIdForStatusToken(store.db, token)).toBe(item.id);
    store.transaction(() => enqueueAcknowledgement(store.db, item, { statusToken: token, publicBaseUrl: 'https://palaute.example', now: NOW }));
    rejectWith = 550;
    const worker = new MailWorker({ db: store.db, config: config() });
    await worker.deliverDue();
    await worker.stop();
    rejectWith = null;
    const row = outboxRows(store.db, item.id)[0];
    expect(row.state).toBe('failed');
    expect(row.last_error).toContain('550');
    expect(row.body).toContain(`https://palaute.example/status/${token}`);
  });

  it('gives up after the configured attempts when the server cannot be reached', async () => {
    const item = store.putItem(testItem(106, { contact: { email: 'ei-yhteytta@example.com', phone: null } }));
    store.transaction(() => enqueueAcknowledgement(store.db, item, { statusToken: 't'.repeat(32), publicBaseUrl: 'https://palaute.example', now: NOW }));
    // Port 1 on loopback: connection refused, a temporary failure.
    const worker = new MailWorker({ db: store.db, config: { ...config(), port: 1 } });
    for (let i = 0; i < 3; i++) {
      await worker.deliverDue();
      const row = outboxRows(store.db, item.id)[0];
      if (i < 2) {
        expect(row).toMatchObject({ state: 'pending', attempts: i + 1 });
        expect(Date.parse(row.next_attempt_at)).toBeGreaterThan(Date.now() - 1000);
        store.db.prepare('UPDATE outbox SET next_attempt_at = ? WHERE id = ?').run(new Date(0).toISOString(), row.id);
      }
    }
    await worker.stop();
    expect(outboxRows(store.db, item.id)[0]).toMatchObject({ state: 'failed', attempts: 3 });
  });
});

describe('status page', () => {
  it('escapes the answer and shows it in the item language', () => {
    const item = testItem(107, {
      language: 'en',
      status: 'answered',
      answer: { draft: null, approvedBy: null, sent: { text: 'Fixed <script>alert(1)</script> & done', sentAt: NOW, sentBy: 'Kalle', channel: 'email' } },
    });
    const html = renderStatusPage(item, noContext);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Answered');
    expect(html).toContain('Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; done');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain(item.contact.email!);
    expect(html).not.toContain(item.original.description);
  });

  it('does not show an answer given by phone or to a restricted item (P7)', () => {
    const sent = { text: 'PUHELUN-SISÄLTÖ', sentAt: NOW, sentBy: 'Kalle', channel: 'phone' as const };
    const byPhone = renderStatusPage(testItem(108, { status: 'answered', answer: { draft: null, approvedBy: null, sent } }), noContext);
    expect(byPhone).not.toContain('PUHELUN-SISÄLTÖ');
    expect(byPhone).toContain('muuta kautta');
    const restricted = testItem(109, {
      status: 'answered',
      restricted: { reason: 'terveystieto', by: 'st-clerk', at: NOW },
      answer: { draft: null, approvedBy: null, sent: { ...sent, channel: 'email' } },
    });
    expect(renderStatusPage(restricted, noContext)).not.toContain('PUHELUN-SISÄLTÖ');
  });
});

describe('queueNoticesForChange', () => {
  it('acknowledges a new walk-in item with an address and mails a newly sent answer once', () => {
    const walkIn = store.putItem(testItem(120, { channel: 'verbal', contact: { email: 'tiskilla@example.com', phone: null } }));
    expect(store.transaction(() => queueNoticesForChange(store.db, null, walkIn, { publicBaseUrl: 'https://palaute.example', now: NOW }))).toBe(1);
    const answered = { ...walkIn, answer: { draft: null, approvedBy: null, sent: { text: 'Vastaus', sentAt: NOW, sentBy: 'Kalle', channel: 'email' as const } } };
    expect(store.transaction(() => queueNoticesForChange(store.db, walkIn, answered, { publicBaseUrl: 'https://palaute.example', now: NOW }))).toBe(1);
    expect(store.transaction(() => queueNoticesForChange(store.db, answered, answered, { publicBaseUrl: 'https://palaute.example', now: NOW }))).toBe(0);
    expect(outboxRows(store.db, walkIn.id).map((r) => r.kind)).toEqual(['acknowledgement', 'answer']);
    const restricted = { ...answered, id: 'item-121', restricted: { reason: 'terveystieto', by: 'st-clerk', at: NOW } };
    expect(queueNoticesForChange(store.db, { ...restricted, answer: walkIn.answer }, restricted, { publicBaseUrl: 'https://palaute.example', now: NOW })).toBe(0);
  });
});
