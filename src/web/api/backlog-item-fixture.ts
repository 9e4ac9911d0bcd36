/** A backlog row for the web app's unit tests: a plain unestimated story unless told otherwise. */
import type { BacklogItemT } from './types.ts';

export function backlogItem(overrides: Partial<BacklogItemT> = {}): BacklogItemT {
  return {
    id: overrides.key ?? 'id',
    key: 'CHK-1',
    type: 'story',
    title: 'Title',
    status: 'backlog',
    estimate: null,
    initiativeId: null,
    labels: [],
    assigneeId: null,
    sprintId: null,
    releaseId: null,
    rank: 'a0',
    version: 1,
    updatedAt: '2025-01-01T00:00:00.000Z',
    hasStory: false,
    criteriaTotal: 0,
    criteriaDone: 0,
    ...overrides,
  };
}
