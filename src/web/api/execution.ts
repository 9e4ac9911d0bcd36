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
import { client, ifMatch, ok } from './client.ts';

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
    ok(client.GET('/products/{productId}/teams', { params: { path: { productId } } })).then(
      (body) => body.teams,
    ),
  create: (productId: string, input: CreateTeamBody) =>
    ok(client.POST('/products/{productId}/teams', { params: { path: { productId } }, body: input })),
  update: (team: Pick<TeamT, 'id' | 'version'>, patch: UpdateTeamBody) =>
    ok(
      client.PATCH('/teams/{id}', {
        params: { path: { id: team.id } },
        body: patch,
        headers: ifMatch(team.version),
      }),
    ),
  remove: (id: string) => ok(client.DELETE('/teams/{id}', { params: { path: { id } } })),
};

export const sprintsApi = {
  list: (productId: string, filter: { teamId?: TeamFilter; state?: SprintStateT } = {}) =>
    ok(client.GET('/products/{productId}/sprints', { params: { path: { productId }, query: filter } })).then(
      (body) => body.sprints,
    ),
  create: (productId: string, input: CreateSprintBody) =>
    ok(client.POST('/products/{productId}/sprints', { params: { path: { productId } }, body: input })),
  detail: (id: string, signal?: AbortSignal) =>
    ok(client.GET('/sprints/{id}', { params: { path: { id } }, signal })),
  update: (sprint: Pick<SprintT, 'id' | 'version'>, patch: UpdateSprintBody) =>
    ok(
      client.PATCH('/sprints/{id}', {
        params: { path: { id: sprint.id } },
        body: patch,
        headers: ifMatch(sprint.version),
      }),
    ),
  remove: (id: string) => ok(client.DELETE('/sprints/{id}', { params: { path: { id } } })),
  start: (id: string) => ok(client.POST('/sprints/{id}/start', { params: { path: { id } } })),
  close: (id: string, input: CloseSprintBody) =>
    ok(client.POST('/sprints/{id}/close', { params: { path: { id } }, body: input })),
  report: (id: string, signal?: AbortSignal) =>
    ok(client.GET('/sprints/{id}/report', { params: { path: { id } }, signal })),
};
