import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

function throttleAt(start = 0) {
  const clock = { t: start };
  const throttle = new LoginThrottle({ perAccount: 3, perAddress: 5, windowMs: 60_000, now: () => clock.t });
  return { throttle, clock };
}

describe('LoginThrottle', () => {
  it('locks an account after its failures and opens it when the oldest failure ages out', () => {
    const { throttle, clock } = throttleAt();
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterSeconds('clerk', '10.0.0.1')).toBe(0);
      throttle.failed('clerk', '10.0.0.1');
      clock.t += 1000;
    }
    // failures at 0, 1 s, 2 s; now 3 s: the first ages out at 60 s
    expect(throttle.retryAfterSeconds('clerk', '10.0.0.2')).toBe(57);
    expect(throttle.retryAfterSeconds('CLERK ', '10.0.0.2')).toBe(57);
    clock.t = 60_000;
    expect(throttle.retryAfterSeconds('clerk', '10.0.0.2')).toBe(0);
  });

  it('leaves other accounts alone, and a right password clears only that account', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 3; i++) throttle.failed('clerk', '10.0.0.1');
    expect(throttle.retryAfterSeconds('moderator', '10.0.0.2')).toBe(0);
    throttle.failed('moderator', '10.0.0.2');
    throttle.succeeded('moderator');
    for (let i = 0; i < 2; i++) throttle.failed('moderator', '10.0.0.2');
    expect(throttle.retryAfterSeconds('moderator', '10.0.0.2')).toBe(0);
  });

  it('locks an address that guesses across many usernames', () => {
    const { throttle } = throttleAt();
    for (let i = 0; i < 5; i++) throttle.failed(`user${i}`, '10.0.0.9');
    expect(throttle.retryAfterSeconds('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('someone-else', '10.0.0.10')).toBe(0);
    // a success on one account does not unlock the address
    throttle.succeeded('user0');
    expect(throttle.retryAfterSeconds('user0', '10.0.0.9')).toBeGreaterThan(0);
  });
});
