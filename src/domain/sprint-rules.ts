/**
 * The rules of a sprint's dates and name, shared by the server's schemas and services and the web's forms
 * so that both refuse the same sprint with the same words.
 */
import { datesInOrder, daysBetween } from './calendar.ts';
import { localDate } from './time-zones.ts';

/** The longest sprint, in days: 8 weeks. Longer ones are refused; charts of older ones are bounded. */
export const MAX_SPRINT_DAYS = 56;

/** Which field is wrong with a sprint's dates, and why. */
export interface DatesProblem {
  field: 'startDate' | 'endDate';
  message: string;
}

export const END_BEFORE_START = 'must not be before startDate';
export const SPRINT_TOO_LONG = `must be at most ${MAX_SPRINT_DAYS} days (8 weeks) from startDate, both included`;

/** A sprint's length in days, both dates included. */
export function sprintDays(dates: { startDate: string; endDate: string }): number {
  return daysBetween(dates.startDate, dates.endDate) + 1;
}

/**
 * What is wrong with a sprint's dates, or null: the end before the start, or more than 8 weeks. The end
 * date is named, as the field a person changes to fix it.
 */
export function sprintDatesProblem(dates: { startDate: string; endDate: string }): DatesProblem | null {
  if (!datesInOrder(dates.startDate, dates.endDate)) return { field: 'endDate', message: END_BEFORE_START };
  if (sprintDays(dates) > MAX_SPRINT_DAYS) return { field: 'endDate', message: SPRINT_TOO_LONG };
  return null;
}

/**
 * The sprint's first day: its start date, or the day it was started (in its time zone) when that came
 * first. A sprint started early runs from the day it started, not from a start date still to come.
 */
export function firstSprintDay(sprint: {
  startDate: string;
  startedAt: string | null;
  timezone: string;
}): string {
  if (sprint.startedAt === null) return sprint.startDate;
  const started = localDate(sprint.startedAt, sprint.timezone);
  return daysBetween(started, sprint.startDate) > 0 ? started : sprint.startDate;
}

/** `name` with its trailing number counted on, as wide as it was ("W08" → "W09"), or null without one. */
export function countOnName(name: string): string | null {
  const match = /^(.*?)(\d+)\s*$/.exec(name);
  if (!match) return null;
  const [, prefix = '', digits = ''] = match;
  // BigInt: a number past 2^53 still counts on digit for digit.
  return `${prefix}${String(BigInt(digits) + 1n).padStart(digits.length, '0')}`;
}

/**
 * The name of the sprint after `name`: "Sprint 14" → "Sprint 15", "W08" → "W09"; a name without a
 * trailing number gets " (continued)", kept within `maxLength`.
 */
export function nextSprintName(name: string, maxLength = 200): string {
  return countOnName(name) ?? `${name.slice(0, maxLength - ' (continued)'.length)} (continued)`;
}
