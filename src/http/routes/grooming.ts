/** Grooming writes that change several items at once: merging a duplicate, splitting an item. */
import { createRoute, z } from '@hono/zod-openapi';
import { Item, ItemRef, MergeItemsInput, SplitItemInput } from '../../schemas/item.ts';
import { mergeItems } from '../../services/grooming/merge-items.ts';
import { splitItem } from '../../services/grooming/split-item.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const tags = ['grooming'];
const itemParams = { params: z.object({ idOrKey: ItemRef }) };

const merge = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/merge',
  operationId: 'mergeItems',
  tags,
  summary: 'Merge a duplicate into this item: its criteria, labels and links move here, it goes to the trash',
  description:
    'One transaction. Both histories are kept: the duplicate is in the trash (restorable) with a `merged` ' +
    'event naming this item, and this item records a `merged` event naming it.',
  security: authenticated,
  request: { ...itemParams, ...jsonBody(MergeItemsInput) },
  responses: { 200: jsonContent(Item, 'The item kept, with what it took over'), ...commonErrors },
});

const split = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/split',
  operationId: 'splitItem',
  tags,
  summary: 'Split an item into 2–10 parts: it becomes the first, the others are new items just below it',
  security: authenticated,
  request: { ...itemParams, ...jsonBody(SplitItemInput) },
  responses: {
    201: jsonContent(
      z.object({ original: Item, created: z.array(Item) }).openapi('SplitResult'),
      'The item and the new parts, in order',
    ),
    ...commonErrors,
  },
});

export const groomingRoutes = createRouter()
  .openapi(merge, async (c) =>
    c.json(
      await mergeItems({
        db: c.get('options').db,
        actor: c.get('actor'),
        id: c.req.valid('param').idOrKey,
        input: c.req.valid('json'),
      }),
      200,
    ),
  )
  .openapi(split, async (c) =>
    c.json(
      await splitItem({
        db: c.get('options').db,
        actor: c.get('actor'),
        id: c.req.valid('param').idOrKey,
        input: c.req.valid('json'),
      }),
      201,
    ),
  );
