/**
 * The figures of sprint planning, as words a planner reads: committed points against capacity and against
 * the team's velocity, days left, date ranges, and the next sprint's suggested name and dates.
 */

import { addDays, daysBetween } from '../../../domain/calendar.ts';
import { sprintPoints } from '../../../domain/sprint-points.ts';
import { countOnName, firstSprintDay, MAX_SPRINT_DAYS, sprintDays } from '../../../domain/sprint-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import type { SprintT, VelocityT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';

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

/** The most a form may keep for refinement, in percent (the schema's share, as people type it). */
export const MAX_REFINEMENT_PERCENT = LIMITS.refinementShare * 100;

/** A share as the percentage a form shows: 0.1 → "10", null → "". */
export function sharePercent(share: number | null): string {
  return share === null ? '' : formatPoints(Math.round(share * 1000) / 10);
}

/**
 * The share a form's percentage stands for: "10" → 0.1, blank → null; undefined when it is not a number
 * from 0 to the schema's greatest share (the input says so; the server would refuse it the same way).
 */
export function shareFromPercent(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const percent = Number(text);
  if (!Number.isFinite(percent) || percent < 0 || percent > MAX_REFINEMENT_PERCENT) return undefined;
  // Divided, then rounded to the share's own precision: 7 % is 0.07, not 0.07000000000000001.
  return Math.round(percent * 100) / 10_000;
}

/** The capacity planning may fill: capacity × (1 − share), or all of it without a share. */
export function planningCapacity(capacity: number, refinementShare: number | null): number {
  if (!refinementShare) return capacity;
  return Math.round(capacity * (1 - refinementShare) * 10) / 10;
}

/** "27 of 30 points: 10 % kept for refinement", or null when nothing is kept (or there is no capacity). */
export function refinementText(capacity: number | null, refinementShare: number | null): string | null {
  if (capacity === null || !refinementShare) return null;
  return `${formatPoints(planningCapacity(capacity, refinementShare))} of ${plural(capacity, 'point')}: ${sharePercent(refinementShare)} % kept for refinement`;
}

/**
 * Reads committed points against capacity and velocity, in words (the warning is text, not colour only).
 * With a refinement share, the capacity read against is what is left after it (planningCapacity).
 */
export function readCapacity(
  committed: number,
  fullCapacity: number | null,
  velocity: VelocityT,
  refinementShare: number | null = null,
): CapacityReading {
  const capacity = fullCapacity === null ? null : planningCapacity(fullCapacity, refinementShare);
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
  refinementShare: number | null;
}

/**
 * What the create form starts with: after the team's latest sprint ("Sprint 14" → "Sprint 15", the day
 * after it ends, the same length, capacity and refinement share), else "Sprint 1" for two weeks from today.
 */
export function suggestNextSprint(teamSprints: readonly SprintT[], today: string): SprintSuggestion {
  const latest = [...teamSprints].sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  if (!latest)
    return {
      name: 'Sprint 1',
      startDate: today,
      endDate: addDays(today, 13),
      capacity: null,
      refinementShare: null,
    };
  const name = countOnName(latest.name) ?? `Sprint ${teamSprints.length + 1}`;
  // As long as the latest one, but within the 8 weeks the server accepts (an older sprint may be longer).
  const days = Math.min(Math.max(1, sprintDays(latest)), MAX_SPRINT_DAYS);
  const startDate = addDays(latest.endDate, 1);
  return {
    name,
    startDate,
    endDate: addDays(startDate, days - 1),
    capacity: latest.capacity,
    refinementShare: latest.refinementShare,
  };
}

/** The browser's time zone (the default for a new sprint). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
