/**
 * Calendar edges for date, instant and time-zone inputs: the ends of the ISO calendar, the epoch, leap days,
 * and the days clocks change. Day loops and date windows have hung or crashed on these before.
 */

/** `YYYY-MM-DD` dates: the first and last ISO days, the epoch, leap days (real and not), DST changes. */
export const EDGE_DATES = [
  '0001-01-01',
  '9999-12-31',
  '1970-01-01',
  '1969-12-31',
  '2200-12-31',
  '2201-01-01',
  '2024-02-29',
  '2100-02-29',
  '2000-02-29',
  '2027-02-29',
  // Europe (last Sunday of March / October) and the USA (second Sunday of March, first of November).
  '2027-03-28',
  '2027-10-31',
  '2027-03-14',
  '2027-11-07',
  // Samoa skipped 2011-12-30 when it crossed the date line.
  '2011-12-30',
] as const;

/** Instants (`asOf`): the same edges as full timestamps, and the seconds around a clock change. */
export const EDGE_INSTANTS = [
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '1970-01-01T00:00:00.000Z',
  '1969-12-31T23:59:59.999Z',
  '2024-02-29T12:00:00.000Z',
  '2027-03-28T01:00:00.000Z',
  '2027-10-31T00:59:59.999Z',
  '2027-03-14T10:00:00.000Z',
  '+275760-09-13T00:00:00.000Z',
  '2027-02-29T00:00:00.000Z',
] as const;

/** Zones whose clocks jump: by an hour, by half an hour, a whole day, or not at all. */
export const EDGE_TIME_ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/Los_Angeles',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Etc/GMT+12',
  'America/Santiago',
] as const;
