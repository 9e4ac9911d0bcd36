/** Health and the OpenAPI document: the two routes that need no authentication. */
import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, jsonContent } from '../openapi.ts';

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  // Public: load balancers and monitors ask without credentials.
  security: [],
  tags: ['system'],
  summary: 'Liveness and the database in use',
  responses: {
    200: jsonContent(
      z
        .object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() })
        .openapi('Health'),
      'The server is up',
    ),
  },
});

export const systemRoutes = createRouter().openapi(health, async (c) => {
  const { dialect, version } = c.var.options;
  return c.json({ status: 'ok' as const, database: dialect, version }, 200);
});
