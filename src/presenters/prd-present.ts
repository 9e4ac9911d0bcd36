/** What leaves the server of a PRD: parsed sections, reviewers with their names, linked items' keys. */
import type { ReviewerState } from '../domain/prd-rules.ts';
import type { Prd, PrdSummary } from '../schemas/prd.ts';
import type { PrdRow } from '../store/tables-prds.ts';

export interface StoredRequirement {
  id: string;
  text: string;
  itemIds: string[];
}

export interface StoredMetric {
  name: string;
  baseline: string | null;
  target: string | null;
  measured: string | null;
}

export interface LinkedItemView {
  id: string;
  key: string;
  title: string;
  status: string;
  trashed: boolean;
}

/** The JSON columns of a row, parsed. */
export function parsePrd(row: PrdRow) {
  return {
    successMetrics: JSON.parse(row.success_metrics) as StoredMetric[],
    requirements: JSON.parse(row.requirements) as StoredRequirement[],
    reviewers: JSON.parse(row.reviewers) as ReviewerState[],
  };
}

function presentReviewers(reviewers: ReviewerState[], names: ReadonlyMap<string, string>) {
  return reviewers.map((r) => ({ ...r, name: names.get(r.userId) ?? '' }));
}

export function presentPrd(
  row: PrdRow,
  names: ReadonlyMap<string, string>,
  linkedItems: readonly LinkedItemView[],
): Prd {
  const parsed = parsePrd(row);
  return {
    id: row.id,
    productId: row.product_id,
    initiativeId: row.initiative_id,
    title: row.title,
    problem: row.problem,
    successMetrics: parsed.successMetrics,
    requirements: parsed.requirements,
    technicalConsiderations: row.technical_considerations,
    openQuestions: row.open_questions,
    status: row.status,
    reviewers: presentReviewers(parsed.reviewers, names),
    linkedItems: [...linkedItems],
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export function presentPrdSummary(row: PrdRow, names: ReadonlyMap<string, string>): PrdSummary {
  const parsed = parsePrd(row);
  return {
    id: row.id,
    productId: row.product_id,
    initiativeId: row.initiative_id,
    title: row.title,
    status: row.status,
    successMetrics: parsed.successMetrics,
    requirementCount: parsed.requirements.length,
    reviewers: presentReviewers(parsed.reviewers, names),
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
