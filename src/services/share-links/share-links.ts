/**
 * Share links of a product's customer roadmap: made and revoked by editors, listed to members. The URL's
 * token is random (32 bytes) and shown once; only its SHA-256 is stored, so the database alone cannot open
 * a link. A revoked link goes to the trash and can be restored: the same URL then works again (unless it
 * has expired meanwhile). Every change is an event.
 */
import { createHash, randomBytes } from 'node:crypto';
import { creationChanges } from '../../domain/changes.ts';
import type { CreatedShareLink, CreateShareLinkInput, ShareLink } from '../../schemas/share-link.ts';
import type { Db } from '../../store/database.ts';
import type { ShareLinkRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { trashChange } from '../write/trash-change.ts';
import { updateVersioned } from '../write/update-versioned.ts';

/** Live links a product may hold: a list a person can still scan. */
export const MAX_SHARE_LINKS = 100;

/** The stored form of a token: hex SHA-256. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function presentShareLink(row: ShareLinkRow): ShareLink {
  return {
    id: row.id,
    productId: row.product_id,
    view: row.view,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    createdBy: row.created_by,
    version: row.version,
    deletedAt: row.deleted_at,
  };
}

async function loadShareLink(db: Db, ctx: ServiceContext, id: string, live = true): Promise<ShareLinkRow> {
  const row = await db.selectFrom('share_links').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('share link');
  await loadVisibleProduct(db, ctx.actor, row.product_id).catch(() => {
    throw notFound('share link');
  });
  return row;
}

export async function createShareLink(
  ctx: ServiceContext & { productId: string; input: CreateShareLinkInput; publicOrigin: string },
): Promise<CreatedShareLink> {
  const at = timestamp(ctx);
  const expiresAt = ctx.input.expiresAt === null ? null : new Date(ctx.input.expiresAt).toISOString();
  if (expiresAt !== null && expiresAt <= at) throw invalidField('expiresAt', 'must be in the future');
  return withTransaction(ctx.db, async (trx) => {
    const product = await loadVisibleProduct(trx, ctx.actor, ctx.productId);
    await lockProductForWrite(trx, ctx.actor, product.id);
    const count = await trx
      .selectFrom('share_links')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_SHARE_LINKS) {
      throw new AppError(
        'invalid_state',
        `a product holds at most ${MAX_SHARE_LINKS} share links; revoke one first`,
      );
    }
    const token = randomBytes(32).toString('base64url');
    const row: ShareLinkRow = {
      id: newId(),
      product_id: product.id,
      view: ctx.input.view,
      token_hash: tokenHash(token),
      expires_at: expiresAt,
      created_by: ctx.actor.id,
      version: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('share_links').values(row).execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'share_link',
      entityId: row.id,
      action: 'created',
      // Never the token or its hash: events are read by every member.
      changes: creationChanges({ view: row.view, expiresAt }),
    });
    return { ...presentShareLink(row), url: `${ctx.publicOrigin}/share/${token}` };
  });
}

/** The product's live links, newest first (bounded by MAX_SHARE_LINKS). */
export async function listShareLinks(ctx: ServiceContext & { productId: string }): Promise<ShareLink[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('share_links')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(MAX_SHARE_LINKS)
    .execute();
  return rows.map(presentShareLink);
}

/** Revokes a link (to the trash: its URL answers 404), or restores it (the same URL works again). */
export async function setShareLinkTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<ShareLink> {
  return updateVersioned<ShareLinkRow, ShareLink>({
    ...ctx,
    entityType: 'share_link',
    load: (db) => loadShareLink(db, ctx, ctx.id, false),
    present: (_db, row) => presentShareLink(row),
    describe: () => 'share link',
    change: async (trx, current, at) => {
      return trashChange(trx, 'share_links', current, {
        trashed: ctx.trashed,
        at,
        beforeRestore: async () => {
          const count = await trx
            .selectFrom('share_links')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('product_id', '=', current.product_id)
            .where('deleted_at', 'is', null)
            .executeTakeFirstOrThrow();
          if (Number(count.n) >= MAX_SHARE_LINKS) {
            throw new AppError('invalid_state', `a product holds at most ${MAX_SHARE_LINKS} share links`);
          }
        },
      });
    },
  });
}
