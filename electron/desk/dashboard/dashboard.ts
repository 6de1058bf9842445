/**
 * The dashboard's numbers (ui.md "Pictures"): open items by department and age, the share of
 * items answered within the week (P10's target) per week, and incoming items per channel.
 * `aggregateDashboard` is pure (tested on hand-made rows); `loadDashboard` reads the desk cache.
 */
import type { CacheDb } from '../store/cache-db.js';
import { ANSWER_TARGET_DAYS } from '../../../shared/workflow/due-dates.js';
import { isOpen } from '../../../shared/workflow/status.js';
import type { Channel, Status } from '../../../shared/domain/enums.js';

export const AGE_BUCKETS = ['under_2d', 'from_2_to_7d', 'from_7_to_14d', 'over_14d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];
const AGE_LIMITS_DAYS = [2, 7, 14];

export interface DashboardRow {
  receivedMs: number;
  status: Status;
  departmentId: string | null;
  channel: Channel;
  /** When an answer was sent, if one was. */
  answeredMs: number | null;
}

export interface DashboardData {
  generatedAt: string;
  openByDepartment: Array<{ departmentId: string | null; buckets: number[]; total: number }>;
  /** Oldest week first; weekStart is the Monday (Europe/Helsinki) as YYYY-MM-DD. */
  answeredWithinWeek: Array<{ weekStart: string; onTime: number; considered: number; share: number | null }>;
  incomingByChannel: Array<{ channel: Channel; count: number }>;
  /** The window incomingByChannel counts (days back from now). */
  incomingDays: number;
}

const DAY = 86_400_000;
const TARGET_MS = ANSWER_TARGET_DAYS * DAY;
export const WEEKS = 12;
export const INCOMING_DAYS = 30;
/** Items that never need an answer from the city's side (P6 registry, P19b spam) are not counted. */
const NOT_ANSWERABLE: ReadonlySet<Status> = new Set(['redirected_to_registry', 'rejected']);

/** The last Sunday of `month` (0-based) in `year`, at 01:00 UTC: when EU summer time starts or ends. */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}
const dstCache = new Map<number, [number, number]>();
/**
 * Helsinki's UTC offset at `ms`: +2 h, +3 h in EU summer time (last Sunday of March to the last
 * Sunday of October, 01:00 UTC, the rule since 1996). Computed, because Intl per row made the
 * dashboard take seconds over 200,000 items.
 */
function helsinkiOffset(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  let span = dstCache.get(year);
  if (!span) dstCache.set(year, (span = [lastSundayAt1Utc(year, 2), lastSundayAt1Utc(year, 9)]));
  return ms >= span[0] && ms < span[1] ? 3 * 3_600_000 : 2 * 3_600_000;
}

/** Days since 1970-01-01 in Helsinki local time. */
function localDay(ms: number): number {
  return Math.floor((ms + helsinkiOffset(ms)) / DAY);
}

/** The local day number of the Monday of the week containing local day `d` (1970-01-01 was a Thursday). */
function mondayOf(d: number): number {
  return d - ((d + 3) % 7);
}

function isoDate(localDayNumber: number): string {
  return new Date(localDayNumber * DAY).toISOString().slice(0, 10);
}

export function aggregateDashboard(rows: Iterable<DashboardRow>, now: Date, channels: readonly Channel[]): DashboardData {
  const nowMs = now.getTime();
  const thisMonday = mondayOf(localDay(nowMs));
  const firstMonday = thisMonday - (WEEKS - 1) * 7;
  const weeks = Array.from({ length: WEEKS }, () => ({ onTime: 0, considered: 0 }));
  const byDept = new Map<string | null, number[]>();
  const byChannel = new Map<Channel, number>(channels.map((c) => [c, 0]));
  const incomingFrom = nowMs - INCOMING_DAYS * DAY;

  for (const r of rows) {
    if (isOpen(r.status)) {
      const ageDays = (nowMs - r.receivedMs) / DAY;
      let b = AGE_LIMITS_DAYS.findIndex((limit) => ageDays < limit);
      if (b < 0) b = AGE_LIMITS_DAYS.length;
      let buckets = byDept.get(r.departmentId);
      if (!buckets) byDept.set(r.departmentId, (buckets = AGE_BUCKETS.map(() => 0)));
      buckets[b]++;
    }
    if (r.receivedMs >= incomingFrom && r.receivedMs <= nowMs) byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + 1);

    const week = Math.floor((mondayOf(localDay(r.receivedMs)) - firstMonday) / 7);
    if (week < 0 || week >= WEEKS || NOT_ANSWERABLE.has(r.status)) continue;
    const onTime = r.answeredMs !== null && r.answeredMs - r.receivedMs <= TARGET_MS;
    // An unanswered item still inside its week may yet make it: not counted either way yet.
    if (!onTime && r.answeredMs === null && nowMs - r.receivedMs < TARGET_MS) continue;
    weeks[week].considered++;
    if (onTime) weeks[week].onTime++;
  }

  const openByDepartment = [...byDept.entries()]
    .map(([departmentId, buckets]) => ({ departmentId, buckets, total: buckets.reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || String(a.departmentId).localeCompare(String(b.departmentId)));
  return {
    generatedAt: now.toISOString(),
    openByDepartment,
    answeredWithinWeek: weeks.map((w, i) => ({
      weekStart: isoDate(firstMonday + i * 7),
      onTime: w.onTime,
      considered: w.considered,
      share: w.considered === 0 ? null : w.onTime / w.considered,
    })),
    incomingByChannel: [...byChannel.entries()].map(([channel, count]) => ({ channel, count })),
    incomingDays: INCOMING_DAYS,
  };
}

/**
 * Read the rows from the desk cache. The answer time comes from the search index's copy
 * (search_docs.answered_ms), which is filled in the background; until then an item counts as
 * unanswered.
 */
export function loadDashboard(db: CacheDb, now: Date, channels: readonly Channel[] = ['web_form', 'service_map', 'department_page', 'app', 'email', 'verbal']): DashboardData {
  // One JSON array per chunk: far cheaper than marshalling 200,000 rows column by column.
  const chunk = db.prepare(
    `SELECT max(rid), json_group_array(json_array(r, s, d, c, a)) FROM (
       SELECT i.rowid AS rid, i.received_at AS r, i.status AS s, i.department_id AS d, i.channel AS c, sd.answered_ms AS a
       FROM items i LEFT JOIN search_docs sd ON sd.item_id = i.id WHERE i.rowid > ? ORDER BY i.rowid LIMIT 50000)`,
  ).raw();
  function* rows(): Generator<DashboardRow> {
    for (let after = 0; ; ) {
      const [last, json] = chunk.get(after) as [number | null, string];
      if (last === null) return;
      for (const [r, s, d, c, a] of JSON.parse(json) as Array<[string, Status, string | null, Channel, number | null]>) {
        yield { receivedMs: Date.parse(r), status: s, departmentId: d, channel: c, answeredMs: a };
      }
      after = last;
    }
  }
  return aggregateDashboard(rows(), now, channels);
}
