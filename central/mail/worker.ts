/**
 * Delivers the outbox over SMTP (nodemailer). A temporary failure (connection refused, 4xx) is
 * retried with exponential backoff and jitter; a permanent one (5xx) or too many attempts marks
 * the row failed with its error, which stays visible in the table. Rows survive restarts.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Database } from 'better-sqlite3';
import type { MailConfig } from './config.js';
import type { OutboxRow } from './outbox.js';

export interface MailWorkerOptions {
  db: Database;
  config: MailConfig;
  now?: () => Date;
  log?: (msg: string, fields?: Record<string, unknown>) => void;
}

export class MailWorker {
  private readonly transporter: Transporter;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private readonly now: () => Date;

  constructor(private readonly opts: MailWorkerOptions) {
    const c = opts.config;
    this.now = opts.now ?? (() => new Date());
    this.transporter = nodemailer.createTransport({
      host: c.host,
      port: c.port,
      secure: c.secure,
      auth: c.user ? { user: c.user, pass: c.pass ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  /** Run a delivery round now (after new mail was queued); rounds never overlap. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.deliverDue()
      .then(() => undefined)
      .catch((err) => this.opts.log?.('mail round failed', { error: String(err) }))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.opts.config.pollMs);
          this.timer.unref();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.transporter.close();
  }

  /** Send every row that is due; returns how many were sent. */
  async deliverDue(limit = 50): Promise<number> {
    const { db, config } = this.opts;
    const due = db
      .prepare("SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")
      .all(this.now().toISOString(), limit) as OutboxRow[];
    let sent = 0;
    for (const row of due) {
      if (this.stopped && sent > 0) break;
      try {
        const info = await this.transporter.sendMail({
          from: config.from,
          to: row.to_address,
          subject: row.subject,
          text: row.body,
          headers: { 'Auto-Submitted': 'auto-generated', 'X-Feedback-Mail-Kind': row.kind },
        });
        db.prepare("UPDATE outbox SET state = 'sent', attempts = attempts + 1, sent_at = ?, smtp_message_id = ?, last_error = NULL WHERE id = ?").run(
          this.now().toISOString(),
          String(info.messageId ?? ''),
          row.id,
        );
        sent++;
      } catch (err) {
        this.recordFailure(row, err);
      }
    }
    return sent;
  }

  private recordFailure(row: OutboxRow, err: unknown): void {
    const { db, config } = this.opts;
    const e = err as { responseCode?: number; message?: string; code?: string };
    const attempts = row.attempts + 1;
    const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
    const message = `${e.code ?? ''} ${e.responseCode ?? ''} ${e.message ?? String(err)}`.trim().slice(0, 1000);
    if (permanent || attempts >= config.maxAttempts) {
      db.prepare("UPDATE outbox SET state = 'failed', attempts = ?, last_error = ? WHERE id = ?").run(attempts, message, row.id);
      this.opts.log?.('mail failed for good', { id: row.id, attempts, error: message });
      return;
    }
    const delay = Math.min(config.maxDelayMs, config.retryBaseMs * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4);
    const next = new Date(this.now().getTime() + delay).toISOString();
    db.prepare('UPDATE outbox SET attempts = ?, last_error = ?, next_attempt_at = ? WHERE id = ?').run(attempts, message, next, row.id);
    this.opts.log?.('mail delivery will be retried', { id: row.id, attempts, next, error: message });
  }
}
