/**
 * How the app writes dates, one way everywhere: "14 May 2025" for a calendar day, "14 May 2025, 10:32" for an
 * instant, "3 min ago" where recency matters; inside a chart, the same day without its year ("Tue 14 May",
 * "14 May" on an axis). Fixed to en-GB so a date reads the same on every screen and
 * for every reader; the time zone is the reader's for instants, none for calendar days.
 */

// Formatters are built once: building one per call costs more than the formatting.
const DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const WEEKDAY_DAY = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'short' });
const INSTANT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const INSTANT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2025-05-14" → "14 May 2025". A calendar day has no time zone: it is read as UTC. Anything else as given. */
export function formatDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const at = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(at) ? date : DAY.format(at);
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** "Tue 14 May": a day inside a chart, whose year the chart's range gives. */
export function formatDayInChart(date: string): string {
  return WEEKDAY_DAY.format(utcDay(date));
}

/** "14 May": a chart's axis ticks, where the weekday and the year would crowd them. */
export function formatDayTick(date: string): string {
  return DAY_MONTH.format(utcDay(date));
}

/** "Tue". */
export function formatWeekday(date: string): string {
  return WEEKDAY.format(utcDay(date));
}

/** The day of an instant on the reader's calendar: "14 May 2025". */
export function formatInstantDay(instant: string): string {
  const at = Date.parse(instant);
  return Number.isNaN(at) ? instant : INSTANT_DAY.format(at);
}

/** An instant in the reader's time zone: "14 May 2025, 10:32". */
export function formatInstant(instant: string): string {
  const at = Date.parse(instant);
  return Number.isNaN(at) ? instant : INSTANT.format(at);
}

/** "just now", "3 min ago", "5 h ago", "yesterday", "4 days ago", then the day ("14 May 2025"). */
export function relativeTime(at: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(at)) / 1000);
  if (Number.isNaN(seconds)) return at;
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return formatInstantDay(at);
}
