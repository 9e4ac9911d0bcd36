/** Optimistic concurrency over HTTP: the If-Match header a PATCH sends with the version it edited. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalidField } from '../services/errors.ts';
import type { AppEnv } from './env.ts';

/** Parses If-Match: `"7"`, `W/"7"`, `7`, or `*` / absent (any version). */
export function expectedVersion(c: Context<AppEnv>): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) throw invalidField('If-Match', 'must be an ETag this API returned, such as "3"');
  return Number(match[1]);
}

/** The request header, for a route's OpenAPI description. */
export const ifMatchHeader = {
  headers: z.object({ 'if-match': z.string().optional().describe('The ETag of the version you edited') }),
};
