/** The Hono environment shared by the app and its routes. */
import type { HttpBindings } from '@hono/node-server';
import type { CredentialCaches } from '../services/auth/credential-cache.ts';
import type { OidcSettings } from '../services/auth/oidc-settings.ts';
import type { AuthSettings } from '../services/auth/settings.ts';
import type { Actor } from '../services/context.ts';
import type { LiveHub } from '../services/live/live-hub.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import type { Db, DialectName } from '../store/database.ts';

export interface AppOptions {
  db: Db;
  dialect: DialectName;
  version: string;
  auth: AuthSettings;
  /** OpenID Connect single sign-on; absent or null: off (local accounts only). */
  oidc?: OidcSettings | null | undefined;
  /**
   * Where people reach Cairn (CAIRN_PUBLIC_URL, or the loopback address it is bound to): the base of every
   * absolute link (feeds, share pages), never the Host header; its host is the one non-loopback Host name
   * answered (DNS rebinding).
   */
  publicOrigin: string;
  /** Origins allowed by CORS; none by default (same-origin only). */
  corsOrigins: string[];
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  trustProxy: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** Largest export file POST /products/{id}/imports reads; 50 MB by default (schemas/import.ts). */
  importLimitBytes?: number | undefined;
  /** Send the Secure flag on the session cookie (default: when the request came over HTTPS). */
  secureCookies?: boolean | undefined;
  /** Live updates (GET /products/{id}/stream); its owner closes it before the database. */
  live: LiveHub;
  /** How often a stream sends a heartbeat; 15 s by default (access is re-checked every 0.5 s regardless). */
  streamHeartbeatMs?: number | undefined;
  log: (message: string) => void;
  /** Sends mention e-mails (CAIRN_SMTP_URL); absent: no e-mail, the default. */
  mailer?: Mailer | undefined;
  /** The built web app (dist/web) to serve at `/`; none in API-only tests. */
  webRoot?: string | undefined;
  /** What the server still does before it can serve (loading the demo); health answers 503 until done. */
  readiness?: Readiness | undefined;
}

/** Set by whoever starts the server: `pending` names the work in progress, null once it can serve. */
export interface Readiness {
  pending: string | null;
}

export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: {
    options: AppOptions;
    /** This server's recently read API tokens and sessions (src/services/auth/credential-cache.ts). */
    credentials: CredentialCaches;
    actor: Actor;
    authMethod: 'token' | 'session';
    sessionToken: string | undefined;
  };
}
