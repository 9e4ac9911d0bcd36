/**
 * Serves the web app (dist/web, built by `npm run build`) at `/`: hashed assets with a year's cache,
 * precompressed when the build made .br/.gz copies, and index.html for every other path so each screen's
 * URL (/p/CHK/backlog, /CHK-42) survives a reload.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './env.ts';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Cairn</title>
<p>The Cairn web app has not been built. Run <code>npm run build</code> (npm start does it for you).</p>`;

export function mountWebApp(app: Hono<AppEnv>, root: string, apiPrefix: string): void {
  const indexPath = join(root, 'index.html');
  // Read once: index.html is small and changes only with a new build (restart).
  const index = existsSync(indexPath) ? readFileSync(indexPath, 'utf8') : null;

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

  app.get('*', (c, next) => {
    const path = c.req.path;
    if (path === apiPrefix || path.startsWith(`${apiPrefix}/`) || path.startsWith('/feeds/')) return next();
    if (!c.req.header('accept')?.includes('text/html') && /\.[a-z0-9]+$/i.test(path)) return next();
    c.header('Cache-Control', 'no-cache');
    if (index === null) return c.html(NOT_BUILT, 503);
    return c.html(index);
  });
}
