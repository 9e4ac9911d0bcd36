/**
 * The product's teams and sprints, read through the query cache: coming back to the sprint list or the board
 * shows the last answer at once while it refreshes, and the live bridge (state/live-invalidation.ts) marks
 * them stale when a team or sprint changes.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { type SprintT, sprintsApi, type TeamT, teamsApi } from '../../api/execution.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

export interface TeamsAndSprints {
  teams: TeamT[];
  sprints: SprintT[];
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  reload: () => void;
}

export function useTeams(productId: string) {
  return useQuery({ queryKey: queryKeys.teams(productId), queryFn: () => teamsApi.list(productId) });
}

export function useTeamsAndSprints(store: ProductStore): TeamsAndSprints {
  const productId = store.product.id;
  const teams = useTeams(productId);
  const sprints = useQuery({
    queryKey: queryKeys.sprints(productId),
    queryFn: () => sprintsApi.list(productId),
  });
  const refetchTeams = teams.refetch;
  const refetchSprints = sprints.refetch;
  const reload = useCallback(() => {
    void refetchTeams();
    void refetchSprints();
  }, [refetchTeams, refetchSprints]);

  const error = teams.error ?? sprints.error;
  const loaded = teams.data !== undefined && sprints.data !== undefined;
  return {
    teams: teams.data ?? [],
    sprints: sprints.data ?? [],
    status: loaded ? 'ready' : error ? 'error' : 'loading',
    error: error ? error.message : null,
    reload,
  };
}
