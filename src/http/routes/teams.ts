/** Teams of a product and their members. */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import { CreateTeamInput, Team, UpdateTeamInput } from '../../schemas/team.ts';
import { createTeam } from '../../services/teams/create-team.ts';
import { deleteTeam } from '../../services/teams/delete-team.ts';
import { getTeam } from '../../services/teams/get-team.ts';
import { listTeams } from '../../services/teams/list-teams.ts';
import { updateTeam } from '../../services/teams/update-team.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const oneTeam = versionedContent(Team, 'The team', 'team');
const tags = ['teams'];
const byId = { params: z.object({ id: Id }) };
const inProduct = productRefParams;

const create = createRoute({
  method: 'post',
  path: '/products/{productId}/teams',
  operationId: 'createTeam',
  tags,
  summary: 'Create a team with its members (active users)',
  security: authenticated,
  request: { ...inProduct, ...jsonBody(CreateTeamInput) },
  responses: { 201: oneTeam, ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/teams',
  operationId: 'listTeams',
  tags,
  summary: "The product's teams (not those in the trash), by name",
  security: authenticated,
  request: inProduct,
  responses: { 200: jsonContent(z.object({ teams: z.array(Team) }), 'Teams'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/teams/{id}',
  operationId: 'getTeam',
  tags,
  summary: 'One team; a trashed team shows `deletedAt`',
  security: authenticated,
  request: byId,
  responses: { 200: oneTeam, ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/teams/{id}',
  operationId: 'updateTeam',
  tags,
  summary: 'Change name, description or members; with If-Match, a stale version gets 412',
  security: authenticated,
  request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateTeamInput) },
  responses: {
    200: oneTeam,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/teams/{id}',
  operationId: 'deleteTeam',
  tags,
  summary: 'Move a team to the trash (409 while it has an active sprint)',
  security: authenticated,
  request: byId,
  responses: { 200: oneTeam, ...commonErrors },
});

export const teamRoutes = createRouter()
  .openapi(create, async (c) => {
    const team = await createTeam({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    c.header('ETag', `"${team.version}"`);
    return c.json(team, 201);
  })
  .openapi(list, async (c) => {
    const teams = await listTeams({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ teams }, 200);
  })
  .openapi(get, async (c) => {
    const team = await getTeam({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${team.version}"`);
    return c.json(team, 200);
  })
  .openapi(update, async (c) => {
    const team = await updateTeam({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    c.header('ETag', `"${team.version}"`);
    return c.json(team, 200);
  })
  .openapi(remove, async (c) => {
    const team = await deleteTeam({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    c.header('ETag', `"${team.version}"`);
    return c.json(team, 200);
  });
