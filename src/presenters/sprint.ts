/** Teams and sprints as the API returns them: camelCase, parsed JSON, no stored report. */

import type { ItemStatusName } from '../domain/item-status.ts';
import type { SprintRow, TeamRow } from '../store/tables.ts';

export function presentTeam(row: TeamRow, memberIds: string[]) {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    description: row.description,
    memberIds,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Team = ReturnType<typeof presentTeam>;

export type WipLimits = Partial<Record<ItemStatusName, number>>;

export function presentSprint(row: SprintRow) {
  return {
    id: row.id,
    productId: row.product_id,
    teamId: row.team_id,
    name: row.name,
    goal: row.goal,
    startDate: row.start_date,
    endDate: row.end_date,
    timezone: row.timezone,
    capacity: row.capacity,
    refinementShare: row.refinement_share,
    state: row.state,
    wipLimits: JSON.parse(row.wip_limits) as WipLimits,
    startedAt: row.started_at,
    closedAt: row.closed_at,
    committedPoints: row.committed_points,
    completedPoints: row.completed_points,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
export type Sprint = ReturnType<typeof presentSprint>;
