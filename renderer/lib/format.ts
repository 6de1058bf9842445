import { isOpen, dueState, type DueState } from '../../shared/workflow/index.js';
import type { Status } from '../../shared/domain/enums.js';
import type { UiLanguage } from '../../shared/i18n/index.js';

/** Every time on screen is Helsinki time, whatever the workstation's own zone. */
export const DISPLAY_TIME_ZONE = 'Europe/Helsinki';

const LOCALE_TAG: Record<UiLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: UiLanguage, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_TAG[lang], { timeZone: DISPLAY_TIME_ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

const DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** Date and time, e.g. fi "28.11.2026 klo 00.30". */
export function formatDateTime(iso: string, lang: UiLanguage): string {
  return formatter(lang, { ...DATE, ...TIME }).format(new Date(iso));
}

export function formatDate(iso: string, lang: UiLanguage): string {
  return formatter(lang, DATE).format(new Date(iso));
}

export function formatTime(iso: string, lang: UiLanguage): string {
  return formatter(lang, TIME).format(new Date(iso));
}

/** The calendar day in Helsinki as YYYY-MM-DD, for "same day" comparisons. */
export function helsinkiDay(date: Date): string {
  const parts = Object.fromEntries(
    formatter('en', { year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Compact form for list rows: only the time when it is today in Helsinki, the day and month in
 * the current year, the full date otherwise.
 */
export function formatCompact(iso: string, lang: UiLanguage, now: Date = new Date()): string {
  const date = new Date(iso);
  const day = helsinkiDay(date);
  const today = helsinkiDay(now);
  if (day === today) return formatTime(iso, lang);
  if (day.slice(0, 4) === today.slice(0, 4)) return formatter(lang, { day: 'numeric', month: 'numeric' }).format(date);
  return formatDate(iso, lang);
}

/** How the due date of an item in `status` is shown at `now` (rules in shared/workflow). */
export function dueStateOf(dueAt: string, status: Status, now: Date = new Date()): DueState {
  return dueState(dueAt, isOpen(status), now);
}

/**
 * The instant of a wall-clock time on a Helsinki calendar day (YYYY-MM-DD), whatever the
 * workstation's zone: a due date picked as "5.12." means the end of that day in Helsinki.
 */
export function helsinkiInstant(day: string, hour = 23, minute = 59): string {
  const [y, m, d] = day.split('-').map(Number);
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  // Helsinki is UTC+2 or +3: start from +2 and correct by what that instant reads in Helsinki.
  let guess = wanted - 2 * 3_600_000;
  for (let i = 0; i < 2; i++) {
    const p = Object.fromEntries(formatter('en', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess)).map((x) => [x.type, x.value]));
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
    guess += wanted - shown;
  }
  return new Date(guess).toISOString();
}
