/** API tokens: created (the secret is shown once, stored hashed), listed, revoked at once. */

import { CreateTokenInput } from '../../schemas/user.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { UserRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type Actor, type ServiceContext, type TokenScope, timestamp } from '../context.ts';
import { invalidField, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { productVisibility } from '../products/product-access.ts';
import type { ApiTokenUserRow, CredentialCache } from './credential-cache.ts';
import { hashSecret, newSecret } from './secrets.ts';

type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  scope: TokenScope;
  product_ids: string | null;
};

/** The stored product list (JSON text) as ids; null: every product the user can see. */
export function parseProductIds(text: string | null): string[] | null {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
  // Written only by createApiToken; a list that is not one restricts to nothing rather than to everything.
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
}

export function presentToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    scope: row.scope,
    productIds: parseProductIds(row.product_ids),
  };
}
export type ApiToken = ReturnType<typeof presentToken>;

/**
 * The products a new token is restricted to: each listed one must be visible to the actor (so a token
 * made with a restricted token stays within its products), duplicates dropped; none listed keeps the
 * actor's own restriction.
 */
async function tokenProducts(
  ctx: ServiceContext,
  productIds: readonly string[] | null | undefined,
): Promise<string[] | null> {
  if (productIds === null || productIds === undefined) {
    return ctx.actor.productIds ? [...ctx.actor.productIds] : null;
  }
  if (productIds.length === 0) return [];
  const visible = await productVisibility(ctx.db, ctx.actor);
  const existing = await ctx.db
    .selectFrom('products')
    .select('id')
    .where('id', 'in', [...new Set(productIds)])
    .execute();
  const known = new Set(existing.map((row) => row.id));
  for (const [index, id] of productIds.entries()) {
    if (!known.has(id) || !visible(id)) {
      throw invalidField(`productIds.${index}`, 'does not name a product you can see');
    }
  }
  return [...new Set(productIds)];
}

/**
 * Creates a token for the actor (a viewer's token can read only, like the viewer), with a scope and an
 * optional product list.
 */
export async function createApiToken(
  ctx: ServiceContext & { input: CreateTokenInput },
): Promise<ApiToken & { token: string }> {
  const at = timestamp(ctx);
  // Parsed here too, so callers that skip the HTTP schema (tests, the CLI's defaults) get the same defaults.
  const input = CreateTokenInput.parse(ctx.input);
  const productIds = await tokenProducts(ctx, input.productIds);
  const token = newSecret('cairn');
  const row = {
    id: newId(),
    user_id: ctx.actor.id,
    name: input.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, 12),
    created_at: at,
    last_used_at: null,
    expires_at: input.expiresInDays
      ? new Date(Date.parse(at) + input.expiresInDays * 86_400_000).toISOString()
      : null,
    revoked_at: null,
    scope: input.scope,
    product_ids: productIds === null ? null : JSON.stringify(productIds),
  };
  await withTransaction(ctx.db, async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await recordEvent(trx, {
      productId: null,
      actorId: ctx.actor.id,
      at,
      entityType: 'token',
      entityId: row.id,
      action: 'created',
      changes: {
        name: [null, row.name],
        expiresAt: [null, row.expires_at],
        scope: [null, row.scope],
        productIds: [null, productIds],
      },
    });
  });
  return { ...presentToken(row), token };
}

export async function listApiTokens(ctx: ServiceContext): Promise<ApiToken[]> {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', ctx.actor.id)
    .orderBy('created_at')
    .execute();
  return rows.map(presentToken);
}

/** Revokes one of the actor's tokens; the next request with it gets 401. */
export async function revokeApiToken(ctx: ServiceContext & { id: string }): Promise<ApiToken> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', ctx.id)
      .where('user_id', '=', ctx.actor.id)
      .executeTakeFirst();
    if (!row) throw notFound('token');
    if (row.revoked_at) return presentToken(row);
    // Conditional on not being revoked yet, so concurrent revocations record one event, not several.
    const updated = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('id', '=', row.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      return presentToken(
        await trx.selectFrom('api_tokens').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow(),
      );
    }
    await recordEvent(trx, {
      productId: null,
      actorId: ctx.actor.id,
      at,
      entityType: 'token',
      entityId: row.id,
      action: 'revoked',
      changes: { revokedAt: [null, at] },
    });
    return presentToken({ ...row, revoked_at: at });
  });
}

/** The token's row and its user's, by the token's hash: compiled once, run on every API request. */
const tokenWithUser = reusableQuery((db, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.expires_at as token_expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
      'api_tokens.scope as token_scope',
      'api_tokens.product_ids as token_product_ids',
    ])
    .where('api_tokens.token_hash', '=', tokenHash),
);

/** The user behind a live token, with what the token may do. */
export type ResolvedApiToken = UserRow & {
  /** 'read' refuses every write. */
  scope: TokenScope;
  /** The products the token is restricted to; null: every product the user can see. */
  productIds: readonly string[] | null;
};

/** The actor a resolved token acts as: its user, restricted by the token's scope and products. */
export function tokenActor(resolved: ResolvedApiToken): Actor {
  return { id: resolved.id, role: resolved.role, scope: resolved.scope, productIds: resolved.productIds };
}

/**
 * The user behind a live API token, with the token's scope and product list, or null. With `cache`, the
 * row may be one read up to CREDENTIAL_TTL_MS ago (see credential-cache.ts); without, it is read now.
 */
export async function resolveApiToken(
  db: Db,
  token: string,
  now: Date,
  cache?: CredentialCache<ApiTokenUserRow>,
): Promise<ResolvedApiToken | null> {
  const tokenHash = hashSecret(token);
  const load = async (): Promise<ApiTokenUserRow | undefined> => (await tokenWithUser(db, tokenHash))[0];
  const row = cache ? await cache.lookup(tokenHash, load) : await load();
  if (!row || row.revoked_at || row.disabled_at) return null;
  if (row.token_expires_at && now.getTime() >= Date.parse(row.token_expires_at)) return null;
  // Record use at most once a minute: an audit hint, not worth a write per request.
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= 60_000) {
    // Set first, on the (possibly cached) row: requests arriving meanwhile do not write it again.
    row.last_used_at = now.toISOString();
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: row.last_used_at })
      .where('id', '=', row.token_id)
      .execute();
  }
  const {
    token_id: _i,
    token_expires_at: _e,
    revoked_at: _r,
    last_used_at: _u,
    token_scope,
    token_product_ids,
    ...user
  } = row;
  return { ...user, scope: token_scope, productIds: parseProductIds(token_product_ids) };
}
