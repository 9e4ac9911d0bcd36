/**
 * User story maps over the API: the list, one map with everything its screen shows, and the operations
 * that change it (one operation, one version; the server answers 412 when `version` is stale). Types come
 * from the server's schemas (type-only imports: no schema code reaches the bundle).
 */
import type { z } from 'zod';
import type {
  StoryMap,
  StoryMapCard,
  StoryMapOperation,
  StoryMapSlice,
  StoryMapSummary,
} from '../../schemas/story-map.ts';
import { client, ifMatch, ok } from './client.ts';

export type StoryMapT = z.infer<typeof StoryMap>;
export type StoryMapSummaryT = z.infer<typeof StoryMapSummary>;
export type StoryMapCardT = z.infer<typeof StoryMapCard>;
export type StoryMapSliceT = z.infer<typeof StoryMapSlice>;
export type StoryMapOperationT = z.input<typeof StoryMapOperation>;

export const storyMapsApi = {
  list: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/story-maps', { params: { path: { productId } }, signal })).then(
      (body) => body.storyMaps,
    ),
  create: (productId: string, input: { name: string; initiativeId?: string | null }) =>
    ok(client.POST('/products/{productId}/story-maps', { params: { path: { productId } }, body: input })),
  get: (id: string, signal?: AbortSignal) =>
    ok(client.GET('/story-maps/{id}', { params: { path: { id } }, signal })),
  rename: (id: string, version: number, name: string) =>
    ok(
      client.PATCH('/story-maps/{id}', {
        params: { path: { id } },
        body: { name },
        headers: ifMatch(version),
      }),
    ),
  /** Applies one operation made from `version` of the map. */
  operate: (id: string, version: number, operation: StoryMapOperationT) =>
    ok(
      client.POST('/story-maps/{id}/operations', {
        params: { path: { id } },
        body: operation,
        headers: ifMatch(version),
      }),
    ),
  remove: (id: string) => ok(client.DELETE('/story-maps/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/story-maps/{id}/restore', { params: { path: { id } } })),
};

/** A read started early, and when (a late one is not used: the map may have changed since). */
const early = new Map<string, { at: number; map: Promise<StoryMapT> }>();
const EARLY_FRESH_MS = 10_000;
const MAP_ADDRESS = /^\/p\/[A-Z]{2,10}\/story-maps\/([0-9a-f-]{36})\/?$/i;

/**
 * Starts reading the map the address shows while its screen's code is still on its way (lazy-screens.tsx
 * calls it with the chunk's import), so the two arrive together instead of one after the other.
 */
export function prefetchStoryMapOf(pathname: string): void {
  const id = MAP_ADDRESS.exec(pathname)?.[1];
  if (!id || early.has(id)) return;
  const map = storyMapsApi.get(id);
  map.catch(() => undefined);
  early.set(id, { at: Date.now(), map });
}

/** The early read of a map, once, if it is still fresh. */
export function takePrefetchedStoryMap(id: string): Promise<StoryMapT> | undefined {
  const entry = early.get(id);
  early.delete(id);
  return entry && Date.now() - entry.at < EARLY_FRESH_MS ? entry.map : undefined;
}
