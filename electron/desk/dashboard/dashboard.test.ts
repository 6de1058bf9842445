import { describe, expect, it } from 'vitest';
import { aggregateDashboard, WEEKS, type DashboardRow } from './dashboard.js';

const now = new Date('2026-11-27T12:00:00.000Z'); // a Friday
const DAY = 86_400_000;
const ago = (days: number) => now.getTime() - days * DAY;
const row = (over: Partial<DashboardRow>): DashboardRow => ({ receivedMs: ago(1), status: 'received', departmentId: 'kymp', channel: 'web_form', answeredMs: null, ...over });

describe('dashboard aggregation', () => {
  it('counts open items by department and age bucket, ignoring closed ones', () => {
    const d = aggregateDashboard(
      [
        row({ receivedMs: ago(1) }),
        row({ receivedMs: ago(3), status: 'forwarded' }),
        row({ receivedMs: ago(10), status: 'in_progress' }),
        row({ receivedMs: ago(40), status: 'in_triage' }),
        row({ receivedMs: ago(3), status: 'closed' }),
        row({ receivedMs: ago(1), departmentId: null }),
      ],
      now,
      ['web_form'],
    );
    expect(d.openByDepartment).toEqual([
      { departmentId: 'kymp', buckets: [1, 1, 1, 1], total: 4 },
      { departmentId: null, buckets: [1, 0, 0, 0], total: 1 },
    ]);
  });

  it('gives the share answered within seven days per week, leaving out items that may still make it', () => {
    const d = aggregateDashboard(
      [
        // three weeks ago: two answered on time, one late, one never answered, one spam (not counted)
        row({ receivedMs: ago(21), answeredMs: ago(20), status: 'answered' }),
        row({ receivedMs: ago(21), answeredMs: ago(16), status: 'answered' }),
        row({ receivedMs: ago(21), answeredMs: ago(10), status: 'answered' }),
        row({ receivedMs: ago(21), status: 'in_progress' }),
        row({ receivedMs: ago(21), status: 'rejected' }),
        // this week: one answered on time, one open and still inside its week
        row({ receivedMs: ago(0.5), answeredMs: ago(0.2), status: 'answered' }),
        row({ receivedMs: ago(0.5) }),
      ],
      now,
      ['web_form'],
    );
    expect(d.answeredWithinWeek).toHaveLength(WEEKS);
    const last = d.answeredWithinWeek.at(-1)!;
    expect(last).toMatchObject({ weekStart: '2026-11-23', onTime: 1, considered: 1, share: 1 });
    const threeBack = d.answeredWithinWeek.at(-4)!;
    expect(threeBack).toMatchObject({ weekStart: '2026-11-02', onTime: 2, considered: 4, share: 0.5 });
    expect(d.answeredWithinWeek.at(-2)!.share).toBeNull();
  });

  it('counts incoming items per channel over the last 30 days, every channel listed', () => {
    const d = aggregateDashboard(
      [row({ channel: 'email' }), row({ channel: 'email', receivedMs: ago(29) }), row({ channel: 'verbal' }), row({ channel: 'email', receivedMs: ago(31) })],
      now,
      ['web_form', 'email', 'verbal'],
    );
    expect(d.incomingByChannel).toEqual([
      { channel: 'web_form', count: 0 },
      { channel: 'email', count: 2 },
      { channel: 'verbal', count: 1 },
    ]);
  });

  it('weeks start on Monday in Helsinki time, also just after midnight local time', () => {
    // 2026-11-22T22:30Z is Monday 00:30 in Helsinki (UTC+2): the new week.
    const d = aggregateDashboard([row({ receivedMs: Date.parse('2026-11-22T22:30:00Z'), answeredMs: Date.parse('2026-11-23T08:00:00Z'), status: 'answered' })], now, []);
    expect(d.answeredWithinWeek.at(-1)).toMatchObject({ weekStart: '2026-11-23', considered: 1 });
  });
});

describe('Helsinki summer time in week boundaries', () => {
  it('a Monday 00:30 local in summer (UTC+3) starts the new week', () => {
    const july = new Date('2026-07-24T12:00:00.000Z');
    // 2026-07-19T21:30Z is Monday 2026-07-20 00:30 in Helsinki (UTC+3), but still Sunday at UTC+2.
    const d = aggregateDashboard([row({ receivedMs: Date.parse('2026-07-19T21:30:00Z'), answeredMs: Date.parse('2026-07-20T08:00:00Z'), status: 'answered' })], july, []);
    expect(d.answeredWithinWeek.at(-1)).toMatchObject({ weekStart: '2026-07-20', considered: 1 });
  });
});
