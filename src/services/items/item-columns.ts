/** Maps item input fields (API names) to stored columns. */
import type { UpdateItemInput } from '../../schemas/item.ts';
import type { ItemRow, ItemUpdate } from '../../store/tables.ts';

/** Every column of an item row but its generated `seq`: what a create and an import write. */
export const ITEM_ROW_COLUMNS = [
  'id',
  'product_id',
  'number',
  'key',
  'type',
  'title',
  'story',
  'description',
  'acceptance_criteria',
  'estimate',
  'status',
  'initiative_id',
  'labels',
  'assignee_id',
  'sprint_id',
  'release_id',
  'rank',
  'version',
  'created_at',
  'updated_at',
  'deleted_at',
] as const satisfies readonly (keyof ItemRow)[];

/**
 * The stored columns of the fields given (undefined ones are left out). Written as assignments: the same
 * mapping as twelve conditional spreads measured ~28 µs a call (each spread copies a fresh object), on
 * every create and update.
 */
export function itemColumns(input: UpdateItemInput): ItemUpdate {
  const columns: ItemUpdate = {};
  if (input.type !== undefined) columns.type = input.type;
  if (input.title !== undefined) columns.title = input.title;
  if (input.story !== undefined) columns.story = input.story === null ? null : JSON.stringify(input.story);
  if (input.description !== undefined) columns.description = input.description;
  if (input.acceptanceCriteria !== undefined) {
    columns.acceptance_criteria = JSON.stringify(input.acceptanceCriteria);
  }
  if (input.estimate !== undefined) columns.estimate = input.estimate;
  if (input.status !== undefined) columns.status = input.status;
  if (input.initiativeId !== undefined) columns.initiative_id = input.initiativeId;
  if (input.labels !== undefined) columns.labels = JSON.stringify(input.labels);
  if (input.assigneeId !== undefined) columns.assignee_id = input.assigneeId;
  if (input.sprintId !== undefined) columns.sprint_id = input.sprintId;
  if (input.releaseId !== undefined) columns.release_id = input.releaseId;
  return columns;
}
