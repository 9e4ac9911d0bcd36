/**
 * Changes to teams and sprints through the query cache: each puts what the server answered into every
 * cached read that shows it, changes the screen at once where it shows the change (a sprint's fields, a WIP
 * limit, a team's name), puts it back if the server refuses, and marks the lists and the sprint stale once
 * settled (the live stream would too; this does not wait for it).
 */
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { burndownSource, velocitySource } from '../../api/charts.ts';
import {
  type CloseSprintBody,
  type CreateSprintBody,
  type CreateTeamBody,
  type SprintDetailT,
  type SprintT,
  sprintsApi,
  type TeamT,
  teamsApi,
  type UpdateSprintBody,
  type UpdateTeamBody,
} from '../../api/execution.ts';
import { type QueryKeyT, queryKeys } from '../../state/query-keys.ts';

/** What the cache held before an optimistic change: put back as it was if the server refuses. */
type Snapshot = [QueryKeyT, unknown][];

async function snapshot(client: QueryClient, keys: QueryKeyT[]): Promise<Snapshot> {
  await Promise.all(keys.map((queryKey) => client.cancelQueries({ queryKey })));
  return keys.flatMap((queryKey) => client.getQueriesData({ queryKey }));
}

function restore(client: QueryClient, held: Snapshot | undefined): void {
  for (const [key, data] of held ?? []) client.setQueryData(key, data);
}

const sprintListsOf = (productId: string) => [...queryKeys.lists(productId), 'sprints'];

/** Puts a sprint into the sprint lists and its detail, unless what is held is newer. */
function putSprint(client: QueryClient, sprint: SprintT): void {
  const newer = (held: SprintT) => held.id === sprint.id && held.version <= sprint.version;
  client.setQueryData<SprintDetailT>(queryKeys.sprint(sprint.productId, sprint.id), (detail) =>
    detail && newer(detail.sprint) ? { ...detail, sprint } : detail,
  );
  client.setQueriesData<SprintT[]>({ queryKey: sprintListsOf(sprint.productId) }, (list) =>
    list?.map((held) => (newer(held) ? sprint : held)),
  );
}

/** The sprint with a change applied, as the screen shows it until the server answers. */
function patched(sprint: SprintT, patch: UpdateSprintBody): SprintT {
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...sprint, ...defined } as SprintT;
}

function settleSprint(client: QueryClient, productId: string, sprintId: string): void {
  void client.invalidateQueries({ queryKey: queryKeys.lists(productId) });
  void client.invalidateQueries({ queryKey: queryKeys.sprint(productId, sprintId) });
  void client.invalidateQueries({ queryKey: queryKeys.chartPath(productId, burndownSource(sprintId).path) });
}

export function useSprintMutations(productId: string) {
  const client = useQueryClient();

  const create = useMutation({
    mutationFn: (body: CreateSprintBody) => sprintsApi.create(productId, body),
    onSuccess: (sprint) => {
      client.setQueryData<SprintT[]>(queryKeys.sprints(productId), (list) => list && [...list, sprint]);
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.lists(productId) }),
  });

  const update = useMutation({
    mutationFn: (input: { sprint: SprintT; patch: UpdateSprintBody }) =>
      sprintsApi.update(input.sprint, input.patch),
    onMutate: async ({ sprint, patch }) => {
      const held = await snapshot(client, [queryKeys.sprint(productId, sprint.id), sprintListsOf(productId)]);
      const optimistic = patched(sprint, patch);
      client.setQueryData<SprintDetailT>(queryKeys.sprint(productId, sprint.id), (detail) =>
        detail ? { ...detail, sprint: optimistic } : detail,
      );
      client.setQueriesData<SprintT[]>({ queryKey: sprintListsOf(productId) }, (list) =>
        list?.map((each) => (each.id === sprint.id ? optimistic : each)),
      );
      return held;
    },
    onError: (_error, _input, held) => restore(client, held),
    onSuccess: (saved) => putSprint(client, saved),
    onSettled: (_saved, _error, { sprint }) => settleSprint(client, productId, sprint.id),
  });

  const start = useMutation({
    mutationFn: (sprint: SprintT) => sprintsApi.start(sprint.id),
    onSuccess: (started) => putSprint(client, started),
    onSettled: (_started, _error, sprint) => settleSprint(client, productId, sprint.id),
  });

  const remove = useMutation({
    mutationFn: (sprint: SprintT) => sprintsApi.remove(sprint.id),
    onMutate: async (sprint) => {
      const held = await snapshot(client, [sprintListsOf(productId)]);
      client.setQueriesData<SprintT[]>({ queryKey: sprintListsOf(productId) }, (list) =>
        list?.filter((each) => each.id !== sprint.id),
      );
      return held;
    },
    onError: (_error, _sprint, held) => restore(client, held),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.lists(productId) }),
  });

  const close = useMutation({
    mutationFn: (input: { sprint: SprintT; body: CloseSprintBody }) =>
      sprintsApi.close(input.sprint.id, input.body),
    onSuccess: (report, { sprint }) => {
      client.setQueryData(queryKeys.sprintReport(productId, sprint.id), report);
    },
    onSettled: (_report, _error, { sprint }) => {
      settleSprint(client, productId, sprint.id);
      const velocity = velocitySource(productId, { teamId: '', count: 0 }).path;
      void client.invalidateQueries({ queryKey: queryKeys.chartPath(productId, velocity) });
    },
  });

  return { create, update, start, remove, close };
}

export function useTeamMutations(productId: string) {
  const client = useQueryClient();
  const teamsKey = queryKeys.teams(productId);
  const settled = () => client.invalidateQueries({ queryKey: queryKeys.lists(productId) });

  const create = useMutation({
    mutationFn: (body: CreateTeamBody) => teamsApi.create(productId, body),
    onSuccess: (team) => client.setQueryData<TeamT[]>(teamsKey, (list) => list && [...list, team]),
    onSettled: settled,
  });

  const update = useMutation({
    mutationFn: (input: { team: TeamT; patch: UpdateTeamBody }) => teamsApi.update(input.team, input.patch),
    onMutate: async ({ team, patch }) => {
      const held = await snapshot(client, [teamsKey]);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      client.setQueryData<TeamT[]>(teamsKey, (list) =>
        list?.map((each) => (each.id === team.id ? ({ ...each, ...defined } as TeamT) : each)),
      );
      return held;
    },
    onError: (_error, _input, held) => restore(client, held),
    onSuccess: (saved) =>
      client.setQueryData<TeamT[]>(teamsKey, (list) =>
        list?.map((each) => (each.id === saved.id && each.version <= saved.version ? saved : each)),
      ),
    onSettled: settled,
  });

  const remove = useMutation({
    mutationFn: (team: TeamT) => teamsApi.remove(team.id),
    onMutate: async (team) => {
      const held = await snapshot(client, [teamsKey]);
      client.setQueryData<TeamT[]>(teamsKey, (list) => list?.filter((each) => each.id !== team.id));
      return held;
    },
    onError: (_error, _team, held) => restore(client, held),
    onSettled: settled,
  });

  return { create, update, remove };
}
