/** Dependencies between items, and external business dependencies on an item. */
import { createRoute, z } from '@hono/zod-openapi';
import { Id } from '../../schemas/common.ts';
import {
  CreateDependencyInput,
  CreateExternalDependencyInput,
  Dependency,
  ExternalDependency,
  ItemDependencies,
  UpdateExternalDependencyInput,
} from '../../schemas/dependency.ts';
import { ItemRef } from '../../schemas/item.ts';
import { addDependency } from '../../services/dependencies/add-dependency.ts';
import {
  addExternalDependency,
  removeExternalDependency,
  updateExternalDependency,
} from '../../services/dependencies/external-dependencies.ts';
import { listDependencies } from '../../services/dependencies/list-dependencies.ts';
import { removeDependency } from '../../services/dependencies/remove-dependency.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const itemParams = { params: z.object({ idOrKey: ItemRef }) };
const byId = { params: z.object({ id: Id }) };

const add = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/dependencies',
  operationId: 'createDependency',
  tags: ['dependencies'],
  summary: 'Record that this item is blocked by, or blocks, another (by id or key); cycles are refused (409)',
  security: authenticated,
  request: { ...itemParams, ...jsonBody(CreateDependencyInput) },
  responses: { 201: jsonContent(Dependency, 'The dependency'), ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/items/{idOrKey}/dependencies',
  operationId: 'listItemDependencies',
  tags: ['dependencies'],
  summary: 'What blocks the item, what it blocks, and its external dependencies',
  security: authenticated,
  request: itemParams,
  responses: { 200: jsonContent(ItemDependencies, 'Dependencies'), ...commonErrors },
});

const remove = createRoute({
  method: 'delete',
  path: '/dependencies/{id}',
  operationId: 'deleteDependency',
  tags: ['dependencies'],
  summary: 'Remove a dependency',
  security: authenticated,
  request: byId,
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

const addExternal = createRoute({
  method: 'post',
  path: '/items/{idOrKey}/external-dependencies',
  operationId: 'createExternalDependency',
  tags: ['dependencies'],
  summary: 'Record an external business dependency (an approval, a partner) on the item',
  security: authenticated,
  request: { ...itemParams, ...jsonBody(CreateExternalDependencyInput) },
  responses: { 201: jsonContent(ExternalDependency, 'The external dependency'), ...commonErrors },
});

const updateExternal = createRoute({
  method: 'patch',
  path: '/external-dependencies/{id}',
  operationId: 'updateExternalDependency',
  tags: ['dependencies'],
  summary: 'Change an external dependency (e.g. mark it met)',
  security: authenticated,
  request: { ...byId, ...jsonBody(UpdateExternalDependencyInput) },
  responses: { 200: jsonContent(ExternalDependency, 'The external dependency'), ...commonErrors },
});

const removeExternal = createRoute({
  method: 'delete',
  path: '/external-dependencies/{id}',
  operationId: 'deleteExternalDependency',
  tags: ['dependencies'],
  summary: 'Remove an external dependency',
  security: authenticated,
  request: byId,
  responses: { 204: { description: 'Removed' }, ...commonErrors },
});

export const dependencyRoutes = createRouter()
  .openapi(add, async (c) => {
    const dependency = await addDependency({
      db: c.get('options').db,
      actor: c.get('actor'),
      itemId: c.req.valid('param').idOrKey,
      input: c.req.valid('json'),
    });
    return c.json(dependency, 201);
  })
  .openapi(list, async (c) =>
    c.json(
      await listDependencies({
        db: c.get('options').db,
        actor: c.get('actor'),
        itemId: c.req.valid('param').idOrKey,
      }),
      200,
    ),
  )
  .openapi(remove, async (c) => {
    await removeDependency({ db: c.get('options').db, actor: c.get('actor'), id: c.req.valid('param').id });
    return c.body(null, 204);
  })
  .openapi(addExternal, async (c) => {
    const external = await addExternalDependency({
      db: c.get('options').db,
      actor: c.get('actor'),
      itemId: c.req.valid('param').idOrKey,
      input: c.req.valid('json'),
    });
    return c.json(external, 201);
  })
  .openapi(updateExternal, async (c) => {
    const external = await updateExternalDependency({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(external, 200);
  })
  .openapi(removeExternal, async (c) => {
    await removeExternalDependency({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.body(null, 204);
  });
