/**
 * The personal calendar feed: `/api/v1/me/calendar-feed` makes, shows and revokes its secret address, and
 * `/feeds/<secret>/calendar.ics` serves the iCalendar document to calendar apps, which send no cookie or
 * header: the secret in the URL is the credential (found by its hash; unknown or revoked → 404). The path
 * has the shape of the release-notes feeds (`/feeds/:productKey/releases.atom`) so that Hono keeps its
 * one-regular-expression router (a static `/feeds/calendar/…` beside `:productKey` would not).
 */
import { createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { CalendarFeed, CreatedCalendarFeed } from '../../schemas/calendar.ts';
import { calendarDocument } from '../../services/calendar/calendar-document.ts';
import {
  createCalendarFeed,
  getCalendarFeed,
  resolveCalendarFeed,
  revokeCalendarFeed,
} from '../../services/calendar/calendar-feeds.ts';
import { loadCalendarEntries } from '../../services/calendar/load-calendar-entries.ts';
import type { Actor } from '../../services/context.ts';
import { AppError, notFound } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { authenticated, commonErrors, createRouter, jsonContent } from '../openapi.ts';

/** A feed secret as newSecret('cal') makes it: anything else is not looked up. */
const FEED_SECRET = /^cal_[A-Za-z0-9_-]{43}$/;

/** The address of a feed secret, at the configured public origin (never the Host header). */
export function calendarFeedUrl(publicOrigin: string, secret: string): string {
  return `${publicOrigin}/feeds/${secret}/calendar.ics`;
}

/** The feed shows every product its user sees: a token restricted to some products may not make one. */
function assertUnrestricted(actor: Actor): void {
  if (actor.productIds) {
    throw new AppError(
      'insufficient_scope',
      'this API token is restricted to some products; the calendar feed covers every product you can see',
    );
  }
}

const getFeed = createRoute({
  method: 'get',
  path: '/me/calendar-feed',
  operationId: 'getCalendarFeed',
  tags: ['auth'],
  summary: 'Whether you have a calendar feed address (its secret is shown only when made)',
  security: authenticated,
  responses: { 200: jsonContent(CalendarFeed, 'The feed'), 401: commonErrors[401] },
});

const createFeed = createRoute({
  method: 'post',
  path: '/me/calendar-feed',
  operationId: 'createCalendarFeed',
  tags: ['auth'],
  summary:
    'Make a new secret calendar feed address (iCalendar) of sprints, releases and initiative target dates; ' +
    'the previous address stops working',
  security: authenticated,
  responses: {
    201: jsonContent(CreatedCalendarFeed, 'The address, shown only in this response'),
    401: commonErrors[401],
    403: commonErrors[403],
  },
});

const revokeFeed = createRoute({
  method: 'delete',
  path: '/me/calendar-feed',
  operationId: 'revokeCalendarFeed',
  tags: ['auth'],
  summary: 'Revoke your calendar feed address: it answers 404 from now on',
  security: authenticated,
  responses: { 204: { description: 'Revoked (or there was none)' }, 401: commonErrors[401] },
});

export const calendarFeedRoutes = createRouter()
  .openapi(getFeed, async (c) =>
    c.json(await getCalendarFeed({ db: c.get('options').db, actor: c.get('actor') }), 200),
  )
  .openapi(createFeed, async (c) => {
    const actor = c.get('actor');
    assertUnrestricted(actor);
    const { db, publicOrigin } = c.get('options');
    const feed = await createCalendarFeed({ db, actor });
    return c.json({ url: calendarFeedUrl(publicOrigin, feed.secret), createdAt: feed.createdAt }, 201);
  })
  .openapi(revokeFeed, async (c) => {
    await revokeCalendarFeed({ db: c.get('options').db, actor: c.get('actor') });
    return c.body(null, 204);
  });

/** Mounted at /feeds, beside the release-notes feeds. */
export const calendarRoutes = new Hono<AppEnv>().get('/:secret/calendar.ics', async (c) => {
  const secret = c.req.param('secret');
  const { db, publicOrigin } = c.get('options');
  const actor = FEED_SECRET.test(secret) ? await resolveCalendarFeed(db, secret) : null;
  if (!actor) throw notFound('calendar feed');
  const entries = await loadCalendarEntries(db, actor, publicOrigin);
  const body = calendarDocument({ name: 'Cairn', entries, now: new Date() });
  // Personal: never kept by a shared cache; the secret URL must not leak through a Referer either.
  c.header('Cache-Control', 'private, no-cache');
  c.header('Referrer-Policy', 'no-referrer');
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
});
