/**
 * Dates as export files write them → ISO. Jira writes "12/Mar/24 10:15 AM" (its default format) or ISO with
 * "+0000" offsets; Linear and Trello write ISO; spreadsheets re-save as "2024-03-12 10:15". Unknown shapes
 * give null rather than an error: a date is never worth rejecting a row over.
 */

/** Longer strings are not dates; checking first keeps every regex below on short input. */
const MAX_DATE_LENGTH = 100;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|[+-]\d{2}:?\d{2})?)?$/;
const JIRA =
  /^(\d{1,2})\/([A-Za-z]{3})[a-z]*\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;
/** JavaScript's Date#toString, which some exports write: "Tue Feb 06 2024 10:00:00 GMT+0100 (…)". */
const JS_STRING = /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{1,2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT([+-]\d{4})/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/;

/** Parses an export's timestamp to an ISO string (UTC), or null when it is empty or not a date. */
export function parseExportTimestamp(value: string | null | undefined): string | null {
  const parts = partsOf(value);
  if (!parts) return null;
  const { year, month, day, hour, minute, second, offsetMinutes } = parts;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const date = new Date(ms);
  return Number.isNaN(ms) ? null : date.toISOString();
}

/** Parses an export's date (or timestamp) to YYYY-MM-DD as written, or null. */
export function parseExportDate(value: string | null | undefined): string | null {
  const parts = partsOf(value);
  if (!parts) return null;
  return `${String(parts.year).padStart(4, '0')}-${pad(parts.month)}-${pad(parts.day)}`;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function partsOf(value: string | null | undefined): DateParts | null {
  if (!value) return null;
  const text = value.trim();
  if (text === '' || text.length > MAX_DATE_LENGTH) return null;
  const parts = isoParts(text) ?? jiraParts(text) ?? jsStringParts(text) ?? dottedParts(text);
  if (!parts) return null;
  const { month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(parts.year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  return parts;
}

function isoParts(text: string): DateParts | null {
  const m = ISO.exec(text);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    offsetMinutes: offsetOf(m[8]),
  };
}

function jiraParts(text: string): DateParts | null {
  const m = JIRA.exec(text);
  if (!m) return null;
  const month = MONTHS[(m[2] ?? '').toLowerCase()];
  if (!month) return null;
  let hour = Number(m[4] ?? 0);
  const meridiem = (m[7] ?? '').toLowerCase();
  if (meridiem !== '' && (hour < 1 || hour > 12)) return null;
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  return {
    year: fullYear(m[3] ?? ''),
    month,
    day: Number(m[1]),
    hour,
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    offsetMinutes: 0,
  };
}

function jsStringParts(text: string): DateParts | null {
  const m = JS_STRING.exec(text);
  const month = m ? MONTHS[(m[1] ?? '').toLowerCase()] : undefined;
  if (!m || !month) return null;
  return {
    year: Number(m[3]),
    month,
    day: Number(m[2]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
    offsetMinutes: offsetOf(m[7]),
  };
}

function dottedParts(text: string): DateParts | null {
  const m = DOTTED.exec(text);
  if (!m) return null;
  return {
    year: fullYear(m[3] ?? ''),
    month: Number(m[2]),
    day: Number(m[1]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: 0,
    offsetMinutes: 0,
  };
}

/** Two-digit years are this century's: exports are of recent work. */
function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

function offsetOf(text: string | undefined): number {
  if (!text || text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
