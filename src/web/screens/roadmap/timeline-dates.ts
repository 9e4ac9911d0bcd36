/**
 * Calendar arithmetic for the timeline. Dates are calendar days ("2026-03-01"), handled as whole days since
 * 1970-01-01 in UTC so that time zones and daylight saving never shift a bar by a day.
 */

import { EARLIEST_DATE, LATEST_DATE } from '../../../domain/calendar.ts';

/** Days since 1970-01-01. */
export type Day = number;
export type Scale = 'month' | 'quarter';

const MS_PER_DAY = 86_400_000;

export function toDay(date: string): Day {
  const [year = 1970, month = 1, day = 1] = date.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Today as the user's calendar has it (their time zone), as a Day. */
export function today(now: Date = new Date()): Day {
  return Math.round(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / MS_PER_DAY);
}

function parts(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), date: d.getUTCDate() };
}

function dayOf(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month, date) / MS_PER_DAY);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** The same day n months later (or earlier), kept inside the month: 31 Jan + 1 month = 28 Feb. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, date } = parts(day);
  const target = new Date(Date.UTC(year, month + months, 1));
  const y = target.getUTCFullYear();
  const m = target.getUTCMonth();
  return dayOf(y, m, Math.min(date, daysInMonth(y, m)));
}

/** The first day of the month or quarter holding `day`. */
export function unitStart(day: Day, scale: Scale): Day {
  const { year, month } = parts(day);
  return dayOf(year, scale === 'month' ? month : month - (month % 3), 1);
}

export function nextUnit(day: Day, scale: Scale): Day {
  return addMonths(unitStart(day, scale), scale === 'month' ? 1 : 3);
}

/** The first and last day of the month holding `day`. */
export function monthOf(day: Day): { start: Day; end: Day } {
  const start = unitStart(day, 'month');
  return { start, end: addMonths(start, 1) - 1 };
}

export interface Tick {
  day: Day;
  label: string;
  /** The first tick of a year: drawn stronger. */
  yearStart: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The most ticks drawn: every month of the 231 years in the date window, and some to spare. */
export const MAX_TICKS = 3_000;

/** One tick per month or quarter from `from` (a unit start) up to `to`, at most MAX_TICKS. */
export function ticks(from: Day, to: Day, scale: Scale): Tick[] {
  const result: Tick[] = [];
  for (let day = unitStart(from, scale); day < to && result.length < MAX_TICKS; day = nextUnit(day, scale)) {
    const { year, month } = parts(day);
    // Every tick names its year: the chart opens scrolled to today, so the first tick drawn is rarely the
    // one in view, and "Nov" alone leaves the reader guessing which November.
    const label = scale === 'quarter' ? `Q${Math.floor(month / 3) + 1} ${year}` : `${MONTHS[month]} ${year}`;
    result.push({ day, label, yearStart: month === 0 });
  }
  return result;
}

/** Pixels per day: a month is about 120 px wide, a quarter about 135 px. */
export const PX_PER_DAY: Record<Scale, number> = { month: 4, quarter: 1.5 };

/**
 * The span the timeline draws: every dated initiative and today, with a margin on both sides, from the
 * start of a unit to the start of a later one.
 */
export function visibleRange(spans: Iterable<{ start: Day; end: Day }>, now: Day, scale: Scale) {
  let from = addMonths(now, -3);
  let to = addMonths(now, 9);
  for (const span of spans) {
    from = Math.min(from, addMonths(span.start, -1));
    to = Math.max(to, addMonths(span.end, 2));
  }
  // Within the date window the server accepts (and a little around it): an initiative stored with a date
  // in 9999 would otherwise stretch the chart over thousands of years.
  from = Math.max(from, addMonths(toDay(EARLIEST_DATE), -1));
  to = Math.min(to, addMonths(toDay(LATEST_DATE), 2));
  return { from: unitStart(from, scale), to: nextUnit(to, scale) };
}
