/**
 * Comments on items, initiatives and PRDs (list, write, edit with If-Match, delete and restore), watching
 * them, and a product's comment settings. Notifications are in routes/notifications.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  Comment,
  type CommentEntityType,
  CommentInput,
  CommentList,
  CommentSettings,
  ListCommentsQuery,
  UpdateCommentSettingsInput,
  WatchState,
} from '../../schemas/comment.ts';
import { ErrorResponse, Id } from '../../schemas/common.ts';
import { ItemRef } from '../../schemas/item.ts';
import type { CommentMail } from '../../services/comments/after-commit.ts';
import { getCommentSettings, updateCommentSettings } from '../../services/comments/comment-settings.ts';
import { createComment } from '../../services/comments/create-comment.ts';
import { listComments } from '../../services/comments/list-comments.ts';
import { setCommentTrashed } from '../../services/comments/set-comment-trashed.ts';
import { updateComment } from '../../services/comments/update-comment.ts';
import { setWatching } from '../../services/comments/watch.ts';
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

const tags = ['comments'];
const one = versionedContent(Comment, 'The comment', 'comment');
const conflict = { 412: jsonContent(ErrorResponse, 'version_conflict: changed by someone else') };
const byId = { params: z.object({ id: Id }) };
const byItem = { params: z.object({ idOrKey: ItemRef }) };

/** The list, write and watch routes of one kind of object. */
function objectRoutes(entity: CommentEntityType, collection: string, param: string, noun: string) {
  const path = `/${collection}/{${param}}`;
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const operation = (verb: string, suffix: string) => `${verb}${Noun}${suffix}`;
  return {
    list: {
      method: 'get' as const,
      path: `${path}/comments`,
      operationId: operation('list', 'Comments'),
      tags,
      summary: `The comments on ${entity === 'initiative' ? 'an' : 'a'} ${noun}, oldest first (those of a trashed one stay)`,
      security: authenticated,
    },
    create: {
      method: 'post' as const,
      path: `${path}/comments`,
      operationId: operation('comment', ''),
      tags,
      summary: `Comment on ${entity === 'initiative' ? 'an' : 'a'} ${noun} (viewers only when the product allows); @mentions notify members`,
      security: authenticated,
    },
    watch: {
      method: 'put' as const,
      path: `${path}/watch`,
      operationId: operation('watch', ''),
      tags,
      summary: `Watch ${entity === 'initiative' ? 'an' : 'a'} ${noun}: be notified of its new comments`,
      security: authenticated,
    },
    unwatch: {
      method: 'delete' as const,
      path: `${path}/watch`,
      operationId: operation('unwatch', ''),
      tags,
      summary: `Stop watching ${entity === 'initiative' ? 'an' : 'a'} ${noun}`,
      security: authenticated,
    },
  };
}

const item = objectRoutes('item', 'items', 'idOrKey', 'item');
const initiative = objectRoutes('initiative', 'initiatives', 'id', 'initiative');
const prd = objectRoutes('prd', 'prds', 'id', 'prd');

const listResponse = { 200: jsonContent(CommentList, 'The comments'), ...commonErrors };
const createResponse = { 201: one, ...commonErrors };
const watchResponse = { 200: jsonContent(WatchState, 'Whether the caller watches it now'), ...commonErrors };
const listQuery = { query: ListCommentsQuery };
const body = jsonBody(CommentInput);

const routes = {
  listItem: createRoute({ ...item.list, request: { ...byItem, ...listQuery }, responses: listResponse }),
  createItem: createRoute({ ...item.create, request: { ...byItem, ...body }, responses: createResponse }),
  watchItem: createRoute({ ...item.watch, request: byItem, responses: watchResponse }),
  unwatchItem: createRoute({ ...item.unwatch, request: byItem, responses: watchResponse }),
  listInitiative: createRoute({
    ...initiative.list,
    request: { ...byId, ...listQuery },
    responses: listResponse,
  }),
  createInitiative: createRoute({
    ...initiative.create,
    request: { ...byId, ...body },
    responses: createResponse,
  }),
  watchInitiative: createRoute({ ...initiative.watch, request: byId, responses: watchResponse }),
  unwatchInitiative: createRoute({ ...initiative.unwatch, request: byId, responses: watchResponse }),
  listPrd: createRoute({ ...prd.list, request: { ...byId, ...listQuery }, responses: listResponse }),
  createPrd: createRoute({ ...prd.create, request: { ...byId, ...body }, responses: createResponse }),
  watchPrd: createRoute({ ...prd.watch, request: byId, responses: watchResponse }),
  unwatchPrd: createRoute({ ...prd.unwatch, request: byId, responses: watchResponse }),
  update: createRoute({
    method: 'patch',
    path: '/comments/{id}',
    operationId: 'updateComment',
    tags,
    summary:
      "Edit a comment's body (its author; owners and admins every comment); with If-Match, a stale version gets 412",
    security: authenticated,
    request: { ...byId, ...ifMatchHeader, ...body },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  remove: createRoute({
    method: 'delete',
    path: '/comments/{id}',
    operationId: 'deleteComment',
    tags,
    summary: 'Delete a comment (restorable by its author, owners and admins)',
    security: authenticated,
    request: { ...byId, ...ifMatchHeader },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  restore: createRoute({
    method: 'post',
    path: '/comments/{id}/restore',
    operationId: 'restoreComment',
    tags,
    summary: 'Restore a deleted comment',
    security: authenticated,
    request: { ...byId, ...ifMatchHeader },
    responses: { 200: one, ...commonErrors, ...conflict },
  }),
  getSettings: createRoute({
    method: 'get',
    path: '/products/{productId}/comment-settings',
    operationId: 'getCommentSettings',
    tags,
    summary: "A product's comment settings (whether its viewers may comment)",
    security: authenticated,
    request: productRefParams,
    responses: {
      200: versionedContent(CommentSettings, 'The settings', 'settings'),
      ...commonErrors,
    },
  }),
  updateSettings: createRoute({
    method: 'patch',
    path: '/products/{productId}/comment-settings',
    operationId: 'updateCommentSettings',
    tags,
    summary: "Change a product's comment settings (owners, admins and editors)",
    security: authenticated,
    request: { ...productRefParams, ...ifMatchHeader, ...jsonBody(UpdateCommentSettingsInput) },
    responses: {
      200: versionedContent(CommentSettings, 'The settings', 'settings'),
      ...commonErrors,
      ...conflict,
    },
  }),
};

const etag = (object: { version: number }) => ({ ETag: `"${object.version}"` });
const ctxOf = (c: Context<AppEnv>) => ({ db: c.get('options').db, actor: c.get('actor') });

/** Mention e-mails, when the server has a mailer (CAIRN_SMTP_URL). */
function mailOf(c: Context<AppEnv>): CommentMail | undefined {
  const { mailer, publicOrigin, log } = c.get('options');
  return mailer ? { mailer, origin: publicOrigin, log } : undefined;
}

const list = (c: Context<AppEnv>, entityType: CommentEntityType, ref: string, trashed: string | undefined) =>
  listComments({ ...ctxOf(c), entityType, ref, trashed: trashed === 'true' });

async function create(c: Context<AppEnv>, entityType: CommentEntityType, ref: string, input: CommentInput) {
  return createComment({ ...ctxOf(c), entityType, ref, input, mail: mailOf(c) });
}

const watch = (c: Context<AppEnv>, entityType: CommentEntityType, ref: string, watching: boolean) =>
  setWatching({ ...ctxOf(c), entityType, ref, watching });

export const commentRoutes = createRouter()
  .openapi(routes.listItem, async (c) =>
    c.json(await list(c, 'item', c.req.valid('param').idOrKey, c.req.valid('query').trashed), 200),
  )
  .openapi(routes.createItem, async (c) => {
    const comment = await create(c, 'item', c.req.valid('param').idOrKey, c.req.valid('json'));
    return c.json(comment, 201, etag(comment));
  })
  .openapi(routes.watchItem, async (c) =>
    c.json(await watch(c, 'item', c.req.valid('param').idOrKey, true), 200),
  )
  .openapi(routes.unwatchItem, async (c) =>
    c.json(await watch(c, 'item', c.req.valid('param').idOrKey, false), 200),
  )
  .openapi(routes.listInitiative, async (c) =>
    c.json(await list(c, 'initiative', c.req.valid('param').id, c.req.valid('query').trashed), 200),
  )
  .openapi(routes.createInitiative, async (c) => {
    const comment = await create(c, 'initiative', c.req.valid('param').id, c.req.valid('json'));
    return c.json(comment, 201, etag(comment));
  })
  .openapi(routes.watchInitiative, async (c) =>
    c.json(await watch(c, 'initiative', c.req.valid('param').id, true), 200),
  )
  .openapi(routes.unwatchInitiative, async (c) =>
    c.json(await watch(c, 'initiative', c.req.valid('param').id, false), 200),
  )
  .openapi(routes.listPrd, async (c) =>
    c.json(await list(c, 'prd', c.req.valid('param').id, c.req.valid('query').trashed), 200),
  )
  .openapi(routes.createPrd, async (c) => {
    const comment = await create(c, 'prd', c.req.valid('param').id, c.req.valid('json'));
    return c.json(comment, 201, etag(comment));
  })
  .openapi(routes.watchPrd, async (c) => c.json(await watch(c, 'prd', c.req.valid('param').id, true), 200))
  .openapi(routes.unwatchPrd, async (c) => c.json(await watch(c, 'prd', c.req.valid('param').id, false), 200))
  .openapi(routes.update, async (c) => {
    const comment = await updateComment({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
      mail: mailOf(c),
    });
    return c.json(comment, 200, etag(comment));
  })
  .openapi(routes.remove, async (c) => {
    const comment = await setCommentTrashed({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      trashed: true,
      expectedVersion: expectedVersion(c),
    });
    return c.json(comment, 200, etag(comment));
  })
  .openapi(routes.restore, async (c) => {
    const comment = await setCommentTrashed({
      ...ctxOf(c),
      id: c.req.valid('param').id,
      trashed: false,
      expectedVersion: expectedVersion(c),
    });
    return c.json(comment, 200, etag(comment));
  })
  .openapi(routes.getSettings, async (c) => {
    const settings = await getCommentSettings({ ...ctxOf(c), productId: c.req.valid('param').productId });
    return c.json(settings, 200, etag(settings));
  })
  .openapi(routes.updateSettings, async (c) => {
    const settings = await updateCommentSettings({
      ...ctxOf(c),
      productId: c.req.valid('param').productId,
      input: c.req.valid('json'),
      expectedVersion: expectedVersion(c),
    });
    return c.json(settings, 200, etag(settings));
  });
