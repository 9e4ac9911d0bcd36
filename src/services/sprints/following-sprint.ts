/** The sprint that follows another when a close sends leftovers to a "next sprint" that does not exist yet. */
import { dateOfDay, dayNumber, LATEST_DATE } from '../../domain/calendar.ts';
import { MAX_SPRINT_DAYS, nextSprintName, sprintDays } from '../../domain/sprint-rules.ts';
import type { WipLimits } from '../../presenters/sprint.ts';
import type { CreateSprintInput } from '../../schemas/sprint.ts';
import type { SprintRow } from '../../store/tables.ts';

/**
 * Starts the day after `sprint` ends and lasts as many days (at most 8 weeks, inside the date window:
 * a sprint stored before those rules does not pass them on); same team, capacity, refinement share, time zone and limits.
 */
export function followingSprintInput(sprint: SprintRow): CreateSprintInput {
  const days = Math.min(
    Math.max(1, sprintDays({ startDate: sprint.start_date, endDate: sprint.end_date })),
    MAX_SPRINT_DAYS,
  );
  // Counted in day numbers: past 9999 date strings no longer sort as dates.
  const last = dayNumber(LATEST_DATE);
  const start = Math.min(dayNumber(sprint.end_date) + 1, last);
  const startDate = dateOfDay(start);
  return {
    name: nextSprintName(sprint.name),
    goal: '',
    teamId: sprint.team_id,
    startDate,
    endDate: dateOfDay(Math.min(start + days - 1, last)),
    timezone: sprint.timezone,
    capacity: sprint.capacity,
    refinementShare: sprint.refinement_share,
    wipLimits: JSON.parse(sprint.wip_limits) as WipLimits,
  };
}
