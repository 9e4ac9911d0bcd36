/** Health and the OpenAPI document: the two routes that need no authentication. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppOptions } from '../env.ts';
import { createRouter, jsonContent } from '../openapi.ts';

const Database = z.enum(['sqlite', 'postgres']);

const health = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  // Public: load balancers and monitors ask without credentials.
  security: [],
  tags: ['system'],
  summary: 'Whether the server can serve: 200 once it can, 503 with the reason before (or when it cannot)',
  responses: {
    200: jsonContent(
      z.object({ status: z.literal('ok'), database: Database, version: z.string() }).openapi('Health'),
      'The server can serve',
    ),
    503: jsonContent(
      z
        .object({
          status: z.literal('unavailable'),
          reason: z.string().openapi({ example: 'loading the demo data' }),
          database: Database,
          version: z.string(),
        })
        .openapi('Unhealthy'),
      'The server cannot serve yet',
    ),
  },
});

/** Why the server cannot serve a request now, or null when it can. */
async function unavailableBecause(options: AppOptions): Promise<string | null> {
  if (options.readiness?.pending) return options.readiness.pending;
  // A page of the web app would answer "not built": the server is up but not what was deployed.
  if (options.webRoot && !existsSync(join(options.webRoot, 'index.html'))) {
    return 'the web app is not built (npm run build)';
  }
  try {
    await sql`select 1`.execute(options.db);
  } catch {
    return 'the database does not answer';
  }
  return null;
}

export const systemRoutes = createRouter().openapi(health, async (c) => {
  const { dialect, version } = c.get('options');
  const reason = await unavailableBecause(c.get('options'));
  if (reason !== null) {
    return c.json({ status: 'unavailable' as const, reason, database: dialect, version }, 503);
  }
  return c.json({ status: 'ok' as const, database: dialect, version }, 200);
});
