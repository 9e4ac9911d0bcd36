/** Backlog items, their ordering, and the list query. */
import { ITEM_STATUSES } from '../domain/item-status.ts';
import { Cursor, Id, Limit, requiredText, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';

export const ItemType = z.enum(['story', 'task', 'bug', 'spike']).openapi('ItemType');
export const ItemStatus = z.enum(ITEM_STATUSES).openapi('ItemStatus');

/** "As a … I want … so that …" */
export const Story = z
  .object({
    asA: requiredText(LIMITS.storyAsA),
    iWant: requiredText(LIMITS.storyIWant),
    soThat: text(LIMITS.storySoThat).default(''),
  })
  .strict()
  .openapi('Story');

export const AcceptanceCriterion = z
  .object({ text: requiredText(LIMITS.criterionText), done: z.boolean().default(false) })
  .strict()
  .openapi('AcceptanceCriterion');

export const Label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(LIMITS.label, `must be at most ${LIMITS.label} characters`)
  .regex(/^[^,\s][^,]*$/, 'must not contain commas')
  .refine((s) => !s.includes('\u0000'), 'must not contain NUL characters');

/** An item's id or its key (CAI-42). */
export const ItemRef = z.string().min(1).max(LIMITS.itemRef).openapi({ example: 'CAI-42' });

const fields = {
  type: ItemType,
  title: requiredText(LIMITS.itemTitle),
  story: Story.nullable(),
  description: text(LIMITS.itemDescription).describe('Markdown.'),
  acceptanceCriteria: z
    .array(AcceptanceCriterion)
    .max(LIMITS.criteria, `must list at most ${LIMITS.criteria} criteria`),
  estimate: z
    .number()
    .min(0, 'must be at least 0')
    .max(LIMITS.estimate, `must be at most ${LIMITS.estimate}`)
    .nullable(),
  status: ItemStatus,
  initiativeId: Id.nullable(),
  labels: z
    .array(Label)
    .max(LIMITS.labels, `must list at most ${LIMITS.labels} labels`)
    .transform((labels) => [...new Set(labels)]),
  assigneeId: Id.nullable(),
  sprintId: Id.nullable().describe('The sprint the item is planned into (not a closed one).'),
  releaseId: Id.nullable().describe('The release the item ships in.'),
};

const placement = {
  beforeId: Id.optional().describe('Place the new item just above this item.'),
  afterId: Id.optional().describe('Place the new item just below this item.'),
};
const onePlacement = (v: { beforeId?: string | undefined; afterId?: string | undefined }) =>
  !(v.beforeId && v.afterId);
const onePlacementMessage = { message: 'give beforeId or afterId, not both', path: ['afterId'] };

export const CreateItemInput = z
  .object({
    ...fields,
    type: ItemType.default('story'),
    story: fields.story.default(null),
    description: fields.description.default(''),
    acceptanceCriteria: fields.acceptanceCriteria.default([]),
    estimate: fields.estimate.default(null),
    status: ItemStatus.default('backlog'),
    initiativeId: fields.initiativeId.default(null),
    labels: fields.labels.default([]),
    assigneeId: fields.assigneeId.default(null),
    sprintId: fields.sprintId.default(null),
    releaseId: fields.releaseId.default(null),
    ...placement,
  })
  .strict()
  .refine(onePlacement, onePlacementMessage)
  .openapi('CreateItemInput');
export type CreateItemInput = z.infer<typeof CreateItemInput>;

export const UpdateItemInput = z.object(fields).partial().strict().openapi('UpdateItemInput');
export type UpdateItemInput = z.infer<typeof UpdateItemInput>;

export const MergeItemsInput = z
  .object({
    duplicateId: ItemRef.describe(
      'The duplicate (id or key) that goes into this item and then to the trash.',
    ),
  })
  .strict()
  .openapi('MergeItemsInput');
export type MergeItemsInput = z.infer<typeof MergeItemsInput>;

const SplitPart = z
  .object({
    title: fields.title,
    estimate: fields.estimate.optional(),
    acceptanceCriteria: fields.acceptanceCriteria.optional(),
  })
  .strict();

export const SplitItemInput = z
  .object({
    parts: z
      .array(SplitPart)
      .min(2, 'must list at least 2 parts')
      .max(10, 'must list at most 10 parts')
      .describe('The item becomes the first part; each other part is a new item just below the one before.'),
  })
  .strict()
  .openapi('SplitItemInput');
export type SplitItemInput = z.infer<typeof SplitItemInput>;

export const MoveItemInput = z
  .object({
    beforeId: Id.optional().describe('Move the item just above this one.'),
    afterId: Id.optional().describe('Move the item just below this one.'),
  })
  .strict()
  .refine((v) => Boolean(v.beforeId) !== Boolean(v.afterId), {
    message: 'give exactly one of beforeId or afterId',
    path: ['beforeId'],
  })
  .openapi('MoveItemInput');
export type MoveItemInput = z.infer<typeof MoveItemInput>;

export const ListItemsQuery = z
  .object({
    status: ItemStatus.optional(),
    type: ItemType.optional(),
    initiativeId: z
      .union([Id, z.literal('none')])
      .optional()
      .describe('`none` lists items serving no initiative.'),
    label: Label.optional(),
    q: z
      .string()
      .trim()
      .max(LIMITS.search, `must be at most ${LIMITS.search} characters`)
      .optional()
      .describe('Full-text search.'),
    limit: Limit,
    cursor: Cursor,
  })
  .strict();
export type ListItemsQuery = z.infer<typeof ListItemsQuery>;

export const Item = z
  .object({
    id: Id,
    key: z.string(),
    productId: Id,
    type: ItemType,
    title: z.string(),
    story: z.object({ asA: z.string(), iWant: z.string(), soThat: z.string() }).nullable(),
    description: z.string(),
    acceptanceCriteria: z.array(z.object({ text: z.string(), done: z.boolean() })),
    estimate: z.number().nullable(),
    status: ItemStatus,
    initiativeId: Id.nullable(),
    labels: z.array(z.string()),
    assigneeId: Id.nullable(),
    sprintId: Id.nullable(),
    releaseId: Id.nullable(),
    rank: z.string(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
    externalKeys: z
      .array(z.object({ kind: z.string().describe('jira, trello, linear or markdown'), key: z.string() }))
      .optional()
      .describe('Where the item was imported from, by its key there (only on GET /items/{idOrKey}).'),
  })
  .openapi('Item');

export const ItemPage = z
  .object({ items: z.array(Item), nextCursor: z.string().nullable() })
  .openapi('ItemPage');

/** An item as the backlog view holds it: no texts beyond the title, criteria as counts. */
export const BacklogItem = z
  .object({
    id: Id,
    key: z.string(),
    type: ItemType,
    title: z.string(),
    status: ItemStatus,
    estimate: z.number().nullable(),
    initiativeId: Id.nullable(),
    labels: z.array(z.string()),
    assigneeId: Id.nullable(),
    sprintId: Id.nullable(),
    releaseId: Id.nullable(),
    rank: z.string(),
    version: z.number().int(),
    updatedAt: Timestamp,
    hasStory: z.boolean(),
    criteriaTotal: z.number().int(),
    criteriaDone: z.number().int(),
  })
  .openapi('BacklogItem');
export type BacklogItem = z.infer<typeof BacklogItem>;

export const BacklogQuery = z
  .object({
    limit: z.coerce
      .number()
      .int('must be an integer')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .optional()
      .describe("Only the first items in rank order: a screen's first page, drawn before the rest arrives."),
  })
  .strict();

export const Backlog = z
  .object({
    items: z.array(BacklogItem).describe('Every live item of the product, in rank order.'),
    cursor: z
      .string()
      .describe('The last event id before this snapshot ("0" if none): stream from it to miss nothing.'),
  })
  .openapi('Backlog');

/** Labels to add or remove on every item of a bulk update. */
const labelList = z.array(Label).max(LIMITS.labels, `must list at most ${LIMITS.labels} labels`);

export const BulkUpdateItemsInput = z
  .object({
    ids: z
      .array(ItemRef)
      .min(1, 'must name at least one item')
      .max(LIMITS.bulkItems, `must name at most ${LIMITS.bulkItems} items`)
      .describe('Item ids or keys (CAI-42), all of this product.'),
    set: z
      .object({
        status: fields.status,
        initiativeId: fields.initiativeId,
        assigneeId: fields.assigneeId,
        estimate: fields.estimate,
        sprintId: fields.sprintId,
        releaseId: fields.releaseId,
      })
      .partial()
      .strict()
      .optional()
      .describe('Fields to give every item.'),
    addLabels: labelList.optional(),
    removeLabels: labelList.optional(),
  })
  .strict()
  .refine(
    (v) =>
      Object.keys(v.set ?? {}).length > 0 ||
      (v.addLabels?.length ?? 0) > 0 ||
      (v.removeLabels?.length ?? 0) > 0,
    { message: 'give at least one change: set, addLabels or removeLabels', path: ['set'] },
  )
  .refine((v) => !v.addLabels?.some((label) => v.removeLabels?.includes(label)), {
    message: 'must not name a label that addLabels adds',
    path: ['removeLabels'],
  })
  .openapi('BulkUpdateItemsInput');
export type BulkUpdateItemsInput = z.infer<typeof BulkUpdateItemsInput>;
