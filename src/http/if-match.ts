/**
 * Optimistic concurrency over HTTP: responses carry the object's version as an ETag, and a PATCH sends
 * the version it edited in If-Match.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { invalidField } from '../services/errors.ts';
import type { AppEnv } from './env.ts';
import { jsonContent } from './openapi.ts';

/** A JSON response of a versioned object, with its ETag header, for a route's OpenAPI description. */
export function versionedContent<T extends z.ZodType>(schema: T, description: string, noun: string) {
  return {
    ...jsonContent(schema, description),
    headers: {
      ETag: { schema: { type: 'string' as const }, description: `The ${noun} version, quoted: "7"` },
    },
  };
}

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
