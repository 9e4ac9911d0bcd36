/**
 * Teams and sprints over the API: the calls the sprint list, the planning screen and the board make, with
 * their types inferred from the server's schemas (type-only imports: no schema code reaches the bundle).
 */
import type { z } from 'zod';
import type {
  CloseSprintInput,
  CreateSprintInput,
  NotReadyReason,
  Sprint,
  SprintDetail,
  SprintReport,
  SprintState,
  UpdateSprintInput,
  Velocity,
  WipLimits,
} from '../../schemas/sprint.ts';
import type { CreateTeamInput, Team, UpdateTeamInput } from '../../schemas/team.ts';
import { api, query } from './client.ts';

export type TeamT = z.infer<typeof Team>;
export type SprintT = z.infer<typeof Sprint>;
export type SprintStateT = z.infer<typeof SprintState>;
export type SprintDetailT = z.infer<typeof SprintDetail>;
export type SprintReportT = z.infer<typeof SprintReport>;
export type NotReadyReasonT = z.infer<typeof NotReadyReason>;
export type VelocityT = z.infer<typeof Velocity>;
export type WipLimitsT = z.infer<typeof WipLimits>;
export type CreateTeamBody = z.input<typeof CreateTeamInput>;
export type UpdateTeamBody = z.input<typeof UpdateTeamInput>;
export type CreateSprintBody = z.input<typeof CreateSprintInput>;
export type UpdateSprintBody = z.input<typeof UpdateSprintInput>;
export type CloseSprintBody = z.input<typeof CloseSprintInput>;
export type LeftoverDestinationT = 'next' | 'backlog';

export const SPRINT_STATE_LABELS: Record<SprintStateT, string> = {
  planned: 'Planned',
  active: 'Active',
  closed: 'Closed',
};

/** The team filter of the sprint list: a team id, or sprints without a team. */
export type TeamFilter = string | 'none';

export const teamsApi = {
  list: (productId: string) =>
    api.get<{ teams: TeamT[] }>(`/products/${productId}/teams`).then((body) => body.teams),
  create: (productId: string, input: CreateTeamBody) =>
    api.post<TeamT>(`/products/${productId}/teams`, input),
  update: (team: Pick<TeamT, 'id' | 'version'>, patch: UpdateTeamBody) =>
    api.patch<TeamT>(`/teams/${team.id}`, patch, { ifMatch: team.version }),
  remove: (id: string) => api.delete<unknown>(`/teams/${id}`),
};

export const sprintsApi = {
  list: (productId: string, filter: { teamId?: TeamFilter; state?: SprintStateT } = {}) =>
    api
      .get<{ sprints: SprintT[] }>(`/products/${productId}/sprints${query(filter)}`)
      .then((body) => body.sprints),
  create: (productId: string, input: CreateSprintBody) =>
    api.post<SprintT>(`/products/${productId}/sprints`, input),
  detail: (id: string, signal?: AbortSignal) =>
    api.get<SprintDetailT>(`/sprints/${id}`, signal ? { signal } : {}),
  update: (sprint: Pick<SprintT, 'id' | 'version'>, patch: UpdateSprintBody) =>
    api.patch<SprintT>(`/sprints/${sprint.id}`, patch, { ifMatch: sprint.version }),
  remove: (id: string) => api.delete<unknown>(`/sprints/${id}`),
  start: (id: string) => api.post<SprintT>(`/sprints/${id}/start`),
  close: (id: string, input: CloseSprintBody) => api.post<SprintReportT>(`/sprints/${id}/close`, input),
  report: (id: string, signal?: AbortSignal) =>
    api.get<SprintReportT>(`/sprints/${id}/report`, signal ? { signal } : {}),
};
