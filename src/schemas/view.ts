/**
 * Saved backlog views: a named set of the backlog's filters and its sort, shared by a product's members.
 * BacklogFilterSet is the one description of the backlog's filters, read by the server (to validate a
 * view) and by the web app (to filter and sort its rows).
 */
import { Id, requiredText, Timestamp, text, z } from './common.ts';
import { ItemStatus, ItemType, Label } from './item.ts';
import { LIMITS } from './limits.ts';

import { BACKLOG_SORTS, MAX_FILTER_VALUES } from './view-rules.ts';

export { BACKLOG_SORTS, MAX_FILTER_VALUES };

const many = <T extends z.ZodType>(value: T) =>
  z.array(value).max(MAX_FILTER_VALUES, `must list at most ${MAX_FILTER_VALUES} values`).default([]);
/** An id, or `none` for items without one. */
const IdOrNone = z.union([Id, z.literal('none')]);

export const BacklogFilterSet = z
  .object({
    open: z.boolean().default(true).describe("Only open work: done and won't do hidden."),
    status: many(ItemStatus),
    type: many(ItemType),
    initiative: many(IdOrNone),
    theme: many(IdOrNone),
    sprint: many(IdOrNone),
    release: many(IdOrNone),
    label: many(Label),
    assignee: many(IdOrNone),
    readiness: many(z.enum(['ready', 'not_ready'])),
    blocked: many(z.enum(['blocked', 'unblocked'])),
    q: text(LIMITS.viewQuery).default(''),
    sort: z
      .object({
        by: z.enum(BACKLOG_SORTS).default('rank'),
        direction: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict()
      .default({ by: 'rank', direction: 'asc' }),
  })
  .strict()
  .openapi('BacklogFilterSet');
export type BacklogFilterSet = z.infer<typeof BacklogFilterSet>;

export const SavedView = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    filters: BacklogFilterSet,
    createdBy: Id.nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('SavedView');

export const CreateViewInput = z
  .object({ name: requiredText(LIMITS.viewName), filters: BacklogFilterSet })
  .strict()
  .openapi('CreateViewInput');
export type CreateViewInput = z.infer<typeof CreateViewInput>;

export const UpdateViewInput = z
  .object({ name: requiredText(LIMITS.viewName).optional(), filters: BacklogFilterSet.optional() })
  .strict()
  .openapi('UpdateViewInput');
export type UpdateViewInput = z.infer<typeof UpdateViewInput>;
