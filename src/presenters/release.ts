/** A stored release as the API returns it, with the counts of its items. */
import type { Release } from '../schemas/release.ts';
import type { ReleaseRow } from '../store/tables.ts';

export interface ReleaseCounts {
  itemCount: number;
  doneCount: number;
}

export const NO_ITEMS: ReleaseCounts = { itemCount: 0, doneCount: 0 };

export function presentRelease(row: ReleaseRow, counts: ReleaseCounts): Release {
  return {
    id: row.id,
    productId: row.product_id,
    name: row.name,
    description: row.description,
    targetDate: row.target_date,
    state: row.state,
    releasedAt: row.released_at,
    notesDraft: row.notes_draft,
    notesGeneratedAt: row.notes_generated_at,
    notesPublished: row.notes_published,
    notesPublishedAt: row.notes_published_at,
    itemCount: counts.itemCount,
    doneCount: counts.doneCount,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}
