/** Users, roles, credentials. */
import { Id, requiredText, Timestamp, z } from './common.ts';
import { LIMITS } from './limits.ts';

export const Role = z.enum(['owner', 'admin', 'editor', 'viewer']).openapi('Role');
export type Role = z.infer<typeof Role>;

/** At least 12 characters, no composition rules (NIST SP 800-63B); 1024 caps the KDF's work. */
export const Password = z
  .string()
  .min(LIMITS.passwordMin, `must be at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, `must be at most ${LIMITS.passwordMax} characters`);

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email, `must be at most ${LIMITS.email} characters`)
  .email('must be an email address');

export const SetupInput = z
  .object({ email: Email, name: requiredText(LIMITS.userName), password: Password })
  .strict()
  .openapi('SetupInput');

export const LoginInput = z
  .object({ email: Email, password: z.string().max(LIMITS.passwordMax) })
  .strict()
  .openapi('LoginInput');

export const CreateUserInput = z
  .object({ email: Email, name: requiredText(LIMITS.userName), role: Role, password: Password.optional() })
  .strict()
  .openapi('CreateUserInput');
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const User = z
  .object({ id: Id, email: z.string(), name: z.string(), role: Role, createdAt: Timestamp })
  .openapi('User');
export type User = z.infer<typeof User>;

/** What an API token may do: read only, or read and write (within the user's role). */
export const TokenScope = z.enum(['read', 'write']).openapi('TokenScope');
export type TokenScope = z.infer<typeof TokenScope>;

/** The most products one API token may be restricted to. */
export const MAX_TOKEN_PRODUCTS = 100;

export const CreateTokenInput = z
  .object({
    name: requiredText(LIMITS.tokenName),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(3650)
      .optional()
      .describe('Omit for a token that never expires.'),
    scope: TokenScope.default('write').describe(
      "'read' refuses every write (403 insufficient_scope); 'write' may do whatever your role allows.",
    ),
    productIds: z
      .array(Id)
      .max(MAX_TOKEN_PRODUCTS, `must list at most ${MAX_TOKEN_PRODUCTS} products`)
      .nullable()
      .optional()
      .describe(
        'Restrict the token to these products (each one you can see); omit or null for every product.',
      ),
  })
  .strict()
  .openapi('CreateTokenInput');
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it.'),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    scope: TokenScope,
    productIds: z
      .array(Id)
      .nullable()
      .describe('The products the token is restricted to; null: every product you can see.'),
  })
  .openapi('ApiToken');

export const CreatedToken = ApiToken.extend({
  token: z
    .string()
    .describe('The secret, shown only in this response. Send it as `Authorization: Bearer …`.'),
}).openapi('CreatedToken');

export const SessionResponse = z.object({ user: User, expiresAt: Timestamp }).openapi('Session');
export const SetupResponse = z.object({ user: User, token: z.string() }).openapi('SetupResponse');

export const SetupStatus = z
  .object({
    required: z.boolean().describe('True until the first user exists: show the first-run screen.'),
    sso: z
      .object({
        name: z.string().describe('The button label: "Sign in with <name>".'),
        startUrl: z.string().describe('Where the button goes (a browser navigation, not an API call).'),
      })
      .optional()
      .describe('Single sign-on through OpenID Connect, when configured; absent: local accounts only.'),
  })
  .openapi('SetupStatus');
