/**
 * A product's vision: its draft (read, replace, trash, restore), publishing it as a numbered version, the
 * versions, and the diff between any two of them or a version and the draft.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorResponse } from '../../schemas/common.ts';
import {
  UpdateVisionInput,
  VisionDiff,
  VisionDiffQuery,
  VisionDraft,
  VisionVersion,
  VisionVersionList,
} from '../../schemas/vision.ts';
import {
  getVisionDraft,
  setVisionDraftTrashed,
  updateVisionDraft,
} from '../../services/vision/vision-draft.ts';
import {
  diffVisionVersions,
  getVisionVersion,
  listVisionVersions,
  publishVision,
} from '../../services/vision/vision-versions.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['vision'];
const draft = versionedContent(VisionDraft, 'The vision draft', 'draft');
const stale = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };
const versionParams = {
  params: productRefParams.params.extend({
    number: z.coerce
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1_000_000, 'must be at most 1000000'),
  }),
};

const getDraft = createRoute({
  method: 'get',
  path: '/products/{productId}/vision',
  operationId: 'getVision',
  tags,
  summary: "The product's vision draft (empty, version 0, until someone writes it; empty while in the trash)",
  security: authenticated,
  request: productRefParams,
  responses: { 200: draft, ...commonErrors },
});

const putDraft = createRoute({
  method: 'put',
  path: '/products/{productId}/vision',
  operationId: 'updateVision',
  tags,
  summary: 'Replace the vision draft (editors); a draft in the trash is replaced by the new one',
  description: 'With If-Match, a draft changed since that version gets 412.',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader, ...jsonBody(UpdateVisionInput) },
  responses: { 200: draft, ...commonErrors, ...stale },
});

const deleteDraft = createRoute({
  method: 'delete',
  path: '/products/{productId}/vision',
  operationId: 'deleteVision',
  tags,
  summary: 'Move the vision draft to the trash (it reads as empty; published versions stay)',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader },
  responses: { 200: draft, ...commonErrors, ...stale },
});

const restoreDraft = createRoute({
  method: 'post',
  path: '/products/{productId}/vision/restore',
  operationId: 'restoreVision',
  tags,
  summary: 'Bring the vision draft back from the trash',
  security: authenticated,
  request: { ...productRefParams, ...ifMatchHeader },
  responses: { 200: draft, ...commonErrors, ...stale },
});

const publish = createRoute({
  method: 'post',
  path: '/products/{productId}/vision/publish',
  operationId: 'publishVision',
  tags,
  summary: 'Publish the draft as the next numbered version (409 when it is the same as the latest)',
  security: authenticated,
  request: productRefParams,
  responses: { 201: jsonContent(VisionVersion, 'The version published'), ...commonErrors },
});

const versions = createRoute({
  method: 'get',
  path: '/products/{productId}/vision/versions',
  operationId: 'listVisionVersions',
  tags,
  summary: 'Every published version of the vision with its text, newest first',
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(VisionVersionList, 'The versions'), ...commonErrors },
});

const version = createRoute({
  method: 'get',
  path: '/products/{productId}/vision/versions/{number}',
  operationId: 'getVisionVersion',
  tags,
  summary: 'One published version of the vision',
  security: authenticated,
  request: versionParams,
  responses: { 200: jsonContent(VisionVersion, 'The version'), ...commonErrors },
});

const diff = createRoute({
  method: 'get',
  path: '/products/{productId}/vision/diff',
  operationId: 'diffVision',
  tags,
  summary: 'What changed between two versions (or a version and the draft), field by field',
  security: authenticated,
  request: { ...productRefParams, query: VisionDiffQuery },
  responses: { 200: jsonContent(VisionDiff, 'The diff'), ...commonErrors },
});

export const visionRoutes = createRouter()
  .openapi(getDraft, async (c) => {
    const result = await getVisionDraft({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(putDraft, async (c) => {
    const result = await updateVisionDraft({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(deleteDraft, async (c) => {
    const result = await setVisionDraftTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      trashed: true,
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(restoreDraft, async (c) => {
    const result = await setVisionDraftTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      trashed: false,
      expectedVersion: expectedVersion(c),
    });
    return c.json(result, 200, { ETag: `"${result.version}"` });
  })
  .openapi(publish, async (c) => {
    const result = await publishVision({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 201);
  })
  .openapi(versions, async (c) => {
    const result = await listVisionVersions({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ versions: result }, 200);
  })
  .openapi(version, async (c) => {
    const { productId, number } = c.req.valid('param');
    const result = await getVisionVersion({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId,
      number,
    });
    return c.json(result, 200);
  })
  .openapi(diff, async (c) => {
    const { from, to } = c.req.valid('query');
    const result = await diffVisionVersions({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      from,
      to,
    });
    return c.json(result, 200);
  });
