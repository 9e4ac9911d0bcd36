/**
 * The reports screen's choices, kept in the URL like the backlog filters (reload, back and forward keep
 * them): `?team=<id>|none&count=6&from=YYYY-MM-DD&to=YYYY-MM-DD&tz=Europe/Berlin`. Absent or unreadable
 * values fall back to the defaults: the first team, 6 sprints, the last 30 days, the browser's time zone.
 */

import {
  addDays,
  datesInOrder,
  daysBetween,
  EARLIEST_DATE,
  inDateWindow,
  isCalendarDate,
  LATEST_DATE,
} from '../../../domain/calendar.ts';
import { MAX_FLOW_DAYS } from '../../../domain/cumulative-flow.ts';

export const SPRINT_COUNTS = [3, 6, 10, 20] as const;
export const DEFAULT_COUNT = 6;
/** The default date range: this many days up to today. */
export const DEFAULT_DAYS = 30;

export interface ReportsQuery {
  /** A team id, `none` for the sprints without a team, or null: not chosen (the screen picks the first). */
  team: string | null;
  count: number;
  from: string;
  to: string;
  timezone: string;
}

/** A date the server accepts: written YYYY-MM-DD, real, within the date window. */
function isDate(text: string | null): text is string {
  return text !== null && isCalendarDate(text) && inDateWindow(text);
}

export function isTimeZone(zone: string | null): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Today's date in a time zone. */
export function todayIn(timezone: string, now: number = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .format(now)
    .slice(0, 10);
}

/** The browser's time zone (UTC when it does not say). */
export function browserTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return isTimeZone(zone) ? zone : 'UTC';
}

export function readReportsQuery(
  params: URLSearchParams,
  defaults: { timezone: string; today: string },
): ReportsQuery {
  const count = Number(params.get('count'));
  const tz = params.get('tz');
  const from = params.get('from');
  const to = params.get('to');
  // Each end is read on its own (one may be chosen, the other left at its default); a reversed range is not
  // a range, and falls back to the default one.
  const defaultRange = { from: addDays(defaults.today, -(DEFAULT_DAYS - 1)), to: defaults.today };
  const chosen = { from: isDate(from) ? from : defaultRange.from, to: isDate(to) ? to : defaultRange.to };
  const range = datesInOrder(chosen.from, chosen.to) ? chosen : defaultRange;
  return {
    team: params.get('team') || null,
    count: (SPRINT_COUNTS as readonly number[]).includes(count) ? count : DEFAULT_COUNT,
    ...range,
    timezone: isTimeZone(tz) ? tz : defaults.timezone,
  };
}

const PARAM_OF: Record<keyof ReportsQuery, string> = {
  team: 'team',
  count: 'count',
  from: 'from',
  to: 'to',
  timezone: 'tz',
};

/** The URL parameters with `changes` applied; other parameters are kept. */
export function writeReportsQuery(params: URLSearchParams, changes: Partial<ReportsQuery>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [field, value] of Object.entries(changes) as [keyof ReportsQuery, unknown][]) {
    const name = PARAM_OF[field];
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
  }
  return next;
}

/** The problem with a date range, named by its field, or null. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isDate(from)) return `From: must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;
  if (!isDate(to)) return `To: must be a date from ${EARLIEST_DATE} to ${LATEST_DATE}`;
  if (!datesInOrder(from, to)) return 'To: must not be before From';
  if (daysBetween(from, to) + 1 > MAX_FLOW_DAYS) return `To: the range can be at most ${MAX_FLOW_DAYS} days`;
  return null;
}
