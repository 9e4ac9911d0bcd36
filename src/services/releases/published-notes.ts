/**
 * Published release notes for the feeds outside the API. A product whose release notes are public is open
 * to anyone; otherwise only to a signed-in caller who can see the product. Everyone else is told the
 * product is not found, so the feed does not reveal that a private product exists.
 */
import type { Db } from '../../store/database.ts';
import type { ProductRow } from '../../store/tables.ts';
import type { Actor } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { isVisible } from '../products/product-access.ts';

export interface PublishedNotes {
  id: string;
  name: string;
  markdown: string;
  publishedAt: string;
  releasedAt: string | null;
}

const PRODUCT_KEY = /^[A-Z]{2,10}$/;

/**
 * The product whose notes are asked for, if the caller may read them. `resolveActor` is only called for a
 * private product: it authenticates the request and gives null for an anonymous caller.
 */
export async function openNotesProduct(options: {
  db: Db;
  productKey: string;
  resolveActor: () => Promise<Actor | null>;
}): Promise<ProductRow> {
  const product = PRODUCT_KEY.test(options.productKey)
    ? await options.db
        .selectFrom('products')
        .selectAll()
        .where('key', '=', options.productKey)
        .executeTakeFirst()
    : undefined;
  if (!product) throw notFound('product');
  if (product.release_notes_public === 1) return product;
  const actor = await options.resolveActor();
  if (!actor || !(await isVisible(options.db, actor, product.id))) throw notFound('product');
  return product;
}

/** The product's live releases with published notes, the most recently published first. */
export async function listPublishedNotes(db: Db, productId: string): Promise<PublishedNotes[]> {
  const rows = await db
    .selectFrom('releases')
    .select(['id', 'name', 'notes_published', 'notes_published_at', 'released_at'])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .where('notes_published', 'is not', null)
    .orderBy('notes_published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    markdown: row.notes_published ?? '',
    publishedAt: row.notes_published_at ?? '',
    releasedAt: row.released_at,
  }));
}

/** One live release's published notes; `not_found` when it has none. */
export async function getPublishedNotes(
  db: Db,
  productId: string,
  releaseId: string,
): Promise<PublishedNotes> {
  const row = await db
    .selectFrom('releases')
    .select(['id', 'name', 'notes_published', 'notes_published_at', 'released_at'])
    .where('product_id', '=', productId)
    .where('id', '=', releaseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw notFound('release');
  if (row.notes_published === null || row.notes_published_at === null) {
    throw new AppError('not_found', `release ${row.name} has no published notes`);
  }
  return {
    id: row.id,
    name: row.name,
    markdown: row.notes_published,
    publishedAt: row.notes_published_at,
    releasedAt: row.released_at,
  };
}
