/**
 * The mail outbox. A notice is a row written in the same SQLite transaction as the item change
 * that causes it, so an item is never stored without its notice nor a notice sent for an item
 * that was rolled back. The worker (worker.ts) delivers rows later.
 */
import type { Database } from 'better-sqlite3';
import type { FeedbackItem } from '../../shared/domain/index.js';
import { citizenMessages } from './citizen-messages.js';
import { issueStatusToken } from './status-tokens.js';

export type MailKind = 'acknowledgement' | 'answer' | 'registry_redirect';

export interface OutboxRow {
  id: number;
  item_id: string;
  kind: MailKind;
  to_address: string;
  language: string;
  subject: string;
  body: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface MailHooks {
  /** Called after a commit that queued mail, so the worker sends at once instead of at its next poll. */
  onQueued?: () => void;
}

export function statusUrl(publicBaseUrl: string, token: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/status/${token}`;
}

function insert(db: Database, row: { itemId: string; kind: MailKind; to: string; language: string; subject: string; body: string; dedupeKey: string; now: string }): boolean {
  const info = db
    .prepare(
      `INSERT INTO outbox (item_id, kind, to_address, language, subject, body, dedupe_key, state, attempts, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) ON CONFLICT(dedupe_key) DO NOTHING`,
    )
    .run(row.itemId, row.kind, row.to, row.language, row.subject, row.body, row.dedupeKey, row.now, row.now);
  return info.changes === 1;
}

/**
 * Queue the arrival notice with the status link (P4). Call inside the transaction that stores the
 * item. Returns false when the item has no email address (nothing to send) or it was queued before.
 */
export function enqueueAcknowledgement(db: Database, item: FeedbackItem, opts: { statusToken: string; publicBaseUrl: string; now: string }): boolean {
  const to = item.contact.email;
  if (!to) return false;
  const m = citizenMessages[item.language];
  const link = statusUrl(opts.publicBaseUrl, opts.statusToken);
  return insert(db, {
    itemId: item.id,
    kind: 'acknowledgement',
    to,
    language: item.language,
    subject: `${m.ackSubject} (${item.serviceRequestId})`,
    body: `${m.ackBody({ id: item.serviceRequestId, link })}\n\n-- \n${m.signature}\n`,
    dedupeKey: `ack:${item.id}`,
    now: opts.now,
  });
}

export class AnswerMailRefused extends Error {
  constructor(readonly reason: 'no_email' | 'not_sent' | 'not_by_email' | 'restricted') {
    super(`answer mail not queued: ${reason}`);
    this.name = 'AnswerMailRefused';
  }
}

/**
 * Queue the answer mail for an item whose answer has just been sent by email (P3). The answering
 * code calls this inside the transaction that records the sent answer. A restricted item is never
 * answered by email (P7): that refusal is thrown, not swallowed, so the caller can tell staff.
 */
export function enqueueAnswerMail(db: Database, item: FeedbackItem, opts: { now: string; statusLink?: string | null }): void {
  const sent = item.answer.sent;
  if (!sent) throw new AnswerMailRefused('not_sent');
  if (sent.channel !== 'email') throw new AnswerMailRefused('not_by_email');
  if (item.restricted) throw new AnswerMailRefused('restricted');
  const to = item.contact.email;
  if (!to) throw new AnswerMailRefused('no_email');
  const m = citizenMessages[item.language];
  insert(db, {
    itemId: item.id,
    kind: 'answer',
    to,
    language: item.language,
    subject: `${m.answerSubject} (${item.serviceRequestId})`,
    body: `${m.answerBody({ id: item.serviceRequestId, answer: sent.text, link: opts.statusLink ?? null })}\n\n-- \n${m.signature}\n`,
    dedupeKey: `answer:${item.id}:${sent.sentAt}`,
    now: opts.now,
  });
}

/**
 * Queue the templated reply of a redirect to the registry office (P6), in the item's language.
 * Not for restricted items: a sensitive matter is never answered by email (P7).
 */
export function enqueueRegistryRedirectMail(db: Database, item: FeedbackItem, opts: { now: string }): boolean {
  const redirect = item.registryRedirect;
  const to = item.contact.email;
  if (!redirect || !to || item.restricted) return false;
  const m = citizenMessages[redirect.language];
  return insert(db, {
    itemId: item.id,
    kind: 'registry_redirect',
    to,
    language: redirect.language,
    subject: `${m.redirectSubject} (${item.serviceRequestId})`,
    body: `${redirect.reply}\n\n-- \n${m.signature}\n`,
    dedupeKey: `redirect:${item.id}:${redirect.at}`,
    now: opts.now,
  });
}

export function outboxRows(db: Database, itemId?: string): OutboxRow[] {
  return (itemId
    ? db.prepare('SELECT * FROM outbox WHERE item_id = ? ORDER BY id').all(itemId)
    : db.prepare('SELECT * FROM outbox ORDER BY id').all()) as OutboxRow[];
}

/**
 * Everything an item's arrival owes the sender (P4): its status token and, when it has an email
 * address, the acknowledgement carrying the status link. Call inside the transaction that creates
 * the item (POST requests, email import, a walk-in item created on the central server).
 */
export function queueArrivalNotice(db: Database, item: FeedbackItem, opts: { publicBaseUrl: string; now: string; acknowledge?: boolean }): { statusToken: string; acknowledgementQueued: boolean } {
  const statusToken = issueStatusToken(db, item.id, opts.now);
  const acknowledgementQueued = opts.acknowledge === false ? false : enqueueAcknowledgement(db, item, { statusToken, publicBaseUrl: opts.publicBaseUrl, now: opts.now });
  return { statusToken, acknowledgementQueued };
}

/**
 * The notices a stored change owes the sender, for code that applies staff mutations on the
 * central server (push): a new item with an email address (a walk-in) is acknowledged, and an
 * answer that has just been sent by email is mailed. Call inside the transaction of the change;
 * returns how many mails were queued. A restricted item's answer is not mailed (P7).
 */
export function queueNoticesForChange(db: Database, before: FeedbackItem | null, after: FeedbackItem, opts: { publicBaseUrl: string; now: string }): number {
  let queued = 0;
  if (!before && after.channel !== 'email') {
    if (queueArrivalNotice(db, after, opts).acknowledgementQueued) queued++;
  }
  const sent = after.answer.sent;
  const newlySent = sent && (!before?.answer.sent || before.answer.sent.sentAt !== sent.sentAt);
  if (newlySent && sent.channel === 'email' && after.contact.email && !after.restricted) {
    const count = (db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE item_id = ?').get(after.id) as { n: number }).n;
    enqueueAnswerMail(db, after, { now: opts.now });
    if ((db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE item_id = ?').get(after.id) as { n: number }).n > count) queued++;
  }
  const redirect = after.registryRedirect;
  if (redirect && before?.registryRedirect?.at !== redirect.at && enqueueRegistryRedirectMail(db, after, { now: opts.now })) queued++;
  return queued;
}
