/**
 * Request safety for the API: body size and type, and no caching of its answers. The security headers of
 * every response are set where it is written (secure-response.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';

/** Methods whose requests carry no body: the body checks skip them without touching the request stream. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether the request declares a body. None (HTTP/1.1: neither a positive Content-Length nor
 * Transfer-Encoding, as fetch sends a DELETE or PUT without one) has no type to check; the Node adapter
 * still hands over an empty stream for it.
 */
function hasBody(c: Context<AppEnv>): boolean {
  const length = c.req.header('content-length');
  return c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

/** POST /api/v1/products/{productId}/imports (routes/imports.ts). */
const IMPORT_UPLOAD = /^\/api\/v1\/products\/[^/]+\/imports$/;

/**
 * Every API request, in one middleware layer: its answer is never cached, and a body is JSON (else 415,
 * before anything reads it) and within the size limit (else 413).
 */
export const guardApiRequest = createMiddleware<AppEnv>(async (c, next) => {
  c.header('Cache-Control', 'no-store');
  if (BODYLESS.has(c.req.method)) return next();
  // An import's body is an export file (CSV, JSON, zip) with its own size limit: its route reads it.
  if (c.req.method === 'POST' && IMPORT_UPLOAD.test(c.req.path)) return next();
  assertJsonBody(c);
  return limitBodySize(c, next);
});

/** Refuses a request body that is not JSON (415) before anything reads it. */
function assertJsonBody(c: Context<AppEnv>): void {
  // Under the Node server the headers say it all: looking at `raw.body` would make the adapter build a web
  // Request around the socket, which limitBodySize reads directly.
  if (!hasBody(c)) return;
  if (!c.env?.incoming && c.req.raw.body === null) return;
  // The same media-type grammar as Hono's JSON validator, so the two never disagree.
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    throw new AppError(
      'unsupported_media_type',
      'request body must be JSON (Content-Type: application/json)',
    );
  }
}

/**
 * Refuses a body over the configured size (413). Hono's bodyLimit checks Content-Length and also counts
 * streamed bytes, so a chunked upload cannot slip past the limit or be buffered whole first.
 *
 * Under the Node server the body is read here, straight from the socket's request stream, and handed to
 * Hono as the request's text: going through a web Request and ReadableStream instead cost a write more
 * CPU than its whole SQLite transaction. The limit is checked the same way: the declared length first,
 * then every chunk as it arrives.
 */
const limitBodySize: MiddlewareHandler<AppEnv> = async (c, next) => {
  const maxBytes = c.get('options').bodyLimitBytes;
  const tooLarge = () => new AppError('payload_too_large', `request body exceeds ${maxBytes} bytes`);
  const incoming = c.env?.incoming;
  if (!incoming || incoming.readableDidRead || !hasBody(c)) {
    return bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw tooLarge();
      },
    })(c, next);
  }
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge();
  // Hono keeps the promise of each body reading under its type's name (its own typing says the value).
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(
    await readText(incoming, maxBytes, tooLarge),
  );
  return next();
};

/** The whole request body as UTF-8 text, or `tooLarge()` as soon as it passes `maxBytes`. */
function readText(incoming: IncomingMessage, maxBytes: number, tooLarge: () => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        incoming.off('data', onData);
        // Drain the rest unread so the connection can answer the 413.
        incoming.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks, size).toString('utf8')));
    incoming.once('error', reject);
  });
}
