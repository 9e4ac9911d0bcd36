/**
 * Roadmap baselines (create and list under a product; get, rename, trash, restore by id), a baseline's
 * diff against the roadmap now or another baseline, and the roadmap's changelog with its announcements
 * (get, edit the words, trash, restore by id).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  AnnouncePivotInput,
  BaselineList,
  CreateBaselineInput,
  DiffQuery,
  RoadmapAnnouncement,
  RoadmapBaseline,
  RoadmapChangelog,
  RoadmapDiff,
  UpdateAnnouncementInput,
  UpdateBaselineInput,
} from '../../schemas/baseline.ts';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  getAnnouncement,
  setAnnouncementTrashed,
  updateAnnouncement,
} from '../../services/baselines/announcement-edits.ts';
import { announcePastChange } from '../../services/baselines/announcements.ts';
import {
  createBaseline,
  getBaseline,
  listBaselines,
  setBaselineTrashed,
  updateBaseline,
} from '../../services/baselines/baselines.ts';
import { getRoadmapChangelog } from '../../services/baselines/changelog.ts';
import { getBaselineDiff } from '../../services/baselines/get-baseline-diff.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['roadmap baselines'];
const byId = { params: z.object({ id: Id }) };
const one = versionedContent(RoadmapBaseline, 'The baseline', 'baseline');
const etag = (baseline: { version: number }) => ({ ETag: `"${baseline.version}"` });

const create = createRoute({
  method: 'post',
  path: '/products/{productId}/roadmap-baselines',
  operationId: 'createRoadmapBaseline',
  tags,
  summary: "Save the state of every live initiative under a name, as of the product's newest event",
  security: authenticated,
  request: { ...productRefParams, ...jsonBody(CreateBaselineInput) },
  responses: { 201: one, ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/products/{productId}/roadmap-baselines',
  operationId: 'listRoadmapBaselines',
  tags,
  summary: "The product's baselines (not those in the trash), newest first, without their initiatives",
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(BaselineList, 'roadmapBaselines'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/roadmap-baselines/{id}',
  operationId: 'getRoadmapBaseline',
  tags,
  summary: 'One baseline, with the initiatives it saved',
  security: authenticated,
  request: byId,
  responses: { 200: one, ...commonErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/roadmap-baselines/{id}',
  operationId: 'updateRoadmapBaseline',
  tags,
  summary: 'Rename a baseline; with If-Match, a stale version gets 412',
  security: authenticated,
  request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateBaselineInput) },
  responses: {
    200: one,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/roadmap-baselines/{id}',
  operationId: 'deleteRoadmapBaseline',
  tags,
  summary: 'Move a baseline to the trash (restorable)',
  security: authenticated,
  request: byId,
  responses: { 200: one, ...commonErrors },
});

const restore = createRoute({
  method: 'post',
  path: '/roadmap-baselines/{id}/restore',
  operationId: 'restoreRoadmapBaseline',
  tags,
  summary: 'Restore a baseline from the trash',
  security: authenticated,
  request: byId,
  responses: { 200: one, ...commonErrors },
});

const diff = createRoute({
  method: 'get',
  path: '/roadmap-baselines/{id}/diff',
  operationId: 'getRoadmapBaselineDiff',
  tags,
  summary: 'What changed since the baseline (or between it and another baseline), and who changed it when',
  description:
    'Added and removed initiatives (removed: moved to the trash since), moves between horizons, shifted ' +
    'dates, confidence, status and title changes, each attributed to the last initiative event between ' +
    'the two points that set the value. Against an older baseline, the diff runs from that one to this.',
  security: authenticated,
  request: { ...byId, query: DiffQuery },
  responses: { 200: jsonContent(RoadmapDiff, 'The diff'), ...commonErrors },
});

const changelog = createRoute({
  method: 'get',
  path: '/products/{productId}/roadmap-changelog',
  operationId: 'getRoadmapChangelog',
  tags,
  summary: "The roadmap's changelog: announcements, and pivots since the latest baseline nobody announced",
  security: authenticated,
  request: productRefParams,
  responses: { 200: jsonContent(RoadmapChangelog, 'The changelog'), ...commonErrors },
});

const announce = createRoute({
  method: 'post',
  path: '/initiatives/{id}/announcements',
  operationId: 'announceInitiativeChange',
  tags,
  summary: 'Announce a change made earlier without words (an unannounced pivot): one announcement per change',
  security: authenticated,
  request: { ...byId, ...jsonBody(AnnouncePivotInput) },
  responses: {
    201: jsonContent(RoadmapAnnouncement, 'The announcement'),
    ...commonErrors,
  },
});

const announcementOne = versionedContent(RoadmapAnnouncement, 'The announcement', 'announcement');

const getAnnouncementRoute = createRoute({
  method: 'get',
  path: '/roadmap-announcements/{id}',
  operationId: 'getRoadmapAnnouncement',
  tags,
  summary: 'One announcement of a change to the roadmap (not one in the trash)',
  security: authenticated,
  request: byId,
  responses: { 200: announcementOne, ...commonErrors },
});

const updateAnnouncementRoute = createRoute({
  method: 'patch',
  path: '/roadmap-announcements/{id}',
  operationId: 'updateRoadmapAnnouncement',
  tags,
  summary: "Edit an announcement's words; with If-Match, a stale version gets 412",
  security: authenticated,
  request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdateAnnouncementInput) },
  responses: {
    200: announcementOne,
    ...commonErrors,
    412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else'),
  },
});

const removeAnnouncement = createRoute({
  method: 'delete',
  path: '/roadmap-announcements/{id}',
  operationId: 'deleteRoadmapAnnouncement',
  tags,
  summary: 'Move an announcement to the trash: it leaves the changelog, and its pivot is unannounced again',
  security: authenticated,
  request: byId,
  responses: { 200: announcementOne, ...commonErrors },
});

const restoreAnnouncement = createRoute({
  method: 'post',
  path: '/roadmap-announcements/{id}/restore',
  operationId: 'restoreRoadmapAnnouncement',
  tags,
  summary: 'Restore an announcement from the trash (unless its change was announced anew since)',
  security: authenticated,
  request: byId,
  responses: { 200: announcementOne, ...commonErrors },
});

export const baselineRoutes = createRouter()
  .openapi(create, async (c) => {
    const created = await createBaseline({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json(created, 201, etag(created));
  })
  .openapi(list, async (c) => {
    const roadmapBaselines = await listBaselines({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ roadmapBaselines }, 200);
  })
  .openapi(get, async (c) => {
    const baseline = await getBaseline({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.json(baseline, 200, etag(baseline));
  })
  .openapi(update, async (c) => {
    const updated = await updateBaseline({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(updated, 200, etag(updated));
  })
  .openapi(remove, async (c) => {
    const trashed = await setBaselineTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: true,
    });
    return c.json(trashed, 200, etag(trashed));
  })
  .openapi(restore, async (c) => {
    const restored = await setBaselineTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: false,
    });
    return c.json(restored, 200, etag(restored));
  })
  .openapi(diff, async (c) => {
    const result = await getBaselineDiff({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      against: c.req.valid('query').against,
    });
    return c.json(result, 200);
  })
  .openapi(announce, async (c) => {
    const created = await announcePastChange({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(created, 201);
  })
  .openapi(getAnnouncementRoute, async (c) => {
    const found = await getAnnouncement({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
    });
    return c.json(found, 200, etag(found));
  })
  .openapi(updateAnnouncementRoute, async (c) => {
    const updated = await updateAnnouncement({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(updated, 200, etag(updated));
  })
  .openapi(removeAnnouncement, async (c) => {
    const trashed = await setAnnouncementTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: true,
    });
    return c.json(trashed, 200, etag(trashed));
  })
  .openapi(restoreAnnouncement, async (c) => {
    const restored = await setAnnouncementTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: false,
    });
    return c.json(restored, 200, etag(restored));
  })
  .openapi(changelog, async (c) => {
    const result = await getRoadmapChangelog({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json(result, 200);
  });
