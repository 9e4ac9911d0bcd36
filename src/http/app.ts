/** Assembles the HTTP application: safety middleware, public routes, authenticated routes, OpenAPI. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { createCredentialCaches } from '../services/auth/credential-cache.ts';
import { AppError } from '../services/errors.ts';
import type { AppEnv, AppOptions } from './env.ts';
import { errorResponse, handleError } from './errors.ts';
import { authenticate } from './middleware/authenticate.ts';
import { compressResponses } from './middleware/compress.ts';
import { checkHost } from './middleware/host-check.ts';
import { guardApiRequest } from './middleware/security.ts';
import { wakeLiveHub } from './middleware/wake-live-hub.ts';
import { createRouter } from './openapi.ts';
import { analysisRoutes } from './routes/analysis.ts';
import { audienceRoutes } from './routes/audience.ts';
import { authRoutes, publicAuthRoutes } from './routes/auth.ts';
import { baselineRoutes } from './routes/baselines.ts';
import { cadenceRoutes } from './routes/cadences.ts';
import { calendarFeedRoutes, calendarRoutes } from './routes/calendar.ts';
import { chartRoutes } from './routes/charts.ts';
import { commentRoutes } from './routes/comments.ts';
import { dependencyRoutes } from './routes/dependencies.ts';
import { eventRoutes } from './routes/events.ts';
import { exportRoutes } from './routes/exports.ts';
import { feedRoutes } from './routes/feeds.ts';
import { groomingRoutes } from './routes/grooming.ts';
import { importRoutes } from './routes/imports.ts';
import { itemRoutes } from './routes/items.ts';
import { mcpRoutes } from './routes/mcp.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { initiativeRoutes, objectiveRoutes, themeRoutes, viewRoutes } from './routes/planning.ts';
import { prdRoutes } from './routes/prds.ts';
import { productRoutes } from './routes/products.ts';
import { readinessRoutes } from './routes/readiness.ts';
import { releaseRoutes } from './routes/releases.ts';
import { shareRoutes } from './routes/share.ts';
import { sprintRoutes } from './routes/sprints.ts';
import { storyMapRoutes } from './routes/story-maps.ts';
import { streamRoutes } from './routes/stream.ts';
import { systemRoutes } from './routes/system.ts';
import { teamRoutes } from './routes/teams.ts';
import { userRoutes } from './routes/users.ts';
import { visionRoutes } from './routes/vision.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { mountWebApp } from './web-app.ts';

export const API_PREFIX = '/api/v1';

export function createApp(options: AppOptions) {
  const app = new OpenAPIHono<AppEnv>();
  // One per server: a second server on the same database must see a revocation by re-reading it.
  const credentials = createCredentialCaches();
  // One layer for what every request needs first (each layer costs every request its own promise). The
  // security headers are added where responses are written (secure-response.ts).
  app.use('*', (c, next) => {
    c.set('options', options);
    c.set('credentials', credentials);
    return checkHost(c, next);
  });
  if (options.corsOrigins.length > 0) {
    app.use(
      `${API_PREFIX}/*`,
      cors({ origin: options.corsOrigins, credentials: true, exposeHeaders: ['ETag', 'Retry-After'] }),
    );
  }

  app.route(API_PREFIX, createApiRouter(options.version));
  app.route('/feeds', feedRoutes);
  app.route('/feeds', calendarRoutes);
  app.route('/share', shareRoutes);
  const webPage = options.webRoot ? mountWebApp(app, options.webRoot, API_PREFIX) : null;

  app.notFound(
    (c) =>
      webPage?.(c) ??
      errorResponse(c, new AppError('not_found', `no route for ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => handleError(error, c, options.log));
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The OpenAPI document's heading: everything but the paths and components, which the routes describe. */
function openApiConfig(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cairn API',
      version,
      license: { name: 'MIT', url: 'https://opensource.org/licenses/MIT' },
      description:
        'Roadmaps, backlogs and the link between them. Errors are `{error:{code,message,details}}`; ' +
        'validation errors list each bad field in `details.issues[].path`.',
    },
    servers: [{ url: API_PREFIX }],
  };
}

/** Every route under /api/v1, with its middleware and the OpenAPI document at /openapi.json. */
function createApiRouter(version: string) {
  const api = createRouter();
  // The type is checked before the body is read: a non-JSON upload is refused unread.
  api.use('*', compressResponses, guardApiRequest);
  // Only writes wake the hub: reads skip the extra middleware layer entirely.
  api.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', wakeLiveHub);
  api.route('/', systemRoutes);
  api.route('/', publicAuthRoutes);
  // Browser redirects of single sign-on: public, and not part of the OpenAPI document.
  api.route('/', oidcRoutes);
  // Before the secured routes: MCP checks its bearer token itself (see routes/mcp.ts).
  api.route('/', mcpRoutes);
  // Served before the secured routes are mounted: their authentication middleware must not guard it.
  api.doc31('/openapi.json', openApiConfig(version));
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /tokens or POST /setup',
  });
  api.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'cairn_session',
    description: 'The session from POST /auth/login; writes must be same-origin',
  });

  const secured = createRouter();
  secured.use('*', authenticate);
  for (const routes of [
    authRoutes,
    calendarFeedRoutes,
    userRoutes,
    productRoutes,
    objectiveRoutes,
    themeRoutes,
    initiativeRoutes,
    itemRoutes,
    dependencyRoutes,
    eventRoutes,
    streamRoutes,
    teamRoutes,
    sprintRoutes,
    chartRoutes,
    releaseRoutes,
    readinessRoutes,
    analysisRoutes,
    groomingRoutes,
    viewRoutes,
    prdRoutes,
    storyMapRoutes,
    audienceRoutes,
    baselineRoutes,
    visionRoutes,
    cadenceRoutes,
    importRoutes,
    commentRoutes,
    notificationRoutes,
    webhookRoutes,
    exportRoutes,
  ]) {
    secured.route('/', routes);
  }
  api.route('/', secured);
  return api;
}

/**
 * The document GET /api/v1/openapi.json serves, built without a server or a database (the web's generated
 * API types are made from it: `npm run generate:api`).
 */
export function openApiDocument(version: string) {
  return createApiRouter(version).getOpenAPI31Document(openApiConfig(version));
}
