/**
 * The backlog's filter rules as plain values: the sorts it offers and how many values one filter may hold.
 * No zod here, so the web app imports them without the schema code (schemas/view.ts builds its schemas
 * from them).
 */
export const BACKLOG_SORTS = ['rank', 'key', 'title', 'type', 'status', 'estimate', 'updated'] as const;
export type BacklogSort = (typeof BACKLOG_SORTS)[number];

/** Values one filter may hold at most. */
export const MAX_FILTER_VALUES = 50;
