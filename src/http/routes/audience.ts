/**
 * The roadmap as each audience sees it (JSON or CSV), and the share links that open the customer view to
 * people without an account (the page itself: routes/share.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { roadmapViewCsv } from '../../presenters/audience/view-csv.ts';
import { csvAttachment } from '../../presenters/csv.ts';
import {
  type AudienceViewName,
  AudienceViewParam,
  AudienceViewQuery,
  RoadmapView,
} from '../../schemas/audience.ts';
import { Id } from '../../schemas/common.ts';
import {
  CreatedShareLink,
  CreateShareLinkInput,
  ShareLink,
  ShareLinkList,
} from '../../schemas/share-link.ts';
import { getRoadmapView } from '../../services/audience/get-roadmap-view.ts';
import {
  createShareLink,
  listShareLinks,
  setShareLinkTrashed,
} from '../../services/share-links/share-links.ts';
import { versionedContent } from '../if-match.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const viewTags = ['roadmap views'];
const linkTags = ['share links'];

const roadmapView = createRoute({
  method: 'get',
  path: '/products/{productId}/roadmap-views/{view}',
  operationId: 'getRoadmapView',
  tags: viewTags,
  summary: 'The roadmap as executives, customers or the team see it (JSON, or CSV rows)',
  description:
    'executive: themes, objectives, outcome metrics, confidence, risks, announcements; no item detail. ' +
    'customer: public initiatives only, their public summaries, horizons not dates, nothing internal. ' +
    'team: everything, with backlog progress and every roadmap change. `{view}.csv` or `format=csv` ' +
    'answers the rows as a CSV download.',
  security: authenticated,
  request: {
    params: z.object({
      productId: z.string().min(1).max(100).openapi({ description: 'The product id or key' }),
      view: AudienceViewParam,
    }),
    query: AudienceViewQuery,
  },
  responses: {
    200: {
      description: 'The view; with `format=csv` (or `.csv`), its rows as a CSV download',
      content: {
        'application/json': { schema: RoadmapView },
        'text/csv': { schema: z.string() },
      },
    },
    ...commonErrors,
  },
});

const createLink = createRoute({
  method: 'post',
  path: '/products/{productId}/share-links',
  operationId: 'createShareLink',
  tags: linkTags,
  summary: 'Share the customer roadmap through a public link (its URL is shown only in this answer)',
  security: authenticated,
  request: { params: z.object({ productId: Id }), ...jsonBody(CreateShareLinkInput) },
  responses: {
    201: versionedContent(CreatedShareLink, 'The link, with its URL', 'share link'),
    ...commonErrors,
  },
});

const listLinks = createRoute({
  method: 'get',
  path: '/products/{productId}/share-links',
  operationId: 'listShareLinks',
  tags: linkTags,
  summary: "The product's live share links, newest first (without their URLs)",
  security: authenticated,
  request: { params: z.object({ productId: Id }) },
  responses: { 200: jsonContent(ShareLinkList, 'share links'), ...commonErrors },
});

const byId = { params: z.object({ id: Id }) };

const revokeLink = createRoute({
  method: 'delete',
  path: '/share-links/{id}',
  operationId: 'deleteShareLink',
  tags: linkTags,
  summary: 'Revoke a share link (its URL answers 404; restorable)',
  security: authenticated,
  request: byId,
  responses: { 200: versionedContent(ShareLink, 'The revoked link', 'share link'), ...commonErrors },
});

const restoreLink = createRoute({
  method: 'post',
  path: '/share-links/{id}/restore',
  operationId: 'restoreShareLink',
  tags: linkTags,
  summary: 'Restore a revoked share link: the same URL works again, unless it has expired',
  security: authenticated,
  request: byId,
  responses: { 200: versionedContent(ShareLink, 'The restored link', 'share link'), ...commonErrors },
});

const etag = (link: { version: number }) => ({ ETag: `"${link.version}"` });

export const audienceRoutes = createRouter()
  .openapi(roadmapView, async (c) => {
    const param = c.req.valid('param');
    const csvSuffix = param.view.endsWith('.csv');
    const view = (csvSuffix ? param.view.slice(0, -4) : param.view) as AudienceViewName;
    const { productKey, view: result } = await getRoadmapView({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: param.productId,
      view,
    });
    if (csvSuffix || c.req.valid('query').format === 'csv') {
      return c.body(roadmapViewCsv(result), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': csvAttachment(`roadmap-${productKey}-${view}`),
      }) as unknown as TypedResponse<RoadmapView, 200, 'json'>;
    }
    return c.json(result, 200);
  })
  .openapi(createLink, async (c) => {
    const { db, publicOrigin } = c.get('options');
    const created = await createShareLink({
      db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      publicOrigin,
    });
    return c.json(created, 201, etag(created));
  })
  .openapi(listLinks, async (c) => {
    const shareLinks = await listShareLinks({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
    });
    return c.json({ shareLinks }, 200);
  })
  .openapi(revokeLink, async (c) => {
    const link = await setShareLinkTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: true,
    });
    return c.json(link, 200, etag(link));
  })
  .openapi(restoreLink, async (c) => {
    const link = await setShareLinkTrashed({
      db: c.get('options').db,
      actor: c.get('actor'),
      id: c.req.valid('param').id,
      trashed: false,
    });
    return c.json(link, 200, etag(link));
  });
