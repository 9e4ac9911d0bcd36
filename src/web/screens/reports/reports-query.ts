/**
 * The reports screen's choices, kept in the URL like the backlog filters (reload, back and forward keep
 * them): `?team=<id>|none&count=6&from=YYYY-MM-DD&to=YYYY-MM-DD&tz=Europe/Berlin`. Absent or unreadable
 * values fall back to the defaults: the first team, 6 sprints, the last 30 days, the browser's time zone.
 */

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

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(text: string | null): text is string {
  if (!text || !DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
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

/** The date `days` after (or before, if negative) `date`. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
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
  const range = chosen.from <= chosen.to ? chosen : defaultRange;
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
  if (!isDate(from)) return 'From: must be a date';
  if (!isDate(to)) return 'To: must be a date';
  if (to < from) return 'To: must not be before From';
  if (Date.parse(to) - Date.parse(from) > 365 * 86_400_000) return 'To: the range can be at most 366 days';
  return null;
}
