/** Item tools: search a backlog, read one item, create one, change its fields, move it in the ranking. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from '../../schemas/common.ts';
import {
  CreateItemInput,
  ItemRef,
  ListItemsQuery,
  MoveItemInput,
  UpdateItemInput,
} from '../../schemas/item.ts';
import { createItem } from '../../services/items/create-item.ts';
import { getItem } from '../../services/items/get-item.ts';
import { listItems } from '../../services/items/list-items.ts';
import { moveItem } from '../../services/items/move-item.ts';
import { updateItem } from '../../services/items/update-item.ts';
import { defineTool, ProductRef, productIdOf, type ToolContext } from '../tool-kit.ts';

/** An item named by its id or its key. */
export const ItemIdOrKey = ItemRef.describe('The item: its id or its key (e.g. CAI-42).');

/** The version an agent read: a change made by someone since is refused (`version_conflict`). */
export const ExpectedVersion = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .optional()
  .describe(
    'The `version` of the item you read. If someone changed it since, nothing changes and ' +
      'the tool answers version_conflict. Leave it out to change whichever version is current.',
  );

const ITEM_FIELDS =
  'Fields: type (story|task|bug|spike), title, story ({asA, iWant, soThat} or null), description ' +
  '(Markdown), acceptanceCriteria ([{text, done}], replaces the whole list), estimate (points, or null), ' +
  'status (backlog|ready|in_progress|in_review|done|wont_do), initiativeId (the roadmap initiative the ' +
  'item serves, or null), labels, assigneeId, sprintId, releaseId.';

export function registerItemTools(server: McpServer, ctx: ToolContext): void {
  defineTool(
    server,
    ctx,
    {
      name: 'search_items',
      title: 'Search backlog items',
      description:
        "Lists a product's live backlog items in rank order (the top is the most important), filtered " +
        'by full-text `q` (title, description, criteria), status, type, label or initiativeId (`none`: items ' +
        'serving no initiative). Returns `items` and `nextCursor`: pass it as `cursor` for the next page.',
      input: ListItemsQuery.extend({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId, ...query }, as) => ({
      ...(await listItems({ ...as, productId: await productIdOf(as, productId), query })),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_item',
      title: 'Read an item',
      description:
        'One backlog item in full by id or key: story, description, acceptance criteria, estimate, ' +
        'status, initiative, sprint, release, rank and `version` (pass it as expectedVersion when changing it).',
      input: z.object({ idOrKey: ItemIdOrKey }).strict(),
      writes: false,
    },
    async ({ idOrKey }, as) => ({ item: await getItem({ ...as, idOrKey }) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'create_item',
      title: 'Create an item',
      description:
        'Creates a backlog item in a product (editors and above), at the bottom of the backlog or just ' +
        `above beforeId / below afterId (item ids). Only title is required. ${ITEM_FIELDS} ` +
        'Returns the item with its new key.',
      input: CreateItemInput.safeExtend({ productId: ProductRef }),
      writes: true,
    },
    async ({ productId, ...input }, as) => ({
      item: await createItem({ ...as, productId: await productIdOf(as, productId), input }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'update_item',
      title: 'Change an item',
      description:
        `Changes the fields given and leaves the others as they are. ${ITEM_FIELDS} ` +
        'Returns the item as it is now.',
      input: UpdateItemInput.extend({ idOrKey: ItemIdOrKey, expectedVersion: ExpectedVersion }).strict(),
      writes: true,
    },
    async ({ idOrKey, expectedVersion, ...input }, as) => ({
      item: await updateItem({ ...as, id: idOrKey, input, expectedVersion }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'move_item',
      title: 'Reorder an item',
      description:
        'Moves an item in the backlog ranking: just above beforeId or just below afterId (give exactly ' +
        'one; both are item ids of the same product). Returns the item with its new rank.',
      input: MoveItemInput.safeExtend({ idOrKey: ItemIdOrKey }),
      writes: true,
    },
    async ({ idOrKey, ...input }, as) => ({ item: await moveItem({ ...as, id: idOrKey, input }) }),
  );
}
