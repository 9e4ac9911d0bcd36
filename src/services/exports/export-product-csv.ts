/**
 * A product's live items, or its initiatives, as CSV for a spreadsheet: names instead of ids, written a
 * batch at a time. Every cell goes through the CSV presenter, which neutralises formulas (a title starting
 * with = + - @ gets a leading apostrophe), since titles are user text.
 */
import { type CsvCell, csvCell } from '../../presenters/csv.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';

export type CsvExportKind = 'items' | 'initiatives';

export interface CsvExport {
  productKey: string;
  chunks: AsyncGenerator<string>;
}

const BATCH = 5_000;

const row = (cells: readonly CsvCell[]) => `${cells.map(csvCell).join(',')}\r\n`;

/** The CSV of a product the actor may see (`not_found` otherwise, before anything is written). */
export async function exportProductCsv(
  ctx: ServiceContext & { productRef: string; kind: CsvExportKind },
): Promise<CsvExport> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productRef);
  const chunks = ctx.kind === 'items' ? itemsCsv(ctx.db, product.id) : initiativesCsv(ctx.db, product.id);
  return { productKey: product.key, chunks };
}

const ITEM_HEADER = [
  'key',
  'type',
  'title',
  'status',
  'estimate',
  'initiative',
  'sprint',
  'release',
  'assignee',
  'labels',
  'createdAt',
  'updatedAt',
];

async function* itemsCsv(db: ServiceContext['db'], productId: string): AsyncGenerator<string> {
  yield row(ITEM_HEADER);
  let after = 0;
  // Pages by item number (unique in a product): as many pages as the product has items over BATCH.
  for (;;) {
    const items = await db
      .selectFrom('items')
      .leftJoin('initiatives', 'initiatives.id', 'items.initiative_id')
      .leftJoin('sprints', 'sprints.id', 'items.sprint_id')
      .leftJoin('releases', 'releases.id', 'items.release_id')
      .leftJoin('users', 'users.id', 'items.assignee_id')
      .select([
        'items.number',
        'items.key',
        'items.type',
        'items.title',
        'items.status',
        'items.estimate',
        'items.labels',
        'items.created_at',
        'items.updated_at',
        'initiatives.title as initiative',
        'sprints.name as sprint',
        'releases.name as release',
        'users.email as assignee',
      ])
      .where('items.product_id', '=', productId)
      .where('items.deleted_at', 'is', null)
      .where('items.number', '>', after)
      .orderBy('items.number')
      .limit(BATCH)
      .execute();
    let text = '';
    for (const item of items) {
      text += row([
        item.key,
        item.type,
        item.title,
        item.status,
        item.estimate,
        item.initiative,
        item.sprint,
        item.release,
        item.assignee,
        labelList(item.labels),
        item.created_at,
        item.updated_at,
      ]);
    }
    if (text) yield text;
    const last = items[items.length - 1];
    if (items.length < BATCH || !last) return;
    after = last.number;
  }
}

const INITIATIVE_HEADER = [
  'title',
  'theme',
  'horizon',
  'status',
  'confidence',
  'visibility',
  'startDate',
  'targetDate',
  'summary',
  'items',
  'createdAt',
];

async function* initiativesCsv(db: ServiceContext['db'], productId: string): AsyncGenerator<string> {
  yield row(INITIATIVE_HEADER);
  const counts = await db
    .selectFrom('items')
    .select(['initiative_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .where('initiative_id', 'is not', null)
    .groupBy('initiative_id')
    .execute();
  const itemCount = new Map(counts.map((c) => [c.initiative_id, Number(c.count)]));
  const initiatives = await db
    .selectFrom('initiatives')
    .leftJoin('themes', 'themes.id', 'initiatives.theme_id')
    .select([
      'initiatives.id',
      'initiatives.title',
      'themes.name as theme',
      'initiatives.horizon',
      'initiatives.status',
      'initiatives.confidence',
      'initiatives.visibility',
      'initiatives.start_date',
      'initiatives.target_date',
      'initiatives.summary',
      'initiatives.created_at',
    ])
    .where('initiatives.product_id', '=', productId)
    .where('initiatives.deleted_at', 'is', null)
    .orderBy('initiatives.created_at')
    .orderBy('initiatives.id')
    .execute();
  let text = '';
  for (const initiative of initiatives) {
    text += row([
      initiative.title,
      initiative.theme,
      initiative.horizon,
      initiative.status,
      initiative.confidence,
      initiative.visibility,
      initiative.start_date,
      initiative.target_date,
      initiative.summary,
      itemCount.get(initiative.id) ?? 0,
      initiative.created_at,
    ]);
  }
  yield text;
}

/** The labels column holds a JSON array of names: one cell, comma-separated. */
function labelList(labels: string): string {
  try {
    const parsed: unknown = JSON.parse(labels);
    return Array.isArray(parsed) ? parsed.filter((l) => typeof l === 'string').join(', ') : '';
  } catch {
    return '';
  }
}
