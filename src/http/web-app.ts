/**
 * Serves the web app (dist/web, built by `npm run build`) at `/`: hashed assets with a year's cache,
 * precompressed when the build made .br/.gz copies, and index.html for every other path so each screen's
 * URL (/p/CHK/backlog, /CHK-42) survives a reload.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { firstPaintHtml } from '../presenters/first-paint-html.ts';
import { resolveSession } from '../services/auth/sessions.ts';
import { loadFirstPaint } from '../services/first-paint/load-first-paint.ts';
import type { AppEnv } from './env.ts';
import { SESSION_COOKIE } from './middleware/authenticate.ts';
import { compressedText } from './middleware/compress.ts';
import { contentSecurityPolicy } from './secure-response.ts';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Cairn</title>
<p>The Cairn web app has not been built. Run <code>npm run build</code> (npm start does it for you).</p>`;

/**
 * The CSP for the page: the usual one, plus the hash of each inline script it has (the boot script that
 * sends the first reads, src/web/boot/boot.ts), so those run and no other inline script can.
 */
export function pagePolicy(html: string): string {
  const hashes = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) =>
    createHash('sha256')
      .update(match[1] ?? '')
      .digest('base64'),
  );
  return contentSecurityPolicy(hashes);
}

/** Serves the assets and returns the fallback that answers every other page address with index.html. */
export function mountWebApp(
  app: Hono<AppEnv>,
  root: string,
  apiPrefix: string,
): (c: Context<AppEnv>) => Response | Promise<Response> | null {
  const indexPath = join(root, 'index.html');
  // Read once: index.html is small and changes only with a new build (restart).
  const index = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;
  const indexPolicy = index === null ? null : pagePolicy(index);

  app.use(
    '/assets/*',
    serveStatic({
      root,
      precompressed: true,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.get('/assets/*', (c) => c.text('Not found', 404));
  app.get(
    '/favicon.svg',
    serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=86400') }),
  );

  const stylesheets = screenStylesheets(root);

  // The page for every other address is served from notFound (below), not from a catch-all route: a
  // catch-all would match every API request too and take them off Hono's one-handler fast path.
  return (c) => {
    const path = c.req.path;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return null;
    if (path === apiPrefix || path.startsWith(`${apiPrefix}/`) || path.startsWith('/feeds/')) return null;
    if (!c.req.header('accept')?.includes('text/html') && /\.[a-z0-9]+$/i.test(path)) return null;
    if (index === null || indexPolicy === null) {
      c.header('Cache-Control', 'no-cache');
      return c.html(NOT_BUILT, 503);
    }
    c.header('Content-Security-Policy', indexPolicy);
    // The page may carry its reader's first paint: never kept by a shared cache, nor for another cookie.
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Cookie, Accept-Encoding');
    if (!getCookie(c, SESSION_COOKIE)) return c.html(index);
    return pageWithFirstPaint(c, index, stylesheets);
  };
}

/** The CSS of the lazy screens the first paint draws (their classes are not in the entry's stylesheet). */
function screenStylesheets(root: string): Record<string, string[]> {
  const path = join(root, 'screen-files.json');
  if (!existsSync(path)) return {};
  const files = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
  return Object.fromEntries(
    Object.entries(files).map(([screen, list]) => [screen, list.filter((file) => file.endsWith('.css'))]),
  );
}

/**
 * index.html with the first paint of the address after #root (and its screen's stylesheets in the head,
 * where the app's own loading of them finds them), for a signed-in reader; index.html as it is otherwise.
 */
async function pageWithFirstPaint(
  c: Context<AppEnv>,
  index: string,
  stylesheets: Record<string, string[]>,
): Promise<Response> {
  const { db, auth } = c.get('options');
  const token = getCookie(c, SESSION_COOKIE) ?? '';
  const user = await resolveSession(db, token, auth, new Date(), { cache: c.get('credentials').sessions });
  if (!user) return c.html(index);
  const url = new URL(c.req.url);
  const paint = await loadFirstPaint({
    db,
    actor: { id: user.id, role: user.role },
    pathname: url.pathname,
    search: url.search,
  });
  if (!paint) return c.html(index);
  const links = (stylesheets[paint.screen] ?? [])
    .map((href) => `<link rel="stylesheet" crossorigin href="${href}">`)
    .join('');
  const page = index
    .replace('</head>', () => `${links}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root"></div>${firstPaintHtml(paint)}`);
  return compressedText(c, page, 'text/html; charset=UTF-8');
}
