/**
 * The backlog view's item: what a row of the backlog shows, small enough to hold 20,000 in a browser.
 * Pure (no node or database imports at run time), so the web app can import toBacklogItem to turn an
 * Item it received (from a stream or a write) into the same shape.
 */
import type { BacklogItem } from '../schemas/item.ts';
import type { ItemRow } from '../store/tables.ts';
import type { AcceptanceCriterion, Item } from './planning.ts';

/** An item reduced to its backlog row. */
export function toBacklogItem(item: Item): BacklogItem {
  return {
    id: item.id,
    key: item.key,
    type: item.type,
    title: item.title,
    status: item.status,
    estimate: item.estimate,
    initiativeId: item.initiativeId,
    labels: item.labels,
    assigneeId: item.assigneeId,
    sprintId: item.sprintId,
    releaseId: item.releaseId,
    rank: item.rank,
    version: item.version,
    updatedAt: item.updatedAt,
    hasStory: item.story !== null,
    criteriaTotal: item.acceptanceCriteria.length,
    criteriaDone: item.acceptanceCriteria.filter((criterion) => criterion.done).length,
  };
}

/** The columns the backlog query reads: the story only as a flag, the criteria still as JSON. */
export type BacklogRow = Pick<
  ItemRow,
  | 'id'
  | 'key'
  | 'type'
  | 'title'
  | 'status'
  | 'estimate'
  | 'initiative_id'
  | 'labels'
  | 'assignee_id'
  | 'sprint_id'
  | 'release_id'
  | 'rank'
  | 'version'
  | 'updated_at'
  | 'acceptance_criteria'
> & { has_story: boolean | number };

/** A backlog row from the database; most items have no labels or criteria, and skip JSON.parse. */
export function presentBacklogRow(row: BacklogRow): BacklogItem {
  const criteria =
    row.acceptance_criteria === '[]' ? [] : (JSON.parse(row.acceptance_criteria) as AcceptanceCriterion[]);
  let done = 0;
  for (const criterion of criteria) if (criterion.done) done += 1;
  return {
    id: row.id,
    key: row.key,
    type: row.type,
    title: row.title,
    status: row.status,
    estimate: row.estimate,
    initiativeId: row.initiative_id,
    labels: row.labels === '[]' ? [] : (JSON.parse(row.labels) as string[]),
    assigneeId: row.assignee_id,
    sprintId: row.sprint_id,
    releaseId: row.release_id,
    rank: row.rank,
    version: row.version,
    updatedAt: row.updated_at,
    hasStory: Boolean(row.has_story),
    criteriaTotal: criteria.length,
    criteriaDone: done,
  };
}
