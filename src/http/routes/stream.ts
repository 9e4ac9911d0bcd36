/** A product's live changes as Server-Sent Events, fed by the live hub (services/live). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { Id } from '../../schemas/common.ts';
import { LiveChange } from '../../schemas/live.ts';
import { redactEvents } from '../../services/events/redact-events.ts';
import { checkStreamAccess, type StreamCredential } from '../../services/live/check-stream-access.ts';
import { openProductStream } from '../../services/live/open-product-stream.ts';
import type { AppEnv } from '../env.ts';
import { authenticated, commonErrors, createRouter } from '../openapi.ts';

const HEARTBEAT_MS = 15_000;
/**
 * How often an open stream re-checks its credential and membership. Logout, token revocation, a disabled
 * user and a removed membership must end the feed within 1 s, on every server sharing the database; a
 * re-check is two indexed lookups, cheaper than a cross-server notification channel for each of them.
 */
const ACCESS_CHECK_MS = 500;

const stream = createRoute({
  method: 'get',
  path: '/products/{productId}/stream',
  operationId: 'streamProductEvents',
  tags: ['events'],
  summary: 'Live changes as Server-Sent Events; resume with Last-Event-ID (or `after`)',
  description:
    'Each message is `event: change`, `id: <event id>`, and `data:` a LiveChange: the event as ' +
    '`GET /products/{id}/events` gives it plus the object it is about, as it is now. Without a cursor the ' +
    'stream starts at the current end. A comment line is sent every 15 s; the stream ends within 1 s ' +
    'when the session or token stops working or the product is no longer visible.',
  security: authenticated,
  request: {
    params: z.object({ productId: Id }),
    query: z
      .object({
        after: z.string().max(20).optional().describe('Start after this event id (a backlog `cursor`).'),
      })
      .strict(),
    headers: z.object({
      'last-event-id': z
        .string()
        .max(20)
        .optional()
        .describe('Sent by EventSource on reconnect; wins over `after`.'),
    }),
  },
  responses: {
    200: {
      content: { 'text/event-stream': { schema: LiveChange } },
      description: 'An endless stream of `change` messages',
    },
    ...commonErrors,
  },
});

/** The secret this request authenticated with, to re-check while the stream is open. */
function credentialOf(c: Context<AppEnv>): StreamCredential {
  if (c.get('authMethod') === 'session') return { kind: 'session', secret: c.get('sessionToken') ?? '' };
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return { kind: 'token', secret: match?.[1] ?? '' };
}

export const streamRoutes = createRouter().openapi(stream, async (c) => {
  const { db, auth, live, log } = c.get('options');
  const { productId } = c.req.valid('param');
  const after = await openProductStream({
    db,
    actor: c.get('actor'),
    productId,
    lastEventId: c.req.valid('header')['last-event-id'],
    after: c.req.valid('query').after,
  });
  const credential = credentialOf(c);
  const heartbeatMs = c.get('options').streamHeartbeatMs ?? HEARTBEAT_MS;
  // nginx would otherwise buffer the stream and deliver changes in bursts.
  c.header('X-Accel-Buffering', 'no');
  const response = streamSSE(c, async (sse) => {
    const subscription = live.subscribe(productId, after);
    sse.onAbort(() => subscription.close());
    try {
      // Sends the headers through any proxy at once, so the client knows it is connected.
      await sse.write(': connected\n\n');
      const checkMs = Math.min(ACCESS_CHECK_MS, heartbeatMs);
      let checkAt = Date.now() + checkMs;
      let heartbeatAt = Date.now() + heartbeatMs;
      for (;;) {
        const changes = await subscription.take(checkAt - Date.now());
        if (changes === null || sse.aborted) break;
        // A change to the product itself (a member removed, the product edited or trashed) may end this
        // reader's access: ask at once, before sending it, rather than at the next re-check.
        if (changes.some((change) => change.event.entityType === 'product')) {
          if (!(await checkStreamAccess({ db, auth, credential, productId, now: new Date() }))) break;
          checkAt = Date.now() + checkMs;
        }
        // The feed is shared by every reader of the product; what names other products is cut per reader.
        for (const change of await redactEvents(db, c.get('actor'), changes)) {
          await sse.writeSSE({ id: String(change.event.id), event: 'change', data: JSON.stringify(change) });
        }
        if (Date.now() < checkAt) continue;
        if (!(await checkStreamAccess({ db, auth, credential, productId, now: new Date() }))) break;
        checkAt = Date.now() + checkMs;
        if (Date.now() < heartbeatAt) continue;
        await sse.write(': heartbeat\n\n');
        heartbeatAt = Date.now() + heartbeatMs;
      }
    } catch (error) {
      log(`live stream of product ${productId} failed: ${(error as Error).stack ?? error}`);
    } finally {
      subscription.close();
    }
  });
  // streamSSE sets no-cache; a personal, live response must not be stored at all.
  response.headers.set('Cache-Control', 'no-store');
  // The connection is not reused once a stream ends (the server is shutting down, or access ended): a
  // shutting-down server would otherwise wait for the client to drop the idle connection.
  response.headers.set('Connection', 'close');
  return response;
});
