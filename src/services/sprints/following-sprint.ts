/** The sprint that follows another when a close sends leftovers to a "next sprint" that does not exist yet. */
import type { WipLimits } from '../../presenters/sprint.ts';
import type { CreateSprintInput } from '../../schemas/sprint.ts';
import type { SprintRow } from '../../store/tables.ts';

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "Sprint 14" → "Sprint 15" ("Sprint 09" → "Sprint 10"); a name without a trailing number gets "(continued)". */
export function followingSprintName(name: string): string {
  const match = /^(.*?)(\d+)$/.exec(name);
  if (!match) return `${name.slice(0, 200 - ' (continued)'.length)} (continued)`;
  const [, prefix = '', digits = ''] = match;
  return `${prefix}${String(Number(digits) + 1).padStart(digits.length, '0')}`;
}

/** Starts the day after `sprint` ends and lasts as many days; same team, capacity, time zone and limits. */
export function followingSprintInput(sprint: SprintRow): CreateSprintInput {
  const lengthDays = Math.round((Date.parse(sprint.end_date) - Date.parse(sprint.start_date)) / DAY_MS);
  const startDate = addDays(sprint.end_date, 1);
  return {
    name: followingSprintName(sprint.name),
    goal: '',
    teamId: sprint.team_id,
    startDate,
    endDate: addDays(startDate, lengthDays),
    timezone: sprint.timezone,
    capacity: sprint.capacity,
    wipLimits: JSON.parse(sprint.wip_limits) as WipLimits,
  };
}
