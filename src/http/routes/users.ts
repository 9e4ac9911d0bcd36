/** Workspace users: admins add them with a role. */
import { createRoute, z } from '@hono/zod-openapi';
import { CreateUserInput, User } from '../../schemas/user.ts';
import { createUser } from '../../services/users/create-user.ts';
import { listUsers } from '../../services/users/list-users.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const create = createRoute({
  method: 'post',
  path: '/users',
  operationId: 'createUser',
  tags: ['users'],
  summary: 'Add a user with a role (admins; only an owner adds owners)',
  security: authenticated,
  request: jsonBody(CreateUserInput),
  responses: { 201: jsonContent(User, 'The user'), ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/users',
  operationId: 'listUsers',
  tags: ['users'],
  summary: 'Active users of the workspace',
  security: authenticated,
  responses: { 200: jsonContent(z.object({ users: z.array(User) }), 'Users'), 401: commonErrors[401] },
});

export const userRoutes = createRouter()
  .openapi(create, async (c) => {
    const user = await createUser({
      db: c.get('options').db,
      actor: c.get('actor'),
      input: c.req.valid('json'),
    });
    return c.json(user, 201);
  })
  .openapi(list, async (c) =>
    c.json({ users: await listUsers({ db: c.get('options').db, actor: c.get('actor') }) }, 200),
  );
