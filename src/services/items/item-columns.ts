/** Maps item input fields (API names) to stored columns. */
import type { UpdateItemInput } from '../../schemas/item.ts';
import type { ItemUpdate } from '../../store/tables.ts';

export function itemColumns(input: UpdateItemInput): ItemUpdate {
  return {
    ...(input.type !== undefined && { type: input.type }),
    ...(input.title !== undefined && { title: input.title }),
    ...(input.story !== undefined && { story: input.story === null ? null : JSON.stringify(input.story) }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.acceptanceCriteria !== undefined && {
      acceptance_criteria: JSON.stringify(input.acceptanceCriteria),
    }),
    ...(input.estimate !== undefined && { estimate: input.estimate }),
    ...(input.status !== undefined && { status: input.status }),
    ...(input.initiativeId !== undefined && { initiative_id: input.initiativeId }),
    ...(input.labels !== undefined && { labels: JSON.stringify(input.labels) }),
    ...(input.assigneeId !== undefined && { assignee_id: input.assigneeId }),
    ...(input.sprintId !== undefined && { sprint_id: input.sprintId }),
    ...(input.releaseId !== undefined && { release_id: input.releaseId }),
  };
}
