/** Mail configuration, from the environment only (no secrets in files). */
export interface MailConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
  /** First retry delay; each further retry doubles it (with jitter), up to maxDelayMs. */
  retryBaseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  pollMs: number;
}

export class MailConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new MailConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/** null when SMTP_HOST is unset: mail then stays queued in the outbox until a server is configured. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const secure = ['1', 'true', 'yes'].includes((env.SMTP_SECURE ?? '').trim().toLowerCase());
  return {
    host,
    port: int(env, 'SMTP_PORT', secure ? 465 : 587, 1),
    secure,
    user: env.SMTP_USER?.trim() || null,
    pass: env.SMTP_PASS ?? null,
    from: env.SMTP_FROM?.trim() || 'Helsingin kaupunki <palaute-noreply@hel.fi>',
    retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 30_000, 1),
    maxDelayMs: int(env, 'MAIL_RETRY_MAX_MS', 6 * 3600_000, 1),
    maxAttempts: int(env, 'MAIL_MAX_ATTEMPTS', 10, 1),
    pollMs: int(env, 'MAIL_POLL_MS', 5_000, 10),
  };
}
