/**
 * The shared roadmap page, outside the API: `GET /share/<token>` for anyone holding the URL, no login.
 * Complete HTML from the server (no script), kept out of search engines and shared caches, and sending
 * no referrer; an unknown, revoked or expired token answers the same 404 page by the same path (one
 * lookup of the token's hash).
 */
import { Hono } from 'hono';
import { SHARE_PAGE_CSP, shareNotFoundHtml } from '../../presenters/audience/share-page-html.ts';
import { openSharedPage } from '../../services/share-links/open-shared-page.ts';
import type { AppEnv } from '../env.ts';

/** Tokens are 43 base64url characters; anything much longer is not one (and is not hashed). */
const MAX_TOKEN = 100;

const NOT_FOUND_PAGE = shareNotFoundHtml();

const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'private, no-store',
  'X-Robots-Tag': 'noindex, nofollow',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': SHARE_PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
};

export const shareRoutes = new Hono<AppEnv>()
  // No token: the same page as a wrong one (never the web app's shell).
  .get('/', (c) => c.body(NOT_FOUND_PAGE, 404, PAGE_HEADERS))
  .get('/:token', async (c) => {
    const token = c.req.param('token');
    const html =
      token.length <= MAX_TOKEN
        ? await openSharedPage(c.get('options').db, token, new Date().toISOString())
        : null;
    if (html === null) return c.body(NOT_FOUND_PAGE, 404, PAGE_HEADERS);
    return c.body(html, 200, PAGE_HEADERS);
  });
