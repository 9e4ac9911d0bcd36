/** Server configuration from command-line flags and environment variables, validated with clear errors. */
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isLoopbackHostname } from './http/host-names.ts';
import { type OidcSettings, oidcSettingsFromEnv } from './services/auth/oidc-settings.ts';
import { type AuthSettings, defaultAuthSettings } from './services/auth/settings.ts';

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  sqliteFile: string;
  /** CAIRN_PUBLIC_URL's origin: where people reach Cairn; required when bound beyond loopback. */
  publicUrl: string | undefined;
  corsOrigins: string[];
  trustProxy: boolean;
  bodyLimitBytes: number;
  auth: AuthSettings;
  /** OpenID Connect single sign-on (CAIRN_OIDC_*); null: off. */
  oidc: OidcSettings | null;
  /** The built web app to serve; defaults to dist/web beside the server; null serves the API only. */
  webRoot?: string | null | undefined;
  /** CAIRN_WEBHOOKS_ALLOW_PRIVATE: webhooks may reach loopback and private addresses (off: SSRF guard). */
  webhooksAllowPrivate?: boolean | undefined;
  /** CAIRN_SMTP_URL and CAIRN_MAIL_FROM: mention e-mails by SMTP; undefined (the default) sends none. */
  smtp?: { url: string; from: string } | undefined;
}

export interface ConfigFlags {
  host?: string | undefined;
  port?: string | number | undefined;
  data?: string | undefined;
  databaseUrl?: string | undefined;
}

const positive = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .positive(`${name} must be positive`);

const schema = z.object({
  host: z.string().min(1),
  port: z.coerce
    .number({ error: 'port must be a number' })
    .int()
    .min(0, 'port must be 0–65535')
    .max(65535, 'port must be 0–65535'),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  publicUrl: z
    .string()
    .url({ message: 'CAIRN_PUBLIC_URL must be a URL such as https://plan.example.com', abort: true })
    .refine(
      (value) => /^https?:$/.test(new URL(value).protocol),
      'CAIRN_PUBLIC_URL must be http:// or https://',
    )
    .refine(
      (value) => ['', '/'].includes(new URL(value).pathname) && !new URL(value).search,
      'CAIRN_PUBLIC_URL must be an origin without a path, such as https://plan.example.com',
    )
    .optional(),
  corsOrigins: z.array(z.string().url('CAIRN_CORS_ORIGINS must list URLs such as https://plan.example.com')),
  trustProxy: z.boolean(),
  bodyLimitBytes: positive('CAIRN_BODY_LIMIT_BYTES'),
  sessionIdleMinutes: positive('CAIRN_SESSION_IDLE_MINUTES'),
  sessionMaxHours: positive('CAIRN_SESSION_MAX_HOURS'),
  smtpUrl: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, 'CAIRN_SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  mailFrom: z.string().min(3).max(254).regex(/@/, 'CAIRN_MAIL_FROM must hold an e-mail address'),
});

/** Flags win over environment variables, which win over defaults. Throws an Error naming the bad setting. */
export function loadConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = schema.safeParse({
    host: flags.host ?? env.CAIRN_HOST ?? '127.0.0.1',
    port: flags.port ?? env.PORT ?? 4100,
    dataDir: flags.data ?? env.CAIRN_DATA_DIR ?? 'cairn-data',
    databaseUrl: flags.databaseUrl ?? (env.DATABASE_URL || undefined),
    publicUrl: env.CAIRN_PUBLIC_URL || undefined,
    corsOrigins: (env.CAIRN_CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: env.CAIRN_TRUST_PROXY === '1' || env.CAIRN_TRUST_PROXY === 'true',
    bodyLimitBytes: env.CAIRN_BODY_LIMIT_BYTES ?? 1024 * 1024,
    sessionIdleMinutes: env.CAIRN_SESSION_IDLE_MINUTES ?? defaultAuthSettings.sessionIdleMinutes,
    sessionMaxHours: env.CAIRN_SESSION_MAX_HOURS ?? defaultAuthSettings.sessionMaxHours,
    smtpUrl: env.CAIRN_SMTP_URL || undefined,
    mailFrom: env.CAIRN_MAIL_FROM || 'Cairn <cairn@localhost>',
  });
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  const c = parsed.data;
  // Bound beyond loopback, the server cannot tell its own names from a rebinding attacker's: it must be told.
  if (!isLoopbackHostname(c.host) && !c.publicUrl) {
    throw new Error(
      `invalid configuration: CAIRN_PUBLIC_URL must be set when binding ${c.host} (not loopback): ` +
        'the address people use to reach Cairn, such as https://plan.example.com',
    );
  }
  const dataDir = resolve(c.dataDir);
  return {
    host: c.host,
    port: c.port,
    dataDir,
    databaseUrl: c.databaseUrl,
    sqliteFile: join(dataDir, 'cairn.db'),
    publicUrl: c.publicUrl === undefined ? undefined : new URL(c.publicUrl).origin,
    corsOrigins: c.corsOrigins,
    trustProxy: c.trustProxy,
    webhooksAllowPrivate:
      env.CAIRN_WEBHOOKS_ALLOW_PRIVATE === '1' || env.CAIRN_WEBHOOKS_ALLOW_PRIVATE === 'true',
    bodyLimitBytes: c.bodyLimitBytes,
    auth: {
      ...defaultAuthSettings,
      sessionIdleMinutes: c.sessionIdleMinutes,
      sessionMaxHours: c.sessionMaxHours,
    },
    oidc: oidcSettingsFromEnv(env),
    // CAIRN_WEB_ROOT=none: an API-only server (its health does not wait for a web build).
    webRoot:
      env.CAIRN_WEB_ROOT === 'none' ? null : env.CAIRN_WEB_ROOT ? resolve(env.CAIRN_WEB_ROOT) : undefined,
    smtp: c.smtpUrl === undefined ? undefined : { url: c.smtpUrl, from: c.mailFrom },
  };
}
