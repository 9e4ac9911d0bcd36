/** A product's event log, for polling; stream.ts pushes the same events live. */
import { createRoute, z } from '@hono/zod-openapi';
import { Id } from '../../schemas/common.ts';
import { EventPage } from '../../schemas/dependency.ts';
import { listProductEvents } from '../../services/events/list-events.ts';
import { authenticated, commonErrors, createRouter, jsonContent } from '../openapi.ts';

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/events',
  operationId: 'listProductEvents',
  tags: ['events'],
  summary: 'Events after a cursor, oldest first; pass `nextCursor` back as `after` to poll',
  security: authenticated,
  request: {
    params: z.object({ productId: Id }),
    query: z
      .object({
        after: z.string().max(20).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  },
  responses: { 200: jsonContent(EventPage, 'Events'), ...commonErrors },
});

export const eventRoutes = createRouter().openapi(list, async (c) => {
  const { after, limit } = c.req.valid('query');
  const page = await listProductEvents({
    db: c.get('options').db,
    actor: c.get('actor'),
    productId: c.req.valid('param').productId,
    after,
    limit,
  });
  return c.json(page, 200);
});
