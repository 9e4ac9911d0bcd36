/** Sprints: plan, start, close with a report. */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  CloseSprintInput,
  CreateSprintInput,
  ListSprintsQuery,
  Sprint,
  SprintDetail,
  SprintReport,
  UpdateSprintInput,
} from '../../schemas/sprint.ts';
import { closeSprint } from '../../services/sprints/close-sprint.ts';
import { createSprint } from '../../services/sprints/create-sprint.ts';
import { deleteSprint } from '../../services/sprints/delete-sprint.ts';
import { getSprint } from '../../services/sprints/get-sprint.ts';
import { getSprintReport } from '../../services/sprints/get-sprint-report.ts';
import { listSprints } from '../../services/sprints/list-sprints.ts';
import { startSprint } from '../../services/sprints/start-sprint.ts';
import { updateSprint } from '../../services/sprints/update-sprint.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const oneSprint = versionedContent(Sprint, 'The sprint', 'sprint');
const tags = ['sprints'];
const byId = { params: z.object({ id: Id }) };
const inProduct = productRefParams;

const create = createRoute({
  method: 'post',
  path: '/products/{productId}/sprints',
  operationId: 'createSprint',
  tags,
  summary: "Plan a sprint (WIP limits default to the team's previous sprint's)",
  security: authenticated,
  request: { ...inProduct, ...jsonBody(CreateSprintInput) },
  responses: { 201: oneSprint, ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/sprints',
  operationId: 'listSprints',
  tags,
  summary: "The product's sprints by start date, optionally of one team (`none`: no team) or state",
  security: authenticated,
  request: { ...inProduct, query: ListSprintsQuery },
  responses: { 200: jsonContent(z.object({ sprints: z.array(Sprint) }), 'Sprints'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/sprints/{id}',
  operationId: 'getSprint',
  tags,
  summary: 'A sprint with its items, points, the team velocity and the items that are not ready',
  security: authenticated,
  request: byId,
  responses: { 200: jsonContent(SprintDetail, 'The sprint in detail'), ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/sprints/{id}',
  operationId: 'updateSprint',
  tags,
  summary: 'Change fields (a closed sprint: only name and goal); with If-Match, a stale version gets 412',
  security: authenticated,
  request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateSprintInput) },
  responses: {
    200: oneSprint,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/sprints/{id}',
  operationId: 'deleteSprint',
  tags,
  summary: 'Move a planned sprint to the trash; its items go back to the backlog',
  security: authenticated,
  request: byId,
  responses: { 200: oneSprint, ...commonErrors },
});

const start = createRoute({
  method: 'post',
  path: '/sprints/{id}/start',
  operationId: 'startSprint',
  tags,
  summary: "Start a planned sprint (409 with details.reason 'sprint_active' if the team has one)",
  security: authenticated,
  request: byId,
  responses: { 200: oneSprint, ...commonErrors },
});

const close = createRoute({
  method: 'post',
  path: '/sprints/{id}/close',
  operationId: 'closeSprint',
  tags,
  summary: 'Close the active sprint, moving unfinished items to the next sprint or the backlog top',
  security: authenticated,
  request: { ...byId, ...jsonBody(CloseSprintInput) },
  responses: { 200: jsonContent(SprintReport, 'The sprint report'), ...commonErrors },
});

const report = createRoute({
  method: 'get',
  path: '/sprints/{id}/report',
  operationId: 'getSprintReport',
  tags,
  summary: "A closed sprint's report, or the active sprint's so far (409 for a planned sprint)",
  security: authenticated,
  request: byId,
  responses: { 200: jsonContent(SprintReport, 'The sprint report'), ...commonErrors },
});

export const sprintRoutes = createRouter()
  .openapi(create, async (c) => {
    const sprint = await createSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    c.header('ETag', `"${sprint.version}"`);
    return c.json(sprint, 201);
  })
  .openapi(list, async (c) => {
    const sprints = await listSprints({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      query: c.req.valid('query'),
    });
    return c.json({ sprints }, 200);
  })
  .openapi(get, async (c) => {
    const detail = await getSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${detail.sprint.version}"`);
    return c.json(detail, 200);
  })
  .openapi(update, async (c) => {
    const sprint = await updateSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${sprint.version}"`);
    return c.json(sprint, 200);
  })
  .openapi(remove, async (c) => {
    const sprint = await deleteSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${sprint.version}"`);
    return c.json(sprint, 200);
  })
  .openapi(start, async (c) => {
    const sprint = await startSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${sprint.version}"`);
    return c.json(sprint, 200);
  })
  .openapi(close, async (c) => {
    const closed = await closeSprint({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(closed, 200);
  })
  .openapi(report, async (c) => {
    const sprintReport = await getSprintReport({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.json(sprintReport, 200);
  });
