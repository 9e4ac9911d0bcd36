/**
 * Which cached reads a live event makes stale: the rules the live bridge (live-invalidation.ts) applies.
 * Pure: the event, the object as it is now, and a summary of what the cache holds in; query keys out.
 */
import { burndownSource, cumulativeFlowSource, velocitySource } from '../api/charts.ts';
import type { EventT } from '../api/types.ts';
import { type QueryKeyT, queryKeys } from './query-keys.ts';

/** What the cache holds that decides whether an event concerns it. */
export interface HeldQueries {
  /** Each sprint detail held, with the ids of its items: one of them changing changes the sprint's numbers. */
  sprints: ReadonlyArray<{ sprintId: string; itemIds: ReadonlySet<string> }>;
  /** Each item's dependencies held, with the ids of its external dependencies. */
  dependencies: ReadonlyArray<{ itemId: string; externalIds: ReadonlySet<string> }>;
  /** Each story map held, with the ids of the items on it: one of them changing changes its cards. */
  storyMaps?: ReadonlyArray<{ mapId: string; itemIds: ReadonlySet<string> }>;
}

/** Events of the plan itself, which the computed reports (queryKeys.analysis) are read from. */
const PLAN_EVENTS = new Set([
  'product',
  'objective',
  'theme',
  'initiative',
  'item',
  'dependency',
  'external_dependency',
  'team',
  'sprint',
  'release',
  'review',
]);

/** Readiness depends on dependencies too: a blocker finishing makes an item ready. */
const DEPENDENCY_EVENTS = new Set(['dependency', 'external_dependency']);

/** True when the event may change what GET /sprints/{id} says. */
export function touchesSprint(
  event: EventT,
  entity: unknown,
  sprintId: string,
  itemIds: ReadonlySet<string>,
): boolean {
  if (event.entityType === 'sprint') return event.entityId === sprintId;
  if (DEPENDENCY_EVENTS.has(event.entityType)) return itemIds.size > 0;
  if (event.entityType !== 'item') return false;
  if (itemIds.has(event.entityId)) return true;
  if ((entity as { sprintId?: string | null } | null)?.sprintId === sprintId) return true;
  return event.changes.sprintId?.includes(sprintId) ?? false;
}

/** The releases an item event concerns: the one it left and the one it joined, or the one it is in. */
function releasesOfItem(event: EventT, entity: unknown): string[] {
  const moved = event.changes.releaseId;
  const ids: unknown[] = moved ? moved : [(entity as { releaseId?: string | null } | null)?.releaseId];
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

/** Whether the event's changes name the item (a dependency's blocker or blocked item). */
function mentions(event: EventT, itemId: string): boolean {
  return Object.values(event.changes).some(([before, after]) => before === itemId || after === itemId);
}

/** The query keys (or key prefixes) to invalidate after this live event. */
export function keysTouchedBy(
  productId: string,
  event: EventT,
  entity: unknown,
  held: HeldQueries,
): QueryKeyT[] {
  // The reports on the plan read all of it: any change to the product's plan may change them.
  const keys: QueryKeyT[] = PLAN_EVENTS.has(event.entityType) ? [queryKeys.analysis(productId)] : [];
  const sprintAndBurndown = (sprintId: string) =>
    keys.push(
      queryKeys.sprint(productId, sprintId),
      queryKeys.chartPath(productId, burndownSource(sprintId).path),
    );
  switch (event.entityType) {
    case 'team':
      keys.push(queryKeys.lists(productId));
      break;
    case 'product':
      // The process profile (which screens lead): the store keeps the product itself live.
      if (event.action === 'process_updated') keys.push(queryKeys.process(productId));
      // Whether viewers may comment: the threads say whether the reader may.
      if (event.action === 'comment_settings_updated') keys.push(queryKeys.comments(productId));
      break;
    case 'sprint':
      keys.push(queryKeys.lists(productId));
      sprintAndBurndown(event.entityId);
      // Closing a sprint adds a bar to its team's velocity.
      keys.push(queryKeys.chartPath(productId, velocitySource(productId, { teamId: '', count: 0 }).path));
      break;
    case 'item': {
      for (const { sprintId, itemIds } of held.sprints) {
        if (touchesSprint(event, entity, sprintId, itemIds)) sprintAndBurndown(sprintId);
      }
      const releases = releasesOfItem(event, entity);
      if (releases.length > 0) keys.push(queryKeys.releaseList(productId));
      for (const releaseId of releases) keys.push(queryKeys.release(productId, releaseId));
      for (const { mapId, itemIds } of held.storyMaps ?? []) {
        if (itemIds.has(event.entityId)) keys.push(queryKeys.storyMap(productId, mapId));
      }
      // A PRD shows its linked items' keys and titles, and its gaps count their trash.
      keys.push(queryKeys.prds(productId));
      const flow = cumulativeFlowSource(productId, { from: '', to: '', timezone: '' });
      keys.push(queryKeys.chartPath(productId, flow.path));
      break;
    }
    case 'dependency':
    case 'external_dependency':
      for (const { sprintId, itemIds } of held.sprints) {
        if (touchesSprint(event, entity, sprintId, itemIds)) keys.push(queryKeys.sprint(productId, sprintId));
      }
      for (const { itemId, externalIds } of held.dependencies) {
        const concerns =
          mentions(event, itemId) ||
          (event.entityType === 'external_dependency' && externalIds.has(event.entityId));
        if (concerns) keys.push(queryKeys.itemDependencies(productId, itemId));
      }
      break;
    case 'release':
      keys.push(queryKeys.releaseList(productId), queryKeys.release(productId, event.entityId));
      break;
    case 'view':
      keys.push(queryKeys.views(productId));
      break;
    case 'prd':
      keys.push(queryKeys.prds(productId));
      break;
    case 'comment':
      // A comment may notify the reader (a mention, a watched object): their count and list are read again.
      keys.push(queryKeys.comments(productId), queryKeys.notifications());
      break;
    case 'vision':
      // A published vision is also what the vision cadence reads.
      keys.push(queryKeys.vision(productId), queryKeys.cadences(productId));
      break;
    case 'share_link':
      keys.push(queryKeys.shareLinks(productId));
      break;
    case 'story_map':
      keys.push(queryKeys.storyMapList(productId), queryKeys.storyMap(productId, event.entityId));
      break;
    // Baselines sit under the plan's reports (queryKeys.baselines): an initiative change marks the diff
    // against now and the changelog stale with them; a baseline's own change, here.
    case 'roadmap_baseline':
      keys.push(queryKeys.baselines(productId));
      break;
    default:
      break;
  }
  return keys;
}
