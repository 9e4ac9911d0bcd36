/**
 * The figures of sprint planning, as words a planner reads: committed points against capacity and against
 * the team's velocity, days left, date ranges, and the next sprint's suggested name and dates.
 */

import { addDays, daysBetween } from '../../../domain/calendar.ts';
import { sprintPoints } from '../../../domain/sprint-points.ts';
import { countOnName, firstSprintDay, MAX_SPRINT_DAYS, sprintDays } from '../../../domain/sprint-rules.ts';
import type { SprintT, VelocityT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { formatDay } from '../roadmap/initiative-text.ts';

/** Points as people write them: whole numbers plain, others to one decimal. */
export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatPoints(count)} ${count === 1 ? one : many}`;
}

/** Points planned into a sprint: the estimates of its items, except won't-do ones; and how many lack one. */
export function plannedPoints(items: readonly BacklogItemT[]): { points: number; unestimated: number } {
  const { planned, unestimated } = sprintPoints(items);
  return { points: planned, unestimated };
}

export interface CapacityReading {
  /** 'over' when committed exceeds capacity; 'full' at exactly capacity; 'none' without a capacity. */
  level: 'none' | 'under' | 'full' | 'over';
  /** Committed against capacity in words, e.g. "34 of 30 points — 4 over capacity". */
  text: string;
  /** Committed against velocity, or why there is none. */
  velocityText: string;
  /** Share of capacity committed, 0–100 (for the meter's bar). */
  percent: number;
}

/** Reads committed points against capacity and velocity, in words (the warning is text, not colour only). */
export function readCapacity(
  committed: number,
  capacity: number | null,
  velocity: VelocityT,
): CapacityReading {
  let level: CapacityReading['level'] = 'none';
  let text = `${plural(committed, 'point')} committed · no capacity set`;
  let percent = 0;
  if (capacity !== null) {
    const difference = committed - capacity;
    percent =
      capacity > 0 ? Math.min(100, Math.round((committed / capacity) * 100)) : committed > 0 ? 100 : 0;
    const of = `${formatPoints(committed)} of ${plural(capacity, 'point')}`;
    if (difference > 0) {
      level = 'over';
      text = `${of} — ${formatPoints(difference)} over capacity`;
    } else if (difference === 0) {
      level = 'full';
      text = `${of} — at capacity`;
    } else {
      level = 'under';
      text = `${of} — ${formatPoints(-difference)} to spare`;
    }
  }
  return { level, text, velocityText: velocityText(committed, velocity), percent };
}

function velocityText(committed: number, velocity: VelocityT): string {
  if (velocity.mean === null || velocity.sprints === 0) {
    return 'No velocity yet: the team has no closed sprint.';
  }
  const mean = formatPoints(Math.round(velocity.mean * 10) / 10);
  const range =
    velocity.min !== null && velocity.max !== null && velocity.min !== velocity.max
      ? ` (range ${formatPoints(velocity.min)}–${formatPoints(velocity.max)})`
      : '';
  const basis = velocity.sprints === 1 ? 'the last sprint' : `the last ${velocity.sprints} sprints`;
  const difference = Math.round((committed - velocity.mean) * 10) / 10;
  const against =
    difference > 0
      ? `${formatPoints(difference)} above velocity`
      : difference < 0
        ? `${formatPoints(-difference)} below velocity`
        : 'equal to velocity';
  return `Velocity ${mean}${range} over ${basis}: ${against}.`;
}

/** "3 Mar 2026 – 16 Mar 2026". */
export function formatRange(startDate: string, endDate: string): string {
  return `${formatDay(startDate)} – ${formatDay(endDate)}`;
}

/** The sprint's dates as it runs: from the day it started when that was before its start date. */
export function sprintRange(
  sprint: Pick<SprintT, 'startDate' | 'endDate' | 'startedAt' | 'timezone'>,
): string {
  return formatRange(firstSprintDay(sprint), sprint.endDate);
}

/**
 * Where today stands in the sprint's dates: "4 days left", "Last day", "Ended 2 days ago", "Starts in 3
 * days". A sprint started before its start date has started: it counts from the day it did.
 */
export function daysLeftText(
  sprint: Pick<SprintT, 'startDate' | 'endDate' | 'startedAt' | 'timezone'>,
  today: string,
): string {
  const first = firstSprintDay(sprint);
  if (today < first) {
    const days = daysBetween(today, first);
    return days === 1 ? 'Starts tomorrow' : `Starts in ${days} days`;
  }
  const left = daysBetween(today, sprint.endDate);
  if (left === 0) return 'Last day';
  if (left > 0) return `${left + 1} days left`;
  return left === -1 ? 'Ended yesterday' : `Ended ${-left} days ago`;
}

export interface SprintSuggestion {
  name: string;
  startDate: string;
  endDate: string;
  capacity: number | null;
}

/**
 * What the create form starts with: after the team's latest sprint ("Sprint 14" → "Sprint 15", the day
 * after it ends, the same length and capacity), else "Sprint 1" for two weeks from today.
 */
export function suggestNextSprint(teamSprints: readonly SprintT[], today: string): SprintSuggestion {
  const latest = [...teamSprints].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  if (!latest) return { name: 'Sprint 1', startDate: today, endDate: addDays(today, 13), capacity: null };
  const name = countOnName(latest.name) ?? `Sprint ${teamSprints.length + 1}`;
  // As long as the latest one, but within the 8 weeks the server accepts (an older sprint may be longer).
  const days = Math.min(Math.max(1, sprintDays(latest)), MAX_SPRINT_DAYS);
  const startDate = addDays(latest.endDate, 1);
  return { name, startDate, endDate: addDays(startDate, days - 1), capacity: latest.capacity };
}

/** The browser's time zone (the default for a new sprint). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
