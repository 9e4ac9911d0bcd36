/**
 * The sprints, releases and saved views that the backlog, the item panel and the palette offer, read through
 * the query cache under the same keys as the sprint and release screens (one read serves them all); the
 * live bridge marks them stale when one changes.
 */
import { useQuery } from '@tanstack/react-query';
import { type SprintT, sprintsApi } from '../api/execution.ts';
import { listReleases, type ReleaseT } from '../api/releases.ts';
import { type SavedViewT, viewsApi } from '../api/views.ts';
import { queryKeys } from './query-keys.ts';

const NO_SPRINTS: SprintT[] = [];
const NO_RELEASES: ReleaseT[] = [];
const NO_VIEWS: SavedViewT[] = [];

/** Every sprint of the product (closed ones too: an item may still name one). */
export function useSprints(productId: string): SprintT[] {
  const { data } = useQuery({
    queryKey: queryKeys.sprints(productId),
    queryFn: () => sprintsApi.list(productId),
  });
  return data ?? NO_SPRINTS;
}

export function useReleases(productId: string): ReleaseT[] {
  const { data } = useQuery({
    queryKey: queryKeys.releaseList(productId),
    queryFn: ({ signal }) => listReleases(productId, signal),
  });
  return data ?? NO_RELEASES;
}

export function useViews(productId: string) {
  const { data, error } = useQuery({
    queryKey: queryKeys.views(productId),
    queryFn: ({ signal }) => viewsApi.list(productId, signal),
  });
  return { views: data ?? NO_VIEWS, error: error ? error.message : null };
}

/** Sprints work can be planned into: planned or active. */
export function plannableSprints(sprints: readonly SprintT[]): SprintT[] {
  return sprints.filter((sprint) => sprint.state !== 'closed');
}

/** Releases work can be aimed at: any not cancelled. */
export function openReleases(releases: readonly ReleaseT[]): ReleaseT[] {
  return releases.filter((release) => release.state !== 'cancelled');
}
