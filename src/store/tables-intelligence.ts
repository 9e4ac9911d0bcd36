/**
 * The tables of planning intelligence (migration 009): a product's planning settings, its strategic
 * reviews and its saved backlog views. Part of store/tables.ts's `Tables`; same column conventions.
 */

/** A product's planning settings; a product without a row has the defaults. `id` is the product's id. */
export interface ProductSettingsTable {
  id: string;
  product_id: string;
  /** JSON: schemas/readiness.ts DefinitionOfReadySettings. */
  definition_of_ready: string;
  /** JSON: schemas/grooming.ts GroomingSettings. */
  grooming: string;
  /** Migration 010: `light` | `full` (domain/cadence-profiles.ts); `full` for rows written before. */
  process_profile: string;
  /** Migration 010: JSON of the cadences the product adjusted and their time zone (services/cadences). */
  cadences: string;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A monthly strategic review: the decisions taken, over a snapshot of the figures they were taken on. */
export interface ReviewsTable {
  id: string;
  product_id: string;
  decisions: string;
  /** JSON: the figures shown when the review was recorded. */
  snapshot: string;
  /** The product's newest event when the figures were computed. */
  as_of: number | string;
  created_by: string | null;
  created_at: string;
}

/** A named set of the backlog's filters, shared by the product's members. */
export interface SavedViewsTable {
  id: string;
  product_id: string;
  name: string;
  name_key: string;
  /** JSON: schemas/view.ts BacklogFilterSet. */
  filters: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
