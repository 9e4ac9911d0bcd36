/**
 * Sprints of one team that would run on the same days: a guardrail warns before saving one (it does not
 * block — a team may mean to overlap a hardening week). Only planned and active sprints count; a closed
 * sprint is history.
 */
import { dayNumber } from '../../../domain/calendar.ts';
import { firstSprintDay } from '../../../domain/sprint-rules.ts';
import type { SprintT } from '../../api/execution.ts';

/** The sprint being saved: its team ('none' or null: no team), its dates, and its id when it exists. */
export interface SprintDates {
  id?: string | undefined;
  teamId: string | null;
  startDate: string;
  endDate: string;
}

type Other = Pick<SprintT, 'id' | 'teamId' | 'state' | 'startDate' | 'endDate' | 'startedAt' | 'timezone'>;

/**
 * The planned and active sprints of the same team (both without a team count as the same) whose days meet
 * the candidate's, both ends included, earliest first. An active sprint runs from the day it started when
 * that came before its start date. Dates that are not dates overlap nothing.
 */
export function overlappingSprints<T extends Other>(candidate: SprintDates, sprints: readonly T[]): T[] {
  const team = candidate.teamId === 'none' ? null : candidate.teamId;
  const start = dayNumber(candidate.startDate);
  const end = dayNumber(candidate.endDate);
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  return sprints
    .filter(
      (other) =>
        other.id !== candidate.id &&
        other.state !== 'closed' &&
        (other.teamId ?? null) === team &&
        dayNumber(firstSprintDay(other)) <= end &&
        start <= dayNumber(other.endDate),
    )
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
}
