/** Helpers for declaring routes: one zod schema per body/response feeds validation, types and OpenAPI. */
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ErrorResponse } from '../schemas/common.ts';
import { AppError } from '../services/errors.ts';
import type { AppEnv } from './env.ts';
import { issuesOf } from './errors.ts';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}

const error = (description: string) => jsonContent(ErrorResponse, description);

/** The failures any authenticated route can answer with. */
export const commonErrors = {
  400: error('Invalid input: `details.issues` names each bad field by its path'),
  401: error('Not authenticated'),
  403: error('Not allowed for this role, or a cross-site write with a session cookie'),
  404: error('Not found, or not visible to the caller'),
  409: error('Conflicts with the current state (duplicate key, dependency cycle, in trash)'),
  413: error('Request body too large'),
  415: error('Request body is not JSON'),
} as const;

/** A product named by its id or its key (`CHK`) in the path. */
export const productRefParams = {
  params: z.object({
    productId: z.string().min(1).max(100).openapi({ description: 'The product id or key' }),
  }),
};

export const authenticated: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** Where a bad field was, in the words of an API user. */
const locationOf: Record<string, string> = { json: 'body', param: 'path', query: 'query', header: 'header' };

/** A router whose validation failures become `validation_failed` errors naming each field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = locationOf[result.target] ?? result.target;
        const issues = issuesOf(result.error).map((issue) => ({ ...issue, in: where }));
        const summary = issues
          .slice(0, 3)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ');
        throw new AppError('validation_failed', `invalid ${where}: ${summary}`, { issues });
      }
    },
  });
}
