/**
 * One sprint's detail (GET /sprints/{id}: points, velocity, not-ready reasons) through the query cache. The
 * live bridge (state/live-invalidation.ts) marks it stale, with the sprint's burndown, when the sprint or
 * one of its items changes; `reload` does the same after a change made here.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { burndownSource } from '../../api/charts.ts';
import type { ApiError } from '../../api/client.ts';
import { type SprintDetailT, sprintsApi } from '../../api/execution.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

export interface SprintDetailState {
  detail: SprintDetailT | null;
  error: ApiError | Error | null;
  reload: () => void;
}

export function useSprintDetail(store: ProductStore, sprintId: string): SprintDetailState {
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const { data, error } = useQuery({
    queryKey: queryKeys.sprint(productId, sprintId),
    queryFn: ({ signal }) => sprintsApi.detail(sprintId, signal),
  });
  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.sprint(productId, sprintId) });
    void queryClient.invalidateQueries({
      queryKey: queryKeys.chartPath(productId, burndownSource(sprintId).path),
    });
  }, [queryClient, productId, sprintId]);
  // A refetch that failed keeps the last answer on screen; only a sprint never read shows the error.
  return { detail: data ?? null, error: data ? null : error, reload };
}
