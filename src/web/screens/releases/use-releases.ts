/**
 * The releases the screens show, read through the query cache. The live bridge (state/live-invalidation.ts)
 * marks them stale when a release changes, or an item joins, leaves or changes inside one.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  createRelease,
  deleteRelease,
  getRelease,
  listReleases,
  type NewRelease,
  type ReleaseDetailT,
  type ReleasePatch,
  type ReleaseT,
  updateRelease,
} from '../../api/releases.ts';
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
  const update = useMutation({
    mutationFn: (change: { patch: ReleasePatch; version: number }) =>
      updateRelease(id, change.patch, change.version),
    // The fields show the change at once. Not the notes: the editor holds their text itself (release-notes.tsx).
    onMutate: async ({ patch }) => {
      const key = queryKeys.release(productId, id);
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<ReleaseDetailT>(key);
      const shown = Object.fromEntries(
        Object.entries(patch).filter(([field, value]) => value !== undefined && field !== 'notesDraft'),
      );
      if (before) queryClient.setQueryData<ReleaseDetailT>(key, { ...before, ...shown });
      return { before };
    },
    onError: (_error, _change, context) => {
      if (context?.before) queryClient.setQueryData(queryKeys.release(productId, id), context.before);
    },
    onSuccess: accept,
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.releases(productId) }),
  });
  const { mutateAsync } = update;
  const save = useCallback(
    (patch: ReleasePatch, version: number) => mutateAsync({ patch, version }),
    [mutateAsync],
  );
  return {
    detail: data ?? null,
    error:
      error && !data
        ? { status: error instanceof ApiError ? error.status : 0, message: messageOf(error) }
        : null,
    reload,
    accept,
    save,
  };
}

/** Creating and deleting releases: the list follows at once (a deleted one leaves it until refused). */
export function useReleaseMutations(productId: string) {
  const queryClient = useQueryClient();
  const listKey = queryKeys.releaseList(productId);
  const settled = () => queryClient.invalidateQueries({ queryKey: queryKeys.releases(productId) });
  const create = useMutation({
    mutationFn: (input: NewRelease) => createRelease(productId, input),
    onSuccess: (release) =>
      queryClient.setQueryData<ReleaseT[]>(listKey, (list) => list && [...list, release]),
    onSettled: settled,
  });
  const remove = useMutation({
    mutationFn: (release: ReleaseT) => deleteRelease(release.id),
    onMutate: async (release) => {
      await queryClient.cancelQueries({ queryKey: listKey });
      const before = queryClient.getQueryData<ReleaseT[]>(listKey);
      queryClient.setQueryData<ReleaseT[]>(listKey, (list) => list?.filter((each) => each.id !== release.id));
      return { before };
    },
    onError: (_error, _release, context) => {
      if (context?.before) queryClient.setQueryData(listKey, context.before);
    },
    onSettled: settled,
  });
  return { create, remove };
}
