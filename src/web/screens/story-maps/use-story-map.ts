/**
 * One story map through the query cache, and its operations: each is sent with the version the screen
 * shows; a story move is applied to the cache at once and rolled back (with a message) if the server
 * refuses it. On 412 the map is read again and the user told why.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { ApiError } from '../../api/client.ts';
import {
  type StoryMapOperationT,
  type StoryMapT,
  storyMapsApi,
  takePrefetchedStoryMap,
} from '../../api/story-maps.ts';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { type CellTarget, moveLocally, shareCards, stepPosition } from './map-layout.ts';

export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.fieldMessage : (error as Error).message;
}

export function useStoryMap(productId: string, mapId: string) {
  const queryClient = useQueryClient();
  const key = queryKeys.storyMap(productId, mapId);
  const { data, error } = useQuery({
    queryKey: key,
    queryFn: async ({ signal }) =>
      shareCards(
        queryClient.getQueryData<StoryMapT>(key),
        await (takePrefetchedStoryMap(mapId) ?? storyMapsApi.get(mapId, signal)),
      ),
  });
  // Operations run one after another, each from the version the previous one answered with.
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback(
    (map: StoryMapT) => {
      queryClient.setQueryData<StoryMapT>(key, (current) =>
        current && current.version > map.version ? current : shareCards(current, map),
      );
    },
    [queryClient, key],
  );

  const refused = useCallback(
    (reason: unknown) => {
      const stale = reason instanceof ApiError && reason.status === 412;
      notify({
        kind: 'error',
        message: stale
          ? 'Someone else changed this map (or the item) meanwhile: it has been reloaded. Try again.'
          : `The map could not be changed: ${messageOf(reason)}`,
      });
      void queryClient.invalidateQueries({ queryKey: key });
    },
    [queryClient, key],
  );

  /** Sends one operation; resolves true when the server took it. */
  const operate = useCallback(
    (
      operation: StoryMapOperationT | ((current: StoryMapT) => StoryMapOperationT),
      optimistic?: (map: StoryMapT) => StoryMapT,
    ): Promise<boolean> => {
      const before = queryClient.getQueryData<StoryMapT>(key);
      if (optimistic && before) queryClient.setQueryData<StoryMapT>(key, optimistic(before));
      const run = queue.current.then(async () => {
        const current = queryClient.getQueryData<StoryMapT>(key);
        if (!current) return false;
        try {
          const body = typeof operation === 'function' ? operation(current) : operation;
          accept(await storyMapsApi.operate(mapId, current.version, body));
          return true;
        } catch (reason) {
          if (optimistic && before) queryClient.setQueryData<StoryMapT>(key, before);
          refused(reason);
          return false;
        }
      });
      queue.current = run;
      return run;
    },
    [queryClient, key, mapId, accept, refused],
  );

  /** Moves a story to a cell (optimistically); crossing a slice line changes its item's release or sprint. */
  const moveStory = useCallback(
    (itemId: string, target: CellTarget) => {
      const map = queryClient.getQueryData<StoryMapT>(key);
      const card = map?.cards.find((c) => c.itemId === itemId);
      if (!map || !card) return Promise.resolve(false);
      const position = stepPosition(map, itemId, target);
      const crosses = target.sliceId !== card.sliceId;
      return operate(
        // The item's version is read when the move is sent: an earlier move of the same card may have
        // changed it meanwhile.
        (current) => ({
          op: 'moveStory',
          itemId,
          stepId: target.stepId,
          position,
          ...(crosses && {
            sliceId: target.sliceId,
            itemVersion: current.cards.find((c) => c.itemId === itemId)?.itemVersion ?? card.itemVersion,
          }),
        }),
        (current) => moveLocally(current, itemId, target),
      );
    },
    [queryClient, key, operate],
  );

  return { map: data ?? null, error: error ? messageOf(error) : null, operate, moveStory };
}
