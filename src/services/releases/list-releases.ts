/**
 * A product's live releases in the order people plan by: planned ones first, soonest target date first
 * (undated last), then released ones newest first, then cancelled ones.
 */
import { NO_ITEMS, presentRelease } from '../../presenters/release.ts';
import type { Release } from '../../schemas/release.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { countReleaseItems } from './load-release.ts';

const STATE_ORDER: Record<Release['state'], number> = { planned: 0, released: 1, cancelled: 2 };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The list order (a comparator for Array.sort). */
export function compareReleases(a: Release, b: Release): number {
  const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
  if (byState !== 0) return byState;
  if (a.state === 'planned') {
    const byDate =
      a.targetDate === b.targetDate
        ? 0
        : a.targetDate === null
          ? 1
          : b.targetDate === null
            ? -1
            : compareText(a.targetDate, b.targetDate);
    if (byDate !== 0) return byDate;
  } else if (a.state === 'released') {
    const byRelease = compareText(b.releasedAt ?? '', a.releasedAt ?? '');
    if (byRelease !== 0) return byRelease;
  }
  return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

export async function listReleases(ctx: ServiceContext & { productId: string }): Promise<Release[]> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('releases')
    .selectAll()
    .where('product_id', '=', product.id)
    .where('deleted_at', 'is', null)
    .execute();
  const counts = await countReleaseItems(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => presentRelease(row, counts.get(row.id) ?? NO_ITEMS)).sort(compareReleases);
}
