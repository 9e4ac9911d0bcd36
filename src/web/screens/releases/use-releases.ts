/**
 * The releases the screens show, read through the query cache. The live bridge (state/live-invalidation.ts)
 * marks them stale when a release changes, or an item joins, leaves or changes inside one.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../api/client.ts';
import { getRelease, listReleases, type ReleaseDetailT, type ReleaseT } from '../../api/releases.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.fieldMessage : (error as Error).message;
}

export function useReleaseList(store: ProductStore) {
  const productId = store.product.id;
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.releaseList(productId),
    queryFn: ({ signal }) => listReleases(productId, signal),
  });
  const reload = useCallback(() => void refetch(), [refetch]);
  return { releases: data ?? null, error: error ? messageOf(error) : null, reload };
}

export function useReleaseDetail(store: ProductStore, id: string) {
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const { data, error, refetch } = useQuery({
    queryKey: queryKeys.release(productId, id),
    queryFn: ({ signal }) => getRelease(id, signal),
  });
  const reload = useCallback(() => void refetch(), [refetch]);
  /** Takes a release the server answered with (fields only: the items stay until the next read). */
  const accept = useCallback(
    (release: ReleaseT) => {
      queryClient.setQueryData<ReleaseDetailT>(queryKeys.release(productId, id), (current) =>
        current && current.id === release.id && current.version <= release.version
          ? { ...current, ...release }
          : current,
      );
      // The list shows the name, dates and state too.
      void queryClient.invalidateQueries({ queryKey: queryKeys.releaseList(productId) });
    },
    [queryClient, productId, id],
  );
  return {
    detail: data ?? null,
    error:
      error && !data
        ? { status: error instanceof ApiError ? error.status : 0, message: messageOf(error) }
        : null,
    reload,
    accept,
  };
}
