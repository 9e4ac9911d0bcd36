/**
 * What the first paint of an address shows (presenters/first-paint-html.ts), read with the reader's own
 * rights: the same services the API's reads use, so a page shows nothing its reader's API calls would not.
 * Null when the address has no first paint, or it names nothing the reader may see: the app then says
 * so itself, as it always has.
 */

import {
  FIRST_PAINT_ROWS,
  type FirstPaint,
  type FirstPaintProduct,
} from '../../presenters/first-paint-html.ts';
import { DEFAULT_ROADMAP_STATUSES } from '../../presenters/plan-labels.ts';
import { byTargetDate } from '../../presenters/theme-lanes.ts';
import { itemKeyInPath, productKeyInPath } from '../../web/addresses.ts';
import { storyMapIdInPath } from '../../web/boot/first-reads.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { listBacklogRows } from '../items/backlog-rows.ts';
import { getItem } from '../items/get-item.ts';
import { listInitiatives } from '../planning/initiatives.ts';
import { listThemes } from '../planning/themes.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { getStoryMap } from '../story-maps/story-maps.ts';

// `/p/KEY` alone is the product home (its overdue list, from its own reads): no backlog rows there.
const BACKLOG_PATH = /^\/p\/([A-Za-z]{2,10})\/backlog\/?$/;
const ROADMAP_PATH = /^\/p\/([A-Za-z]{2,10})\/roadmap\/?$/;

/**
 * `search` is the address's query: a filtered backlog or roadmap (?q=…, ?status=…) gets no first paint, as
 * the rows it would show are not the ones the app will.
 */
export async function loadFirstPaint(
  ctx: ServiceContext & { pathname: string; search: string },
): Promise<FirstPaint | null> {
  try {
    const itemKey = itemKeyInPath(ctx.pathname);
    if (itemKey) return await itemPaint(ctx, itemKey);
    if (ctx.search !== '') return null;
    const backlog = BACKLOG_PATH.exec(ctx.pathname)?.[1];
    if (backlog) return await backlogPaint(ctx, backlog.toUpperCase());
    const roadmap = ROADMAP_PATH.exec(ctx.pathname)?.[1];
    if (roadmap) return await roadmapPaint(ctx, roadmap.toUpperCase());
    const storyMapId = storyMapIdInPath(ctx.pathname);
    const storyMapProduct = productKeyInPath(ctx.pathname);
    if (storyMapId && storyMapProduct) return await storyMapPaint(ctx, storyMapProduct, storyMapId);
    return null;
  } catch (error) {
    // Not there, or not the reader's: the app's own reads show the message.
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  }
}

async function product(ctx: ServiceContext, ref: string): Promise<FirstPaintProduct & { id: string }> {
  const row = await loadVisibleProduct(ctx.db, ctx.actor, ref);
  return { id: row.id, key: row.key, name: row.name };
}

async function backlogPaint(ctx: ServiceContext, key: string): Promise<FirstPaint | null> {
  const shown = await product(ctx, key);
  const rows = await listBacklogRows(ctx.db, 'product_id', shown.id, FIRST_PAINT_ROWS);
  // An empty backlog has its own words and a field to add the first item: the app's to show.
  if (rows.length === 0) return null;
  const initiativeIds = [...new Set(rows.flatMap((row) => (row.initiativeId ? [row.initiativeId] : [])))];
  const assigneeIds = [...new Set(rows.flatMap((row) => (row.assigneeId ? [row.assigneeId] : [])))];
  const [initiatives, users] = await Promise.all([
    initiativeIds.length
      ? ctx.db
          .selectFrom('initiatives')
          .select(['id', 'title'])
          .where('id', 'in', initiativeIds)
          .where('product_id', '=', shown.id)
          .where('deleted_at', 'is', null)
          .execute()
      : [],
    assigneeIds.length
      ? ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', assigneeIds).execute()
      : [],
  ]);
  return {
    screen: 'backlog',
    product: shown,
    rows,
    initiativeTitles: new Map(initiatives.map((row) => [row.id, row.title])),
    assigneeNames: new Map(users.map((row) => [row.id, row.name])),
  };
}

async function itemPaint(ctx: ServiceContext, key: string): Promise<FirstPaint | null> {
  const item = await getItem({ ...ctx, idOrKey: key });
  // A trashed item's panel offers to restore it: the app's to show.
  if (item.deletedAt) return null;
  return { screen: 'item', product: await product(ctx, item.productId), item };
}

async function roadmapPaint(ctx: ServiceContext, key: string): Promise<FirstPaint | null> {
  const shown = await product(ctx, key);
  const [initiatives, themes] = await Promise.all([
    listInitiatives({ ...ctx, productId: shown.id }),
    listThemes({ ...ctx, productId: shown.id }),
  ]);
  const onBoard = initiatives.filter((i) => DEFAULT_ROADMAP_STATUSES.includes(i.status)).sort(byTargetDate);
  // An empty roadmap explains what an initiative is: the app's to show.
  if (onBoard.length === 0) return null;
  return {
    screen: 'roadmap',
    product: shown,
    themes: [...themes].sort((a, b) => a.name.localeCompare(b.name)),
    initiatives: onBoard,
  };
}

async function storyMapPaint(ctx: ServiceContext, key: string, id: string): Promise<FirstPaint | null> {
  // The API's own read of the map (trashed or not the reader's: not_found), as the screen makes it.
  const [shown, map] = await Promise.all([product(ctx, key), getStoryMap({ ...ctx, id })]);
  // A map of another product under this one's address, or one with no backbone yet (its words and the
  // field to start it): the app's to show.
  if (map.productId !== shown.id || map.activities.length === 0) return null;
  return { screen: 'story-map', product: shown, map, canEdit: ctx.actor.role !== 'viewer' };
}
