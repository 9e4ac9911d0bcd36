/**
 * The tables of a product's vision (migration 010): its draft and its published versions. Part of
 * store/tables.ts's `Tables`; same column conventions. Migration 010 also gives product_settings its
 * process profile and cadences (tables-intelligence.ts).
 */

/** A product's vision draft; `id` is the product's id. A product without a row has an empty draft. */
export interface VisionDraftsTable {
  id: string;
  product_id: string;
  /** Markdown. */
  statement: string;
  /** JSON: string[]. */
  target_customers: string;
  problems: string;
  differentiators: string;
  period_start: string | null;
  period_end: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A published version of a product's vision: history, never changed. */
export interface VisionVersionsTable {
  id: string;
  product_id: string;
  /** 1, 2, 3… per product. */
  number: number;
  statement: string;
  target_customers: string;
  problems: string;
  differentiators: string;
  period_start: string | null;
  period_end: string | null;
  published_by: string | null;
  published_at: string;
}
