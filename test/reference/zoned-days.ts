/**
 * Local calendar days in an IANA time zone, written plainly for the reference test: a day is read with
 * Intl, and a local midnight is found by bisection (local dates never go backwards as time goes on).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, found);
  }
  return found;
}

const dates = new Map<string, string>();

/** The local date (YYYY-MM-DD) of an instant in a time zone (remembered: the replay asks again and again). */
export function localDate(ms: number, timeZone: string): string {
  const key = `${timeZone} ${ms}`;
  let date = dates.get(key);
  if (date === undefined) {
    const parts = formatter(timeZone).formatToParts(new Date(ms));
    const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
    date = `${get('year')}-${get('month')}-${get('day')}`;
    dates.set(key, date);
  }
  return date;
}

/** The first instant (ms) of a local date: its midnight. */
export function localMidnight(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00.000Z`);
  const hour = 3_600_000;
  // Every zone's offset lies within ±15 h, so the local midnight lies in this window.
  let low = utcMidnight - 15 * hour; // local date before `date`
  let high = utcMidnight + 15 * hour; // local date on or after `date`
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (localDate(middle, timeZone) >= date) high = middle;
    else low = middle;
  }
  return high;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

export const iso = (ms: number) => new Date(ms).toISOString();
