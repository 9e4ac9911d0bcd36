/** Starts Cairn's HTTP server on a migrated database and stops it cleanly. */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { ServerConfig } from './config.ts';
import { createApp } from './http/app.ts';
import type { AppOptions, Readiness } from './http/env.ts';
import { SecureServerResponse } from './http/secure-response.ts';
import { createLiveHub } from './services/live/create-live-hub.ts';
import { createSmtpMailer } from './services/mail/mailer.ts';
import { startWebhookWorker } from './services/webhooks/delivery-worker.ts';
import { type Database, openDatabase } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** How long in-flight requests get to finish on shutdown. */
const CLOSE_GRACE_MS = 5_000;

/** Work that must finish before the server can serve (loading the demo): health answers 503 meanwhile. */
export interface WarmUp {
  /** Said by health while it runs: "loading the demo data". */
  reason: string;
  run(database: Database): Promise<void>;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  log: (line: string) => void = console.log,
  warmUp?: WarmUp,
): Promise<RunningServer> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database.db, log);
  // Listening before the warm-up lets a load balancer see "not ready yet" instead of no answer at all.
  const readiness: Readiness = { pending: warmUp?.reason ?? null };
  const live = createLiveHub({ database, log: (message) => console.error(message) });
  const webhooks = startWebhookWorker({
    db: database.db,
    allowPrivate: config.webhooksAllowPrivate ?? false,
    log: (message) => console.error(message),
  });
  const bound = (port: number) => {
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    return `http://${host}:${port}`;
  };
  const options: AppOptions = {
    db: database.db,
    dialect: database.dialect,
    version: VERSION,
    auth: config.auth,
    oidc: config.oidc,
    // Without CAIRN_PUBLIC_URL the server is on loopback (loadConfig insists): links use its own address.
    publicOrigin: config.publicUrl ?? bound(config.port),
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    bodyLimitBytes: config.bodyLimitBytes,
    live,
    log: (message) => console.error(message),
    mailer: config.smtp === undefined ? undefined : createSmtpMailer(config.smtp),
    webRoot:
      config.webRoot === null
        ? undefined
        : (config.webRoot ?? fileURLToPath(new URL('../dist/web', import.meta.url))),
    readiness,
  };
  const app = createApp(options);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve(
      {
        fetch: app.fetch,
        hostname: config.host,
        port: config.port,
        // Every response gets the security headers as it is written (secure-response.ts).
        serverOptions: { ServerResponse: SecureServerResponse },
      },
      () => resolve(s as Server),
    );
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = bound(port);
  // Port 0 picks a free port only now; no request has been answered yet.
  if (!config.publicUrl) options.publicOrigin = url;
  log(`Cairn ${VERSION} listening on ${url} (database: ${database.describe})`);
  const running: RunningServer = {
    url,
    database,
    close: async () => {
      // Live streams never finish on their own: end them first, or server.close() would wait out the grace
      // period for them. Their LISTEN connection closes with them.
      await live.close();
      // Requests under way are aborted and their deliveries given back to the queue for the next start.
      await webhooks.close();
      // Clients on keep-alive connections would hold close() open forever: from now on every response
      // asks its client to close, and whatever is still open after the grace period is cut.
      server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
        if (!response.headersSent) response.setHeader('Connection', 'close');
      });
      await new Promise<void>((resolve) => {
        const deadline = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        deadline.unref();
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        server.closeIdleConnections();
      });
      await database.close();
    },
  };
  if (warmUp) {
    try {
      await warmUp.run(database);
    } catch (error) {
      await running.close();
      throw error;
    }
    readiness.pending = null;
  }
  return running;
}
