/**
 * User story maps: create and list under a product; get, rename, trash and restore by id; change the
 * contents through one operations endpoint (a discriminated union on `op`), each operation one version.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  CreateStoryMapInput,
  StoryMap,
  StoryMapGaps,
  StoryMapOperation,
  StoryMapSummary,
  UpdateStoryMapInput,
} from '../../schemas/story-map.ts';
import { applyStoryMapOperation } from '../../services/story-maps/apply-story-map-operation.ts';
import {
  createStoryMap,
  getStoryMap,
  listStoryMaps,
  setStoryMapTrashed,
  updateStoryMap,
} from '../../services/story-maps/story-maps.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const tags = ['story maps'];
const byId = { params: z.object({ id: Id }) };
const inProduct = { params: z.object({ productId: Id }) };
const one = versionedContent(StoryMap, 'The story map with its contents, figures and gaps', 'story map');
const stale = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };

const routes = {
  create: createRoute({
    method: 'post',
    path: '/products/{productId}/story-maps',
    operationId: 'createStoryMap',
    tags,
    summary: 'Create a story map, optionally tied to an initiative of the product',
    security: authenticated,
    request: { ...inProduct, ...jsonBody(CreateStoryMapInput) },
    responses: { 201: one, ...commonErrors },
  }),
  list: createRoute({
    method: 'get',
    path: '/products/{productId}/story-maps',
    operationId: 'listStoryMaps',
    tags,
    summary: "The product's story maps (not those in the trash), by name",
    security: authenticated,
    request: inProduct,
    responses: {
      200: jsonContent(z.object({ storyMaps: z.array(StoryMapSummary) }), 'The story maps'),
      ...commonErrors,
    },
  }),
  get: createRoute({
    method: 'get',
    path: '/story-maps/{id}',
    operationId: 'getStoryMap',
    tags,
    summary: 'One story map: backbone, cards, slices with their figures, and gaps',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  gaps: createRoute({
    method: 'get',
    path: '/story-maps/{id}/gaps',
    operationId: 'getStoryMapGaps',
    tags,
    summary: "A story map's gaps: incomplete walking skeleton, trashed stories, unmapped initiative items",
    security: authenticated,
    request: byId,
    responses: { 200: jsonContent(StoryMapGaps, 'The gaps'), ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/story-maps/{id}',
    operationId: 'updateStoryMap',
    tags,
    summary: 'Rename a story map or change its initiative; with If-Match, a stale version gets 412',
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateStoryMapInput) },
    responses: { 200: one, ...commonErrors, ...stale },
  }),
  operate: createRoute({
    method: 'post',
    path: '/story-maps/{id}/operations',
    operationId: 'applyStoryMapOperation',
    tags,
    summary:
      "Change a story map's activities, steps, stories or slices (one operation, one version); moving a story into another slice changes its item's release or sprint",
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...jsonBody(StoryMapOperation) },
    responses: { 200: one, ...commonErrors, ...stale },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/story-maps/{id}',
    operationId: 'deleteStoryMap',
    tags,
    summary: 'Move a story map to the trash (restorable)',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  restore: createRoute({
    method: 'post',
    path: '/story-maps/{id}/restore',
    operationId: 'restoreStoryMap',
    tags,
    summary: 'Restore a story map from the trash',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
};

const etag = (map: StoryMap) => ({ ETag: `"${map.version}"` });

export const storyMapRoutes = createRouter()
  .openapi(routes.create, async (c) => {
    const map = await createStoryMap({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json(map, 201, etag(map));
  })
  .openapi(routes.list, async (c) => {
    const storyMaps = await listStoryMaps({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ storyMaps }, 200);
  })
  .openapi(routes.get, async (c) => {
    const map = await getStoryMap({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.json(map, 200, etag(map));
  })
  .openapi(routes.gaps, async (c) => {
    const map = await getStoryMap({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.json(map.gaps, 200);
  })
  .openapi(routes.update, async (c) => {
    const map = await updateStoryMap({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(map, 200, etag(map));
  })
  .openapi(routes.operate, async (c) => {
    const map = await applyStoryMapOperation({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(map, 200, etag(map));
  })
  .openapi(routes.remove, async (c) => {
    const map = await setStoryMapTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: true,
    });
    return c.json(map, 200, etag(map));
  })
  .openapi(routes.restore, async (c) => {
    const map = await setStoryMapTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: false,
    });
    return c.json(map, 200, etag(map));
  });
