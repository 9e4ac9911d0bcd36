/**
 * The tables of user story maps (migration 012). Part of store/tables.ts's `Tables`; same column
 * conventions. Child rows are ordered by rank keys (domain/rank.ts) and versioned through their map.
 */

export interface StoryMapsTable {
  id: string;
  product_id: string;
  initiative_id: string | null;
  name: string;
  name_key: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A user activity of the map's backbone, left to right by rank. */
export interface StoryMapActivitiesTable {
  id: string;
  map_id: string;
  title: string;
  rank: string;
}

/** A step of an activity, left to right by rank. */
export interface StoryMapStepsTable {
  id: string;
  map_id: string;
  activity_id: string;
  title: string;
  rank: string;
}

/** A backlog item under a step, top to bottom by rank (priority). */
export interface StoryMapPlacementsTable {
  map_id: string;
  item_id: string;
  step_id: string;
  rank: string;
}

/** A release slice across the map, top to bottom by rank; tied to one release or one sprint. */
export interface StoryMapSlicesTable {
  id: string;
  map_id: string;
  name: string;
  release_id: string | null;
  sprint_id: string | null;
  rank: string;
}
