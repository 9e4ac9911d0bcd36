/**
 * Calendar dates (YYYY-MM-DD) as whole days since 1970-01-01, and the window of dates and instants Cairn
 * accepts. Loops over days count days as numbers and stop at a constant, never by comparing date strings:
 * past the year 9999 toISOString writes '+010000-01-01', which sorts before '9999-12-31', and a loop that
 * waits for the string to pass its end never ends.
 */

/** The first date Cairn accepts (sprints, initiatives, chart ranges). */
export const EARLIEST_DATE = '1970-01-01';
/** The last date Cairn accepts: far enough for any plan, near enough that every date has four digits. */
export const LATEST_DATE = '2200-12-31';
/** The last instant Cairn accepts (timestamps such as a chart's `asOf`). */
export const LATEST_INSTANT = '2200-12-31T23:59:59.999Z';

/** The most dates `datesBetween` lists: more than any chart shows (a year and some weeks). */
export const MAX_LISTED_DAYS = 1_000;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (negative before); NaN when `date` is not a date. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The date of a day number; a year past 9999 has five digits ('10000-01-01'), not toISOString's '+010000'. */
export function dateOfDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}

/** The calendar date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Days from `from` to `to` (`to` − `from`: 0 for the same day, negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The date after `date`. */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

/** Whether `text` is a date written YYYY-MM-DD that exists (not 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * Whether two dates of a span are in order: the end not before the start. A missing date (an initiative
 * without a target) puts nothing out of order. The one rule for sprints, initiatives and chart ranges.
 */
export function datesInOrder(start: string | null | undefined, end: string | null | undefined): boolean {
  return !start || !end || start <= end;
}

/** Whether `date` (YYYY-MM-DD, a real date) lies in the window Cairn accepts. */
export function inDateWindow(date: string): boolean {
  return date >= EARLIEST_DATE && date <= LATEST_DATE;
}

/**
 * Every date from `from` to `to`, both included, but at most `max` (the first ones): the caller bounds
 * its range, and this bound holds even when it does not. Nothing when `to` is before `from`.
 */
export function datesBetween(from: string, to: string, max = MAX_LISTED_DAYS): string[] {
  const first = dayNumber(from);
  const count = Math.min(dayNumber(to) - first + 1, max, MAX_LISTED_DAYS);
  const dates: string[] = [];
  for (let i = 0; i < count; i++) dates.push(dateOfDay(first + i));
  return dates;
}
