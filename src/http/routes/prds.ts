/**
 * PRDs: create under an initiative or a product, list, read, edit (If-Match), review, trash and restore,
 * their gaps, and exports as Markdown and as a printable page.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { PRD_PAGE_CSP, prdHtmlPage } from '../../presenters/prd-html.ts';
import { prdMarkdown } from '../../presenters/prd-markdown.ts';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import {
  CreatePrdInput,
  ListPrdsQuery,
  Prd,
  PrdGaps,
  PrdSummary,
  ReviewPrdInput,
  UpdatePrdInput,
} from '../../schemas/prd.ts';
import { createPrd } from '../../services/prds/create-prd.ts';
import { getPrd, getPrdExport, getPrdGaps } from '../../services/prds/get-prd.ts';
import { listInitiativePrds, listPrds } from '../../services/prds/list-prds.ts';
import { reviewPrd } from '../../services/prds/review-prd.ts';
import { setPrdTrashed } from '../../services/prds/set-prd-trashed.ts';
import { updatePrd } from '../../services/prds/update-prd.ts';
import type { AppEnv } from '../env.ts';
import { expectedVersion, ifMatchHeader, versionedContent } from '../if-match.ts';
import {
  authenticated,
  commonErrors,
  createRouter,
  jsonBody,
  jsonContent,
  productRefParams,
} from '../openapi.ts';

const tags = ['prds'];
const byId = { params: z.object({ id: Id }) };
const one = versionedContent(Prd, 'The PRD', 'PRD');
const list = jsonContent(
  z.object({ prds: z.array(PrdSummary) }),
  'PRDs, newest first (not those in the trash)',
);
const conflict = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };

const routes = {
  createUnderInitiative: createRoute({
    method: 'post',
    path: '/initiatives/{id}/prds',
    operationId: 'createInitiativePrd',
    tags,
    summary: "Write a PRD for an initiative (its first takes over the initiative's success metrics)",
    security: authenticated,
    request: { ...byId, ...jsonBody(CreatePrdInput) },
    responses: { 201: one, ...commonErrors },
  }),
  createUnderProduct: createRoute({
    method: 'post',
    path: '/products/{productId}/prds',
    operationId: 'createPrd',
    tags,
    summary: 'Write a PRD with no initiative yet (while exploring)',
    security: authenticated,
    request: { ...productRefParams, ...jsonBody(CreatePrdInput) },
    responses: { 201: one, ...commonErrors },
  }),
  listInProduct: createRoute({
    method: 'get',
    path: '/products/{productId}/prds',
    operationId: 'listPrds',
    tags,
    summary: "The product's PRDs, or one initiative's with ?initiativeId=, or the trash's with ?trashed=true",
    security: authenticated,
    request: { ...productRefParams, query: ListPrdsQuery },
    responses: { 200: list, ...commonErrors },
  }),
  listOfInitiative: createRoute({
    method: 'get',
    path: '/initiatives/{id}/prds',
    operationId: 'listInitiativePrds',
    tags,
    summary: "An initiative's PRDs",
    security: authenticated,
    request: byId,
    responses: { 200: list, ...commonErrors },
  }),
  get: createRoute({
    method: 'get',
    path: '/prds/{id}',
    operationId: 'getPrd',
    tags,
    summary: 'One PRD',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  update: createRoute({
    method: 'patch',
    path: '/prds/{id}',
    operationId: 'updatePrd',
    tags,
    summary:
      "Change a PRD's sections, reviewers, status or initiative; with If-Match, a stale version gets 412",
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...jsonBody(UpdatePrdInput) },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  review: createRoute({
    method: 'post',
    path: '/prds/{id}/review',
    operationId: 'reviewPrd',
    tags,
    summary: "Record the caller's own decision as a reviewer of a PRD in review",
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...jsonBody(ReviewPrdInput) },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/prds/{id}',
    operationId: 'deletePrd',
    tags,
    summary: 'Move a PRD to the trash (restorable)',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  restore: createRoute({
    method: 'post',
    path: '/prds/{id}/restore',
    operationId: 'restorePrd',
    tags,
    summary: 'Restore a PRD from the trash',
    security: authenticated,
    request: byId,
    responses: { 200: one, ...commonErrors },
  }),
  gaps: createRoute({
    method: 'get',
    path: '/prds/{id}/gaps',
    operationId: 'getPrdGaps',
    tags,
    summary: 'Requirements no live backlog item delivers, and success metrics never measured',
    security: authenticated,
    request: byId,
    responses: { 200: jsonContent(PrdGaps, 'The gaps'), ...commonErrors },
  }),
  exportMarkdown: createRoute({
    method: 'get',
    path: '/prds/{id}/export.md',
    operationId: 'exportPrdMarkdown',
    tags,
    summary: 'The PRD as one Markdown document',
    security: authenticated,
    request: byId,
    responses: {
      200: { content: { 'text/markdown': { schema: z.string() } }, description: 'Markdown' },
      ...commonErrors,
    },
  }),
  exportHtml: createRoute({
    method: 'get',
    path: '/prds/{id}/export.html',
    operationId: 'exportPrdHtml',
    tags,
    summary: 'The PRD as a printable HTML page (sanitised; no script)',
    security: authenticated,
    request: byId,
    responses: {
      200: { content: { 'text/html': { schema: z.string() } }, description: 'HTML' },
      ...commonErrors,
    },
  }),
};

const etag = (prd: { version: number }) => ({ ETag: `"${prd.version}"` });
const ctxOf = (c: Context<AppEnv>) => ({ db: c.get('options').db, actor: c.get('actor') });

export const prdRoutes = createRouter()
  .openapi(routes.createUnderInitiative, async (c) => {
    const prd = await createPrd({
      ...ctxOf(c),
      initiativeId: c.req.valid('param').id,
      input: c.req.valid('json'),
    });
    return c.json(prd, 201, etag(prd));
  })
  .openapi(routes.createUnderProduct, async (c) => {
    const prd = await createPrd({
      ...ctxOf(c),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
    });
    return c.json(prd, 201, etag(prd));
  })
  .openapi(routes.listInProduct, async (c) => {
    const prds = await listPrds({
      ...ctxOf(c),
      productId: c.req.valid('param').productId,
      initiativeId: c.req.valid('query').initiativeId,
      trashed: c.req.valid('query').trashed === 'true',
    });
    return c.json({ prds }, 200);
  })
  .openapi(routes.listOfInitiative, async (c) => {
    const prds = await listInitiativePrds({ ...ctxOf(c), initiativeId: c.req.valid('param').id });
    return c.json({ prds }, 200);
  })
  .openapi(routes.get, async (c) => {
    const prd = await getPrd({ ...ctxOf(c), id: c.req.valid('param').id });
    return c.json(prd, 200, etag(prd));
  })
  .openapi(routes.update, async (c) => {
    const prd = await updatePrd({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(prd, 200, etag(prd));
  })
  .openapi(routes.review, async (c) => {
    const prd = await reviewPrd({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(prd, 200, etag(prd));
  })
  .openapi(routes.remove, async (c) => {
    const prd = await setPrdTrashed({ ...ctxOf(c), id: c.req.valid('param').id, trashed: true });
    return c.json(prd, 200, etag(prd));
  })
  .openapi(routes.restore, async (c) => {
    const prd = await setPrdTrashed({ ...ctxOf(c), id: c.req.valid('param').id, trashed: false });
    return c.json(prd, 200, etag(prd));
  })
  .openapi(routes.gaps, async (c) => {
    return c.json(await getPrdGaps({ ...ctxOf(c), id: c.req.valid('param').id }), 200);
  })
  .openapi(routes.exportMarkdown, async (c) => {
    const document = await getPrdExport({ ...ctxOf(c), id: c.req.valid('param').id });
    return c.body(prdMarkdown(document), 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(routes.exportHtml, async (c) => {
    const document = await getPrdExport({ ...ctxOf(c), id: c.req.valid('param').id });
    return c.body(prdHtmlPage(document), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'private, no-store',
      // Its own policy: the inline print stylesheet by hash, and still no script.
      'Content-Security-Policy': PRD_PAGE_CSP,
    });
  });
