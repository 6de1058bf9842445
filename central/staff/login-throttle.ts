/**
 * Slows password guessing at the staff sign-in: after too many failed attempts on one account, or
 * from one address, sign-in is refused (even with the right password) until the oldest failure in
 * the window has aged out. Failures are kept in memory: a restart forgives them, which is no help
 * to a guesser who is limited to a few attempts per window anyway.
 */
export interface LoginThrottleOptions {
  /** Failed attempts on one username within the window before it is locked. */
  perAccount?: number;
  /** Failed attempts from one address (any usernames) within the window before it is locked. */
  perAddress?: number;
  windowMs?: number;
  now?: () => number;
}

export const LOGIN_THROTTLE_DEFAULTS = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000 } as const;
/** Keys remembered at most; a spray of usernames cannot grow memory without bound. */
const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly perAccount: number;
  private readonly perAddress: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(opts: LoginThrottleOptions = {}) {
    this.perAccount = opts.perAccount ?? LOGIN_THROTTLE_DEFAULTS.perAccount;
    this.perAddress = opts.perAddress ?? LOGIN_THROTTLE_DEFAULTS.perAddress;
    this.windowMs = opts.windowMs ?? LOGIN_THROTTLE_DEFAULTS.windowMs;
    this.now = opts.now ?? Date.now;
  }

  /** Seconds until a sign-in may be tried again for this username from this address; 0 if it may now. */
  retryAfterSeconds(username: string, address: string): number {
    const wait = Math.max(this.lockedFor(accountKey(username), this.perAccount), this.lockedFor(addressKey(address), this.perAddress));
    return Math.ceil(wait / 1000);
  }

  failed(username: string, address: string): void {
    this.record(accountKey(username));
    this.record(addressKey(address));
  }

  /** The right password clears the account's failures (not the address's: one good account must not unlock guessing at others). */
  succeeded(username: string): void {
    this.failures.delete(accountKey(username));
  }

  private recent(key: string): number[] {
    const list = this.failures.get(key);
    if (!list) return [];
    const since = this.now() - this.windowMs;
    while (list.length && list[0] <= since) list.shift();
    if (list.length === 0) this.failures.delete(key);
    return list;
  }

  private lockedFor(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) return 0;
    // Locked until enough failures age out to leave fewer than `limit` in the window.
    return list[list.length - limit] + this.windowMs - this.now();
  }

  private record(key: string): void {
    const list = this.recent(key);
    if (list.length === 0) {
      if (this.failures.size >= MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
      this.failures.set(key, list);
    }
    list.push(this.now());
  }
}

const accountKey = (username: string) => `account:${username.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
