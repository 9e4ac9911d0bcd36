/** One PRD, and its gaps: requirements no live backlog item delivers, metrics never measured. */
import { prdGaps } from '../../domain/prd-gaps.ts';
import type { PrdExport } from '../../presenters/prd-markdown.ts';
import { parsePrd } from '../../presenters/prd-present.ts';
import type { Prd, PrdGaps } from '../../schemas/prd.ts';
import type { ServiceContext } from '../context.ts';
import { itemsOfProduct, linkedIds, loadPrd, readPrd } from './prd-store.ts';

export async function getPrd(ctx: ServiceContext & { id: string }): Promise<Prd> {
  return readPrd(ctx.db, await loadPrd(ctx.db, ctx.actor, ctx.id));
}

export async function getPrdGaps(ctx: ServiceContext & { id: string }): Promise<PrdGaps> {
  const row = await loadPrd(ctx.db, ctx.actor, ctx.id);
  const items = await itemsOfProduct(ctx.db, row.product_id, linkedIds(row));
  const live = new Set(items.filter((item) => !item.trashed).map((item) => item.id));
  return prdGaps(parsePrd(row), live);
}

/** What an export of the PRD shows: the PRD, and the title of its initiative. */
export async function getPrdExport(ctx: ServiceContext & { id: string }): Promise<PrdExport> {
  const row = await loadPrd(ctx.db, ctx.actor, ctx.id);
  const initiative = row.initiative_id
    ? await ctx.db
        .selectFrom('initiatives')
        .select('title')
        .where('id', '=', row.initiative_id)
        .executeTakeFirst()
    : undefined;
  return { prd: await readPrd(ctx.db, row), initiativeTitle: initiative?.title ?? null };
}
