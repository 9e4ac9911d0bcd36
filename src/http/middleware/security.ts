/** Transport safety for every request: headers, body size and type. */
import { bodyLimit } from 'hono/body-limit';
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

/** Refuses a request body that is not JSON (415) before anything reads it. */
export const jsonBodyOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.raw.body === null) return next();
  // The same media-type grammar as Hono's JSON validator, so the two never disagree.
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!/^application\/([\w.-]+\+)?json$/.test(mediaType)) {
    throw new AppError(
      'unsupported_media_type',
      'request body must be JSON (Content-Type: application/json)',
    );
  }
  return next();
});

/**
 * Refuses a body over the configured size (413). Hono's bodyLimit checks Content-Length and also counts
 * streamed bytes, so a chunked upload cannot slip past the limit or be buffered whole first.
 */
export const limitBodySize = createMiddleware<AppEnv>((c, next) =>
  bodyLimit({
    maxSize: c.var.options.bodyLimitBytes,
    onError: () => {
      throw new AppError('payload_too_large', `request body exceeds ${c.var.options.bodyLimitBytes} bytes`);
    },
  })(c, next),
);

/** API responses are personal and live: never cached by browsers or proxies. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});
