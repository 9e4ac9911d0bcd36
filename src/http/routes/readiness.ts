/** A product's Definition of Ready, and the readiness of its open items. */
import { createRoute } from '@hono/zod-openapi';
import { ErrorResponse } from '../../schemas/common.ts';
import { DefinitionOfReady, ReadinessReport, UpdateDefinitionOfReadyInput } from '../../schemas/readiness.ts';
import {
  getDefinitionOfReady,
  updateDefinitionOfReady,
} from '../../services/intelligence/definition-of-ready.ts';
import { getReadiness } from '../../services/intelligence/get-readiness.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['planning intelligence'];
const definition = versionedContent(DefinitionOfReady, 'The Definition of Ready', 'Definition of Ready');

const getDefinition = createRoute({
  method: 'get',
  path: '/products/{productId}/definition-of-ready',
  operationId: 'getDefinitionOfReady',
  tags,
  summary: "The product's Definition of Ready: every rule, whether it is on, and the fit-a-sprint limit",
  security: authenticated,
  request: productRefParams,
  responses: { 200: definition, ...commonErrors },
});

const putDefinition = createRoute({
  method: 'put',
  path: '/products/{productId}/definition-of-ready',
  operationId: 'updateDefinitionOfReady',
  tags,
  summary: 'Replace the Definition of Ready (editors): the rules listed are on, the rest off',
  description: 'With If-Match, a Definition of Ready changed since that version gets 412.',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader, ...jsonBody(UpdateDefinitionOfReadyInput) },
  responses: {
    200: definition,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const readiness = createRoute({
  method: 'get',
  path: '/products/{productId}/readiness',
  operationId: 'getReadiness',
  tags,
  summary: 'Every open item, ready or not, with each rule of the Definition of Ready it fails',
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(ReadinessReport, 'The readiness report'), ...commonErrors },
});

export const readinessRoutes = createRouter()
  .openapi(getDefinition, async (c) => {
    const result = await getDefinitionOfReady({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(putDefinition, async (c) => {
    const result = await updateDefinitionOfReady({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(readiness, async (c) =>
    c.json(
      await getReadiness({
        db: c.get('options').db,
        actor: c.get('actor'),
        productId: c.req.valid('param').productId,
      }),
      200,
    ),
  );
