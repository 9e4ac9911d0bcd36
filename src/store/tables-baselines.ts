/**
 * The tables of roadmap baselines and announced pivots (migration 013). Part of store/tables.ts's
 * `Tables`; same column conventions.
 */

/** A named snapshot of a product's live initiatives at one event. */
export interface RoadmapBaselinesTable {
  id: string;
  product_id: string;
  name: string;
  name_key: string;
  /** The product's newest event when the snapshot was taken. */
  as_of: number | string;
  /** JSON: domain/roadmap-diff.ts BaselineInitiative[]. */
  snapshot: string;
  initiative_count: number;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** Words that explain a change to an initiative: the roadmap's changelog. */
export interface RoadmapAnnouncementsTable {
  id: string;
  product_id: string;
  initiative_id: string;
  /** The initiative event explained (null only if it could not be found). */
  event_id: number | string | null;
  /** JSON: that event's changes. */
  changes: string;
  /** 1 when the change was a pivot. */
  pivot: number;
  text: string;
  public_text: string | null;
  created_by: string | null;
  created_at: string;
  /** Migration 015: edits of the words are versioned; an announcement goes to the trash. */
  version: number;
  updated_at: string;
  deleted_at: string | null;
}
