/**
 * Email intake (P2): messages sent to the feedback mailbox, as .eml files, a folder of them, or an
 * mbox, become items with channel email, which are never publishable (P19a). Plain text is
 * preferred; an HTML-only message is reduced to its text (mailparser drops scripts and markup).
 * Attachments are kept under dataDir/media. Importing the same message again adds nothing: it is
 * recognised by its Message-ID (or, lacking one, by a hash of its bytes). Each new item gets its
 * status token and, unless the message is itself automatic, the acknowledgement mail (P4).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { FeedbackItem, Language } from '../../shared/domain/index.js';
import { dueAtFor } from '../../shared/workflow/index.js';
import type { CentralStore } from '../store/central-store.js';
import { newServiceRequestId } from '../open311/create-request.js';
import { writeMediaFiles } from '../http/media-files.js';
import { queueArrivalNotice } from './outbox.js';

export interface ImportOutcome {
  source: string;
  status: 'imported' | 'duplicate' | 'failed';
  messageId: string | null;
  serviceRequestId?: string;
  acknowledgementQueued?: boolean;
  error?: string;
}

const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

/** Split an mbox into raw messages (mboxrd: ">From " lines are unescaped by one level). */
export function splitMbox(data: Buffer): Buffer[] {
  const text = data.toString('latin1');
  const starts: number[] = [];
  const re = /^From [^\r\n]*\r?\n/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index);
  return starts.map((start, i) => {
    const chunk = text.slice(start, starts[i + 1] ?? text.length);
    const body = chunk.slice(chunk.indexOf('\n') + 1).replace(/^>(>*From )/gm, '$1');
    return Buffer.from(body, 'latin1');
  });
}

function isMbox(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === 'From ';
}

/** The raw messages a path holds: an .eml file, an mbox file, or a folder of .eml files. */
export function readMessages(path: string): { source: string; raw: Buffer }[] {
  const st = statSync(path);
  if (st.isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.eml$/i.test(f))
      .sort()
      .flatMap((f) => readMessages(join(path, f)));
  }
  if (st.size > MAX_MESSAGE_BYTES * 20) throw new Error(`${path} is too large to import at once`);
  const data = readFileSync(path);
  if (isMbox(data)) return splitMbox(data).map((raw, i) => ({ source: `${path}#${i + 1}`, raw }));
  return [{ source: path, raw: data }];
}

const SV = /\b(och|är|inte|jag|det|som|för|hej|tack|vänliga|hälsningar)\b/gi;
const EN = /\b(the|and|is|not|this|that|please|thank|thanks|hello|regards)\b/gi;
const FI = /\b(ja|on|ei|että|kiitos|hei|terveisin|tämä|se|olisi)\b/gi;

/** A rough guess of the message language; staff can change it in triage. */
export function guessLanguage(text: string): Language {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  const scores: [Language, number][] = [
    ['fi', count(FI)],
    ['sv', count(SV)],
    ['en', count(EN)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  return scores[0][1] > 0 ? scores[0][0] : 'fi';
}

function isAutomatic(mail: ParsedMail, from: string | null): boolean {
  const auto = String(mail.headers.get('auto-submitted') ?? 'no').toLowerCase();
  const precedence = String(mail.headers.get('precedence') ?? '').toLowerCase();
  return auto !== 'no' || ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence) || /^(mailer-daemon|postmaster|no-?reply)@/i.test(from ?? '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Readable text of an HTML-only message: scripts and styles dropped, block ends as line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6])\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}

function safeExtension(filename: string | undefined): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename ?? '');
  return m ? m[1].toLowerCase() : 'bin';
}

export async function importMessage(store: CentralStore, raw: Buffer, opts: { source: string; publicBaseUrl: string }): Promise<ImportOutcome> {
  if (raw.length > MAX_MESSAGE_BYTES) return { source: opts.source, status: 'failed', messageId: null, error: 'message is larger than 30 MB' };
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true });
  } catch (err) {
    return { source: opts.source, status: 'failed', messageId: null, error: `not a readable email: ${String(err)}` };
  }
  const messageId = mail.messageId?.trim() || `sha256:${createHash('sha256').update(raw).digest('hex')}`;
  const existing = store.db.prepare('SELECT item_id FROM imported_mail WHERE message_id = ?').get(messageId) as { item_id: string } | undefined;
  if (existing) return { source: opts.source, status: 'duplicate', messageId };

  const sender = mail.from?.value?.[0];
  const fromAddress = sender?.address?.trim() || null;
  const fromName = sender?.name?.trim() || null;
  // Plain text preferred; an HTML-only message is reduced to its text.
  const plain = mail.text?.trim() ? mail.text : typeof mail.html === 'string' ? htmlToText(mail.html) : '';
  const description = plain.replace(/\r\n?/g, '\n').trim();
  const title = mail.subject?.trim().slice(0, 200) || null;
  const receivedAt = (mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : new Date(store.nowIso())).toISOString();
  const now = store.nowIso();
  const id = store.newId();

  const media = writeMediaFiles(
    store,
    mail.attachments
      .filter((a) => a.content && a.content.length > 0)
      .map((a) => ({ data: a.content, contentType: a.contentType || 'application/octet-stream', extension: safeExtension(a.filename), originalName: a.filename?.slice(0, 200) ?? null })),
  );
  try {
    const item: FeedbackItem = {
      id,
      serviceRequestId: newServiceRequestId(),
      version: 1,
      channel: 'email',
      kind: 'question',
      language: guessLanguage(`${title ?? ''}\n${description}`),
      receivedAt,
      updatedAt: now,
      original: { title, description },
      author: { displayName: fromName, anonymous: fromName === null },
      contact: { email: fromAddress, phone: null },
      // Email is never published (P19a), whatever the message says.
      publicationPermission: false,
      location: null,
      attachments: media.attachments,
      serviceCode: null,
      departmentId: null,
      assigneeId: null,
      restricted: null,
      status: 'received',
      detailedStatus: null,
      dueAt: dueAtFor(receivedAt),
      comments: [],
      answer: { draft: null, sent: null, approvedBy: null },
      publication: { state: 'withheld', title: null, text: null, answer: null, publishedAt: null },
      history: [{ id: store.newId(), at: now, actorId: null, actorName: 'Sähköposti', type: 'received', details: { channel: 'email', messageId }, clientId: null }],
    };
    return store.transaction(() => {
      const stored = store.putItem(item);
      store.db.prepare('INSERT INTO imported_mail (message_id, item_id, imported_at) VALUES (?, ?, ?)').run(messageId, id, now);
      media.record(id, now);
      // Never acknowledge an automatic message (bounce, vacation reply): that is how mail loops start.
      const { acknowledgementQueued } = queueArrivalNotice(store.db, stored, { publicBaseUrl: opts.publicBaseUrl, now, acknowledge: !isAutomatic(mail, fromAddress) });
      return { source: opts.source, status: 'imported' as const, messageId, serviceRequestId: stored.serviceRequestId, acknowledgementQueued };
    });
  } catch (err) {
    media.discard();
    return { source: opts.source, status: 'failed', messageId, error: err instanceof Error ? err.message : String(err) };
  }
}

export async function importMailPath(store: CentralStore, path: string, opts: { publicBaseUrl: string }): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const { source, raw } of readMessages(path)) out.push(await importMessage(store, raw, { source, publicBaseUrl: opts.publicBaseUrl }));
  return out;
}
