/**
 * The iCalendar (RFC 5545) document of a user's calendar entries, written by ical-generator: it escapes
 * text (backslash, comma, semicolon, newlines) and folds lines at 75 octets. Pure: entries and `now` in.
 */
import ical from 'ical-generator';

/** One dated planning object: a sprint (a span of days), a release or an initiative's target (one day). */
export interface CalendarEntry {
  kind: 'sprint' | 'release' | 'initiative';
  id: string;
  productKey: string;
  title: string;
  description: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
  /** The web address of the object. */
  url: string;
  /** The object's version: SEQUENCE, so calendars replace an edited event. */
  version: number;
  updatedAt: string;
}

/** Longest description written per event: a feed of thousands of events stays a few megabytes. */
export const MAX_DESCRIPTION_CHARS = 1_000;

// Control characters other than tab and line breaks are not allowed in iCalendar text (RFC 5545 3.3.11).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed.
const NOT_ICAL_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

function icalText(text: string, max: number): string {
  const clean = text.replace(NOT_ICAL_TEXT, '');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

const LABELS: Record<CalendarEntry['kind'], string> = {
  sprint: 'Sprint',
  release: 'Release',
  initiative: 'Target',
};

function utcDay(date: string, plusDays = 0): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * 86_400_000);
}

/** The feed's text: one all-day VEVENT per entry, stable UIDs (`sprint-<id>@cairn`). */
export function calendarDocument(options: {
  name: string;
  entries: readonly CalendarEntry[];
  now: Date;
}): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Cairn', product: 'Cairn', language: 'EN' },
  });
  for (const entry of options.entries) {
    calendar.createEvent({
      id: `${entry.kind}-${entry.id}@cairn`,
      allDay: true,
      start: utcDay(entry.start),
      // DTEND of an all-day event is the day after the last one (exclusive).
      end: utcDay(entry.end, 1),
      summary: icalText(`${entry.productKey}: ${LABELS[entry.kind]} ${entry.title}`, 500),
      description: icalText(entry.description, MAX_DESCRIPTION_CHARS),
      url: entry.url,
      stamp: options.now,
      lastModified: new Date(entry.updatedAt),
      sequence: entry.version,
    });
  }
  return calendar.toString();
}
