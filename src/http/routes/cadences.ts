/**
 * A product's cadences (how often each artifact is due, when it was last done, what is overdue), its
 * process profile, and the trace a grooming session leaves. The profile lives at its own resource:
 * switching it resets the cadences to the profile's defaults and applies its Definition of Ready preset.
 */
import { createRoute } from '@hono/zod-openapi';
import {
  Cadences,
  GroomingSessionInput,
  GroomingSessionRecorded,
  Process,
  UpdateCadencesInput,
  UpdateProcessInput,
} from '../../schemas/cadence.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { getCadences } from '../../services/cadences/get-cadences.ts';
import { recordGroomingSession } from '../../services/cadences/record-grooming.ts';
import { getProcess, updateCadences, updateProcess } from '../../services/cadences/update-settings.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['cadences'];
const cadences = versionedContent(Cadences, 'The cadences', 'product settings');
const process = versionedContent(Process, 'The process profile', 'product settings');
const stale = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };

const getCadencesRoute = createRoute({
  method: 'get',
  path: '/products/{productId}/cadences',
  operationId: 'getCadences',
  tags,
  summary:
    'Each artifact’s cadence: how often (the profile’s default or adjusted), last done (from events), next due, overdue and why',
  security: authenticated,
  request: productRefParams,
  responses: { 200: cadences, ...commonErrors },
});

const putCadences = createRoute({
  method: 'put',
  path: '/products/{productId}/cadences',
  operationId: 'updateCadences',
  tags,
  summary: 'Adjust cadences and the time zone of their calendar (editors); the profile is set at /process',
  description:
    'With If-Match (the version shared with /process and the Definition of Ready), a stale version gets 412.',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader, ...jsonBody(UpdateCadencesInput) },
  responses: { 200: cadences, ...commonErrors, ...stale },
});

const getProcessRoute = createRoute({
  method: 'get',
  path: '/products/{productId}/process',
  operationId: 'getProcess',
  tags,
  summary: "The product's process profile (light or full): the screens that lead, whether PRDs are expected",
  security: authenticated,
  request: productRefParams,
  responses: { 200: process, ...commonErrors },
});

const putProcess = createRoute({
  method: 'put',
  path: '/products/{productId}/process',
  operationId: 'updateProcess',
  tags,
  summary:
    'Switch the process profile (editors): cadences return to its defaults and the Definition of Ready to its preset',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader, ...jsonBody(UpdateProcessInput) },
  responses: { 200: process, ...commonErrors, ...stale },
});

const groomingSession = createRoute({
  method: 'post',
  path: '/products/{productId}/grooming-sessions',
  operationId: 'recordGroomingSession',
  tags,
  summary: 'Record that a grooming session ended, with its counts (the backlog grooming cadence reads it)',
  security: authenticated,
  request: { ...productRefParams, ...jsonBody(GroomingSessionInput) },
  responses: { 201: jsonContent(GroomingSessionRecorded, 'The session recorded'), ...commonErrors },
});

export const cadenceRoutes = createRouter()
  .openapi(getCadencesRoute, async (c) => {
    const result = await getCadences({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(putCadences, async (c) => {
    const result = await updateCadences({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(getProcessRoute, async (c) => {
    const result = await getProcess({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(putProcess, async (c) => {
    const result = await updateProcess({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(groomingSession, async (c) => {
    const result = await recordGroomingSession({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json(result, 201);
  });
