/** Transport safety for every request: headers, body size and type. */
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
  },
  crossOriginResourcePolicy: 'same-origin',
  referrerPolicy: 'no-referrer',
});

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses a body that is not JSON (415) or too large (413) before anything reads it. The length check
 * uses Content-Length when given and counts streamed bytes otherwise, so a chunked upload cannot slip by.
 */
export const jsonBodyOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!WITH_BODY.has(c.req.method)) return next();
  const length = c.req.header('content-length');
  const chunked = c.req.header('transfer-encoding') !== undefined;
  const hasBody = chunked || (length !== undefined && length !== '0');
  if (!hasBody) return next();
  const limit = c.var.options.bodyLimitBytes;
  if (length !== undefined && Number(length) > limit) {
    throw new AppError('payload_too_large', `request body exceeds ${limit} bytes`);
  }
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new AppError('unsupported_media_type', 'request body must be JSON (Content-Type: application/json)');
  }
  if (chunked || length === undefined) {
    const text = await c.req.text();
    if (Buffer.byteLength(text) > limit) throw new AppError('payload_too_large', `request body exceeds ${limit} bytes`);
  }
  return next();
});

/** API responses are personal and live: never cached by browsers or proxies. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});
