/** Backlog items: create, list, the whole backlog, read, change (one or many), move, trash, restore, history. */
import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import { Event } from '../../schemas/dependency.ts';
import {
  Backlog,
  BacklogQuery,
  BulkUpdateItemsInput,
  CreateItemInput,
  Item,
  ItemPage,
  ItemRef,
  ListItemsQuery,
  MoveItemInput,
  UpdateItemInput,
} from '../../schemas/item.ts';
import { listItemHistory } from '../../services/events/list-events.ts';
import { bulkUpdateItems } from '../../services/items/bulk-update-items.ts';
import { createItem } from '../../services/items/create-item.ts';
import { getItem } from '../../services/items/get-item.ts';
import { listBacklogJson } from '../../services/items/list-backlog.ts';
import { listItems } from '../../services/items/list-items.ts';
import { moveItem } from '../../services/items/move-item.ts';
import { setItemTrashed } from '../../services/items/set-item-trashed.ts';
import { updateItem } from '../../services/items/update-item.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const oneItem = versionedContent(Item, 'The item', 'item');
// Every item route takes the id or the key (CAI-42), as people name items by key.
const byId = { params: z.object({ idOrKey: ItemRef }) };

const create = createRoute({
  method: 'post',
  path: '/products/{productId}/items',
  operationId: 'createItem',
  tags: ['items'],
  summary: 'Create an item at the bottom, or just above `beforeId` / below `afterId`',
  security: authenticated,
  request: { params: z.object({ productId: Id }), ...jsonBody(CreateItemInput) },
  responses: { 201: oneItem, ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/items',
  operationId: 'listItems',
  tags: ['items'],
  summary: 'Live items in rank order, filtered, one page at a time (pass `nextCursor` as `cursor`)',
  security: authenticated,
  request: { params: z.object({ productId: Id }), query: ListItemsQuery },
  responses: { 200: jsonContent(ItemPage, 'A page of items'), ...commonErrors },
});

const backlog = createRoute({
  method: 'get',
  path: '/products/{productId}/backlog',
  operationId: 'listBacklogItems',
  tags: ['items'],
  summary: 'Every live item as a backlog row, in rank order, with the event cursor to stream from',
  description:
    'Takes the product id or its key (`CHK`), so a client can ask for the backlog of the product in its ' +
    'address before it has looked the id up.',
  security: authenticated,
  request: { ...productRefParams, query: BacklogQuery },
  responses: { 200: jsonContent(Backlog, 'The backlog'), ...commonErrors },
});

const bulkUpdate = createRoute({
  method: 'post',
  path: '/products/{productId}/items/bulk-update',
  operationId: 'bulkUpdateItems',
  tags: ['items'],
  summary: 'Change up to 1000 items at once, all or nothing; unchanged items are left as they were',
  security: authenticated,
  request: { params: z.object({ productId: Id }), ...jsonBody(BulkUpdateItemsInput) },
  responses: {
    200: jsonContent(z.object({ items: z.array(Item) }), 'The items, in the order named'),
    ...commonErrors,
  },
});

const get = createRoute({
  method: 'get',
  path: '/items/{idOrKey}',
  operationId: 'getItem',
  tags: ['items'],
  summary: 'One item by id or key (CAI-42); trashed items show `deletedAt`',
  security: authenticated,
  request: { params: z.object({ idOrKey: ItemRef }) },
  responses: { 200: oneItem, ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/items/{idOrKey}',
  operationId: 'updateItem',
  tags: ['items'],
  summary: 'Change fields; with If-Match, a stale version is refused (412) and nothing changes',
  security: authenticated,
  request: {
    ...byId,
    ...ifMatchHeader,
    ...jsonBody(UpdateItemInput),
  },
  responses: {
    200: oneItem,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const move = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/move',
  operationId: 'moveItem',
  tags: ['items'],
  summary: 'Move the item just above `beforeId` or just below `afterId`',
  security: authenticated,
  request: { ...byId, ...jsonBody(MoveItemInput) },
  responses: { 200: oneItem, ...commonErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/items/{idOrKey}',
  operationId: 'deleteItem',
  tags: ['items'],
  summary: 'Move the item to the trash',
  security: authenticated,
  request: byId,
  responses: { 200: oneItem, ...commonErrors },
});

const restore = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/restore',
  operationId: 'restoreItem',
  tags: ['items'],
  summary: 'Restore the item from the trash to its old place',
  security: authenticated,
  request: byId,
  responses: { 200: oneItem, ...commonErrors },
});

const history = createRoute({
  method: 'get',
  path: '/items/{idOrKey}/history',
  operationId: 'listItemHistory',
  tags: ['items'],
  summary: "The item's events, oldest first",
  security: authenticated,
  request: byId,
  responses: { 200: jsonContent(z.object({ events: z.array(Event) }), 'History'), ...commonErrors },
});

export const itemRoutes = createRouter()
  .openapi(create, async (c) => {
    const item = await createItem({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 201);
  })
  .openapi(list, async (c) => {
    const page = await listItems({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      query: c.req.valid('query'),
    });
    return c.json(page, 200);
  })
  .openapi(backlog, async (c) => {
    // Sent as the JSON text the service built (on SQLite the database writes it): 20,000 rows are never
    // turned into objects only to be stringified again.
    const body = await listBacklogJson({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      limit: c.req.valid('query').limit,
    });
    return c.body(body, 200, { 'Content-Type': 'application/json' }) as unknown as TypedResponse<
      z.infer<typeof Backlog>,
      200,
      'json'
    >;
  })
  .openapi(bulkUpdate, async (c) => {
    const items = await bulkUpdateItems({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json({ items }, 200);
  })
  .openapi(get, async (c) => {
    const item = await getItem({
      db: c.get('options').db,
      actor: c.get('actor'),
      idOrKey: c.req.valid('param').idOrKey,
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 200);
  })
  .openapi(update, async (c) => {
    const item = await updateItem({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').idOrKey,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 200);
  })
  .openapi(move, async (c) => {
    const item = await moveItem({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').idOrKey,
      input: c.req.valid('json'),
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 200);
  })
  .openapi(remove, async (c) => {
    const item = await setItemTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').idOrKey,
      trashed: true,
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 200);
  })
  .openapi(restore, async (c) => {
    const item = await setItemTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').idOrKey,
      trashed: false,
    });
    c.header('ETag', `"${item.version}"`);
    return c.json(item, 200);
  })
  .openapi(history, async (c) => {
    const events = await listItemHistory({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').idOrKey,
    });
    return c.json({ events }, 200);
  });
