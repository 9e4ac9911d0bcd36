/**
 * Cadences: how often each planning artifact is due, and whether it is overdue. Pure: dates in, dates out
 * (local calendar dates, YYYY-MM-DD, in the product's time zone; the caller converts instants).
 *
 * An artifact done on day D is next due one period later (D + 1 month for a monthly one, month ends
 * clamped: Jan 31 + 1 month is Feb 28/29). It is overdue once today is past that date. Because a calendar
 * period is never longer than the shift, an overdue artifact was never done in today's calendar period:
 * "the roadmap has not been reviewed this quarter" is always true when the roadmap is overdue.
 */
import { addDays, dayNumber } from './calendar.ts';

/** The artifacts with a rhythm, in the order a product home lists them. */
export const CADENCE_ARTIFACTS = [
  'vision',
  'roadmap',
  'strategic_review',
  'backlog_grooming',
  'burndown',
  'release_notes',
] as const;
export type CadenceArtifact = (typeof CADENCE_ARTIFACTS)[number];

/** How often: a calendar period, once per release, or not at all. */
export const CADENCE_EVERY = [
  'yearly',
  'quarterly',
  'monthly',
  'fortnightly',
  'weekly',
  'daily',
  'per_release',
  'off',
] as const;
export type CadenceEvery = (typeof CADENCE_EVERY)[number];
/** The cadences measured in calendar time. */
export type PeriodEvery = Exclude<CadenceEvery, 'per_release' | 'off'>;

export function isPeriod(every: CadenceEvery): every is PeriodEvery {
  return every !== 'per_release' && every !== 'off';
}

/** Months of a month-based period; days of a day-based one. */
const MONTHS: Partial<Record<PeriodEvery, number>> = { yearly: 12, quarterly: 3, monthly: 1 };
const DAYS: Partial<Record<PeriodEvery, number>> = { fortnightly: 14, weekly: 7, daily: 1 };

/** The longest period in days (a leap year): bounds every "one period after" property. */
export const LONGEST_PERIOD_DAYS: Record<PeriodEvery, number> = {
  yearly: 366,
  quarterly: 92,
  monthly: 31,
  fortnightly: 14,
  weekly: 7,
  daily: 1,
};

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` plus one period: month ends clamped (2027-01-31 + 1 month = 2027-02-28). */
export function addPeriod(date: string, every: PeriodEvery): string {
  const days = DAYS[every];
  if (days !== undefined) return addDays(date, days);
  const months = MONTHS[every] ?? 1;
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = month - 1 + months;
  const toYear = year + Math.floor(index / 12);
  const toMonth = (index % 12) + 1;
  const toDay = Math.min(day, daysInMonth(toYear, toMonth));
  return `${String(toYear).padStart(4, '0')}-${String(toMonth).padStart(2, '0')}-${String(toDay).padStart(2, '0')}`;
}

export interface DueInput {
  every: CadenceEvery;
  /** The local date it was last done; null: never. */
  lastDone: string | null;
  /**
   * When it was never done: the date from which it could have been (a sprint's start for a burndown), so it
   * falls due one period after; null: due at once.
   */
  since?: string | null;
  today: string;
}

export interface DueState {
  /** Null when not due by the calendar (off, per release, never done with nothing to count from). */
  nextDueOn: string | null;
  overdue: boolean;
  /** Whole periods past the due date (0 when not overdue); never more than MAX_MISSED_PERIODS. */
  missedPeriods: number;
}

/** A bound on the periods counted as missed ("for 12+ weeks" reads no better than "for 12 weeks"). */
export const MAX_MISSED_PERIODS = 12;

/** Periods `every` between `from` and `to` (at most MAX_MISSED_PERIODS; a bounded loop). */
function periodsBetween(from: string, to: string, every: PeriodEvery): number {
  let count = 0;
  let at = from;
  while (count < MAX_MISSED_PERIODS) {
    at = addPeriod(at, every);
    if (at > to) break;
    count++;
  }
  return count;
}

/** When an artifact is next due, and whether it is overdue today. */
export function dueState(input: DueInput): DueState {
  const { every, today } = input;
  if (!isPeriod(every)) return { nextDueOn: null, overdue: false, missedPeriods: 0 };
  const from = input.lastDone ?? input.since ?? null;
  if (from === null) return { nextDueOn: null, overdue: true, missedPeriods: 0 };
  const nextDueOn = addPeriod(from, every);
  const overdue = dayNumber(today) > dayNumber(nextDueOn);
  // Missed: the whole periods since it was last done (at least one once it is overdue).
  const missedPeriods = overdue ? periodsBetween(from, today, every) : 0;
  return { nextDueOn, overdue, missedPeriods };
}

/** How an artifact is named in a sentence. */
export const ARTIFACT_LABELS: Record<CadenceArtifact, string> = {
  vision: 'Vision',
  roadmap: 'Roadmap review',
  strategic_review: 'Strategic review',
  backlog_grooming: 'Backlog grooming',
  burndown: 'Burndown',
  release_notes: 'Release notes',
};

const PERIOD_NOUNS: Record<PeriodEvery, [string, string]> = {
  yearly: ['year', 'years'],
  quarterly: ['quarter', 'quarters'],
  monthly: ['month', 'months'],
  fortnightly: ['fortnight', 'fortnights'],
  weekly: ['week', 'weeks'],
  daily: ['day', 'days'],
};

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

function count(n: number, [one, many]: [string, string]): string {
  return n === 1 ? one : `${NUMBER_WORDS[n] ?? String(n)} ${many}`;
}

/** The sentence a product home shows for an overdue artifact (a period cadence; null when not overdue). */
export function overdueSentence(
  artifact: CadenceArtifact,
  every: CadenceEvery,
  state: DueState,
  neverDone: boolean,
): string | null {
  if (!state.overdue || !isPeriod(every)) return null;
  const noun = PERIOD_NOUNS[every][0];
  if (neverDone) {
    const never: Record<CadenceArtifact, string> = {
      vision: 'no vision has been published yet',
      roadmap: 'the roadmap has never been reviewed (no baseline saved)',
      strategic_review: 'no strategic review has been held yet',
      backlog_grooming: 'the backlog has never been groomed in a session',
      burndown: 'no item of the active sprint has moved since it started',
      release_notes: 'no release notes have been published',
    };
    return never[artifact];
  }
  const missed = state.missedPeriods;
  const thisPeriod: Record<CadenceArtifact, string> = {
    vision: `the vision has not been published this ${noun}`,
    roadmap: `the roadmap has not been reviewed this ${noun}`,
    strategic_review: `no strategic review has been held this ${noun}`,
    backlog_grooming: `grooming skipped for ${count(missed, PERIOD_NOUNS[every])}`,
    burndown: `the burndown has not moved for ${count(missed, ['day', 'days'])}`,
    release_notes: 'release notes are overdue',
  };
  return thisPeriod[artifact];
}
