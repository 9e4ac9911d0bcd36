/** The table of PRDs (migration 011). Part of store/tables.ts's `Tables`; same column conventions. */

/** A product requirements document, optionally tied to one initiative of its product. */
export interface PrdsTable {
  id: string;
  product_id: string;
  initiative_id: string | null;
  title: string;
  problem: string;
  /** JSON: schemas/prd.ts SuccessMetric[]. */
  success_metrics: string;
  /** JSON: schemas/prd.ts Requirement[]. */
  requirements: string;
  technical_considerations: string;
  open_questions: string;
  status: 'draft' | 'in_review' | 'approved' | 'superseded';
  /** JSON: schemas/prd.ts Reviewer[]. */
  reviewers: string;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export type PrdRow = PrdsTable;
