/**
 * Reads a story map's contents in backbone order: activities, their steps, the stories under each step
 * (with the item fields a card shows) and the slices. Every read is bounded by the map's limits.
 */

import type { ItemStatusName } from '../../domain/item-status.ts';
import { compareRanks } from '../../domain/rank.ts';
import { LIMITS } from '../../schemas/limits.ts';
import type { Db } from '../../store/database.ts';

export interface ActivityRow {
  id: string;
  title: string;
  rank: string;
}
export interface StepRow {
  id: string;
  activity_id: string;
  title: string;
  rank: string;
}
export interface PlacementRow {
  item_id: string;
  step_id: string;
  rank: string;
  key: string;
  title: string;
  type: 'story' | 'task' | 'bug' | 'spike';
  status: ItemStatusName;
  estimate: number | null;
  release_id: string | null;
  sprint_id: string | null;
  item_version: number;
  deleted_at: string | null;
}
export interface SliceRow {
  id: string;
  name: string;
  release_id: string | null;
  sprint_id: string | null;
  rank: string;
}

const byRank = (a: { rank: string }, b: { rank: string }) => compareRanks(a.rank, b.rank);

export function loadActivities(db: Db, mapId: string): Promise<ActivityRow[]> {
  return db
    .selectFrom('story_map_activities')
    .select(['id', 'title', 'rank'])
    .where('map_id', '=', mapId)
    .limit(LIMITS.storyMapActivities)
    .execute()
    .then((rows) => rows.sort(byRank));
}

/** Steps grouped by activity in `activities` order, each group by rank. */
export async function loadSteps(
  db: Db,
  mapId: string,
  activities: readonly ActivityRow[],
): Promise<StepRow[]> {
  const rows = await db
    .selectFrom('story_map_steps')
    .select(['id', 'activity_id', 'title', 'rank'])
    .where('map_id', '=', mapId)
    .limit(LIMITS.storyMapActivities * LIMITS.storyMapSteps)
    .execute();
  const order = new Map(activities.map((a, index) => [a.id, index]));
  return rows.sort(
    (a, b) =>
      (order.get(a.activity_id) ?? 0) - (order.get(b.activity_id) ?? 0) || compareRanks(a.rank, b.rank),
  );
}

/** Placements grouped by step in `steps` order, each group by rank, with their items' card fields. */
export async function loadPlacements(
  db: Db,
  mapId: string,
  steps: readonly StepRow[],
): Promise<PlacementRow[]> {
  const rows = await db
    .selectFrom('story_map_placements as p')
    .innerJoin('items as i', 'i.id', 'p.item_id')
    .select([
      'p.item_id',
      'p.step_id',
      'p.rank',
      'i.key',
      'i.title',
      'i.type',
      'i.status',
      'i.estimate',
      'i.release_id',
      'i.sprint_id',
      'i.version as item_version',
      'i.deleted_at',
    ])
    .where('p.map_id', '=', mapId)
    .limit(LIMITS.storyMapStories)
    .execute();
  const order = new Map(steps.map((s, index) => [s.id, index]));
  return rows
    .map((row) => ({ ...row, estimate: row.estimate === null ? null : Number(row.estimate) }))
    .sort(
      (a, b) => (order.get(a.step_id) ?? 0) - (order.get(b.step_id) ?? 0) || compareRanks(a.rank, b.rank),
    );
}

export function loadSlices(db: Db, mapId: string): Promise<SliceRow[]> {
  return db
    .selectFrom('story_map_slices')
    .select(['id', 'name', 'release_id', 'sprint_id', 'rank'])
    .where('map_id', '=', mapId)
    .limit(LIMITS.storyMapSlices)
    .execute()
    .then((rows) => rows.sort(byRank));
}
