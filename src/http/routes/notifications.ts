/** The caller's notifications: the list, the unread count, and marking them read. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  ListNotificationsQuery,
  MarkReadInput,
  NotificationList,
  UnreadCount,
} from '../../schemas/comment.ts';
import {
  countUnread,
  listNotifications,
  markNotificationsRead,
} from '../../services/comments/notifications.ts';
import type { AppEnv } from '../env.ts';
import { authenticated, commonErrors, createRouter, jsonBody, jsonContent } from '../openapi.ts';

const tags = ['notifications'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/notifications',
    operationId: 'listNotifications',
    tags,
    summary: 'Your notifications, newest first (?unread=true: only unread; ?cursor= the next page)',
    security: authenticated,
    request: { query: ListNotificationsQuery },
    responses: { 200: jsonContent(NotificationList, 'A page of notifications'), ...commonErrors },
  }),
  unreadCount: createRoute({
    method: 'get',
    path: '/notifications/unread-count',
    operationId: 'countUnreadNotifications',
    tags,
    summary: 'How many of your notifications are unread',
    security: authenticated,
    responses: { 200: jsonContent(UnreadCount, 'The count'), ...commonErrors },
  }),
  read: createRoute({
    method: 'post',
    path: '/notifications/read',
    operationId: 'markNotificationsRead',
    tags,
    summary: 'Mark notifications read: the listed ids, or all: true',
    security: authenticated,
    request: jsonBody(MarkReadInput),
    responses: { 200: jsonContent(UnreadCount, 'The unread count after'), ...commonErrors },
  }),
};

const ctxOf = (c: Context<AppEnv>) => ({ db: c.get('options').db, actor: c.get('actor') });

export const notificationRoutes = createRouter()
  .openapi(routes.list, async (c) => {
    const query = c.req.valid('query');
    const page = await listNotifications({
      ...ctxOf(c),
      unreadOnly: query.unread === 'true',
      cursor: query.cursor,
    });
    // Personal: never stored by a cache between.
    c.header('Cache-Control', 'private, no-store');
    return c.json(page, 200);
  })
  .openapi(routes.unreadCount, async (c) => {
    c.header('Cache-Control', 'private, no-store');
    return c.json({ unread: await countUnread(ctxOf(c)) }, 200);
  })
  .openapi(routes.read, async (c) =>
    c.json(await markNotificationsRead({ ...ctxOf(c), input: c.req.valid('json') }), 200),
  );
