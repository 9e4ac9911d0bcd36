/** The Hono environment shared by the app and its routes. */
import type { HttpBindings } from '@hono/node-server';
import type { AuthSettings } from '../services/auth/settings.ts';
import type { Actor } from '../services/context.ts';
import type { Db, DialectName } from '../store/database.ts';

export interface AppOptions {
  db: Db;
  dialect: DialectName;
  version: string;
  auth: AuthSettings;
  /** Origins allowed by CORS; none by default (same-origin only). */
  corsOrigins: string[];
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  trustProxy: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Send the Secure flag on the session cookie (default: when the request came over HTTPS). */
  secureCookies?: boolean | undefined;
  log: (message: string) => void;
}

export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    options: AppOptions;
    actor: Actor;
    authMethod: 'token' | 'session';
    sessionToken: string | undefined;
  };
}
