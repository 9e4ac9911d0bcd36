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
  })
  .strict()
  .openapi('CreateTokenInput');
export type CreateTokenInput = z.infer<typeof CreateTokenInput>;

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to recognise it.'),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
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
  .object({ required: z.boolean().describe('True until the first user exists: show the first-run screen.') })
  .openapi('SetupStatus');
