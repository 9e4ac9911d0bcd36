/**
 * Calendar days in a time zone, from the platform's Intl data: which local date an instant falls on, and
 * the instant a local date begins. Sprint days and chart days end at local midnight.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

function parts(ms: number, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return out;
}

/** The local date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(instant: string | number, timeZone: string): string {
  const ms = typeof instant === 'number' ? instant : Date.parse(instant);
  const p = parts(ms, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Milliseconds to add to UTC to get local wall time at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const p = parts(ms, timeZone);
  const wall = Date.UTC(
    p.year ?? 0,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant (epoch ms) of local date `date` in `timeZone`. Where midnight does not exist (a
 * daylight-saving gap at midnight), the day begins at the first instant that has that date.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  // The guess is midnight, or in a gap; walk forward to the first instant on the date.
  if (localDate(guess, timeZone) < date) {
    let low = guess;
    let high = guess + 3 * 3_600_000;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      if (localDate(mid, timeZone) < date) low = mid;
      else high = mid;
    }
    return high;
  }
  return guess;
}

// Day arithmetic lives in calendar.ts (bounded by day counts); these two are kept here for their callers.
export { datesBetween, nextDate } from './calendar.ts';
