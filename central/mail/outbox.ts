/**
 * The mail outbox. A notice is a row written in the same SQLite transaction as the item change
 * that causes it, so an item is never stored without its notice nor a notice sent for an item
 * that was rolled back. The worker (worker.ts) delivers rows later.
 */
import type { Database } from 'better-sqlite3';
import type { FeedbackItem, InterimAnswer } from '../../shared/domain/index.js';
import { emailRefusal } from '../../shared/workflow/answering.js';
import { citizenMessages } from './citizen-messages.js';
import { issueStatusToken } from './status-tokens.js';

export type MailKind = 'acknowledgement' | 'answer' | 'interim_answer' | 'registry_redirect';

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
export function enqueueAnswerMail(db: Database, item: FeedbackItem, opts: { now: string; statusLink?: string | null }): boolean {
  const sent = item.answer.sent;
  if (!sent) throw new AnswerMailRefused('not_sent');
  if (sent.channel !== 'email') throw new AnswerMailRefused('not_by_email');
  const refusal = emailRefusal(item);
  if (refusal) throw new AnswerMailRefused(refusal === 'restricted_sensitive' ? 'restricted' : 'no_email');
  const to = item.contact.email!;
  const m = citizenMessages[item.language];
  return insert(db, {
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
 * Queue an interim answer (P10) sent by email. Like the final answer, never for a restricted item
 * or one without an address (P3, P7); returns false then.
 */
export function enqueueInterimMail(db: Database, item: FeedbackItem, interim: InterimAnswer, opts: { now: string; statusLink?: string | null }): boolean {
  if (interim.channel !== 'email' || emailRefusal(item)) return false;
  const m = citizenMessages[item.language];
  return insert(db, {
    itemId: item.id,
    kind: 'interim_answer',
    to: item.contact.email!,
    language: item.language,
    subject: `${m.interimSubject} (${item.serviceRequestId})`,
    body: `${m.interimBody({ id: item.serviceRequestId, answer: interim.text, link: opts.statusLink ?? null })}\n\n-- \n${m.signature}\n`,
    dedupeKey: `interim:${item.id}:${interim.id}`,
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
 * answer or interim answer that has just been sent by email is mailed with a status link of its
 * own. Call inside the transaction of the change; returns how many mails were queued. A restricted
 * item is never answered by email (P7).
 */
export function queueNoticesForChange(db: Database, before: FeedbackItem | null, after: FeedbackItem, opts: { publicBaseUrl: string; now: string }): number {
  let queued = 0;
  if (!before && after.channel !== 'email') {
    if (queueArrivalNotice(db, after, opts).acknowledgementQueued) queued++;
  }
  // Only hashes of status tokens are kept, so each mail that links the status page gets a new one.
  const newStatusLink = () => statusUrl(opts.publicBaseUrl, issueStatusToken(db, after.id, opts.now));
  const sent = after.answer.sent;
  const newlySent = sent && (!before?.answer.sent || before.answer.sent.sentAt !== sent.sentAt);
  if (newlySent && sent.channel === 'email' && !emailRefusal(after) && enqueueAnswerMail(db, after, { now: opts.now, statusLink: newStatusLink() })) queued++;
  const known = new Set((before?.answer.interim ?? []).map((i) => i.id));
  for (const interim of after.answer.interim ?? []) {
    if (known.has(interim.id) || interim.channel !== 'email' || emailRefusal(after)) continue;
    if (enqueueInterimMail(db, after, interim, { now: opts.now, statusLink: newStatusLink() })) queued++;
  }
  const redirect = after.registryRedirect;
  if (redirect && before?.registryRedirect?.at !== redirect.at && enqueueRegistryRedirectMail(db, after, { now: opts.now })) queued++;
  return queued;
}
