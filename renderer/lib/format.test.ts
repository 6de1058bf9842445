import { describe, expect, it } from 'vitest';
import { dueStateOf, formatCompact, formatDate, formatDateTime, formatTime, helsinkiDay, helsinkiInstant } from './format.js';

describe('Helsinki time formatting', () => {
  it('shows UTC instants in Helsinki time, crossing midnight into the next day', () => {
    // 22:30 UTC in November is 00:30 the next morning in Helsinki (UTC+2).
    expect(formatDateTime('2026-11-27T22:30:00.000Z', 'fi')).toMatch(/^28\.11\.2026\D+00\.30$/);
    expect(formatDate('2026-11-27T22:30:00.000Z', 'en')).toBe('28/11/2026');
    expect(helsinkiDay(new Date('2026-11-27T22:30:00.000Z'))).toBe('2026-11-28');
  });

  it('follows summer time (UTC+3) and the March switch', () => {
    expect(formatTime('2026-07-01T09:00:00.000Z', 'fi')).toBe('12.00');
    // Clocks go forward at 01:00 UTC on 29 March 2026: 02:30 EET, then 04:30 EEST an hour later.
    expect(formatTime('2026-03-29T00:30:00.000Z', 'en')).toBe('02:30');
    expect(formatTime('2026-03-29T01:30:00.000Z', 'en')).toBe('04:30');
  });

  it('uses the UI language', () => {
    expect(formatDateTime('2026-11-27T10:05:00.000Z', 'sv')).toMatch(/^2[78]\.11\.2026\D+12[.:]05$/);
    expect(formatDateTime('2026-11-27T10:05:00.000Z', 'en')).toMatch(/^27\/11\/2026\D+12:05$/);
  });

  it('compacts list dates: time today, day and month this year, full date before', () => {
    const now = new Date('2026-11-27T21:00:00.000Z'); // 23:00 in Helsinki
    expect(formatCompact('2026-11-27T06:15:00.000Z', 'fi', now)).toBe('08.15');
    // Still 27 Nov in UTC but already 28 Nov in Helsinki: not "today" any more.
    expect(formatCompact('2026-11-27T22:15:00.000Z', 'fi', now)).toBe('28.11.');
    expect(formatCompact('2025-12-31T12:00:00.000Z', 'fi', now)).toBe('31.12.2025');
  });
});

describe('due state', () => {
  const now = new Date('2026-11-27T12:00:00.000Z');
  it('marks open items past their due time overdue and within two days due soon', () => {
    expect(dueStateOf('2026-11-27T11:59:00.000Z', 'in_triage', now)).toBe('overdue');
    expect(dueStateOf('2026-11-28T12:00:00.000Z', 'received', now)).toBe('due_soon');
    expect(dueStateOf('2026-12-03T12:00:00.000Z', 'forwarded', now)).toBe('on_time');
  });
  it('never marks answered or closed items overdue', () => {
    expect(dueStateOf('2026-11-01T00:00:00.000Z', 'answered', now)).toBe('done');
    expect(dueStateOf('2026-11-01T00:00:00.000Z', 'closed', now)).toBe('done');
  });
});

describe('helsinkiInstant', () => {
  it('reads a Helsinki calendar day in winter and in summer time', () => {
    expect(helsinkiInstant('2026-12-05')).toBe('2026-12-05T21:59:00.000Z');
    expect(helsinkiInstant('2026-07-01', 16, 0)).toBe('2026-07-01T13:00:00.000Z');
  });
});
