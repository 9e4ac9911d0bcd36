/**
 * A product's vision draft: read (empty, version 0, until someone writes it), replaced, moved to the trash
 * and restored. One row per product whose id is the product's id, written through the one versioned write
 * path, so every change is a `vision` event and a PUT with a stale If-Match gets 412.
 */
import { diffFields } from '../../domain/changes.ts';
import type { VisionText } from '../../domain/vision-diff.ts';
import type { UpdateVisionInput, VisionDraftT } from '../../schemas/vision.ts';
import type { Db } from '../../store/database.ts';
import type { VisionDraftRow } from '../../store/tables.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { updateVersioned } from '../write/update-versioned.ts';

export const EMPTY_VISION: VisionText = {
  statement: '',
  targetCustomers: [],
  problems: [],
  differentiators: [],
  periodStart: null,
  periodEnd: null,
};

/** The draft's row, or an empty one (version 0) while the product has none. */
export async function loadDraftRow(db: Db, productId: string): Promise<VisionDraftRow> {
  const row = await db.selectFrom('vision_drafts').selectAll().where('id', '=', productId).executeTakeFirst();
  return (
    row ?? {
      id: productId,
      product_id: productId,
      statement: '',
      target_customers: '[]',
      problems: '[]',
      differentiators: '[]',
      period_start: null,
      period_end: null,
      version: 0,
      created_at: '',
      updated_at: '',
      deleted_at: null,
    }
  );
}

/** The text a row holds (a draft in the trash reads as empty: use `draftText`). */
export function textOf(row: {
  statement: string;
  target_customers: string;
  problems: string;
  differentiators: string;
  period_start: string | null;
  period_end: string | null;
}): VisionText {
  return {
    statement: row.statement,
    targetCustomers: JSON.parse(row.target_customers) as string[],
    problems: JSON.parse(row.problems) as string[],
    differentiators: JSON.parse(row.differentiators) as string[],
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}

/** The draft's text as it reads: empty while in the trash. */
export function draftText(row: VisionDraftRow): VisionText {
  return row.deleted_at === null ? textOf(row) : EMPTY_VISION;
}

export function presentDraft(row: VisionDraftRow): VisionDraftT {
  return {
    productId: row.product_id,
    ...draftText(row),
    version: row.version,
    updatedAt: row.updated_at === '' ? null : row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function columnsOf(text: VisionText) {
  return {
    statement: text.statement,
    target_customers: JSON.stringify(text.targetCustomers),
    problems: JSON.stringify(text.problems),
    differentiators: JSON.stringify(text.differentiators),
    period_start: text.periodStart,
    period_end: text.periodEnd,
  };
}

export async function getVisionDraft(ctx: ServiceContext & { productId: string }): Promise<VisionDraftT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return presentDraft(await loadDraftRow(ctx.db, product.id));
}

/** Writes `row`'s change: the first write inserts the row (two first writers: one wins, one conflicts). */
function writeDraft(trx: Db, current: VisionDraftRow, set: Partial<VisionDraftRow>, at: string) {
  return async (stamp: { version: number; updated_at: string }) => {
    if (current.version === 0) {
      return trx
        .insertInto('vision_drafts')
        .values({ ...current, ...set, created_at: at, ...stamp })
        .onConflict((oc) => oc.column('id').doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    return trx
      .updateTable('vision_drafts')
      .set({ ...set, ...stamp })
      .where('id', '=', current.id)
      .where('version', '=', current.version)
      .returningAll()
      .executeTakeFirst();
  };
}

/** Replaces the draft. A draft in the trash is replaced too: writing starts a new draft. */
export async function updateVisionDraft(
  ctx: ServiceContext & { productId: string; input: UpdateVisionInput; expectedVersion?: number | undefined },
): Promise<VisionDraftT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return updateVersioned<VisionDraftRow, VisionDraftT>({
    ...ctx,
    entityType: 'vision',
    load: (db) => loadDraftRow(db, product.id),
    present: (_db, row) => presentDraft(row),
    describe: () => `the vision draft of ${product.key}`,
    change: async (trx, current, at) => {
      const changes = diffFields(draftText(current), ctx.input);
      if (Object.keys(changes).length === 0 && current.deleted_at === null) return null;
      if (current.deleted_at !== null) changes.deletedAt = [current.deleted_at, null];
      return {
        action: 'updated',
        changes,
        write: writeDraft(trx, current, { ...columnsOf(ctx.input), deleted_at: null }, at),
      };
    },
  });
}

/**
 * Moves the draft to the trash (it then reads as empty; its text is kept) or brings it back. Published
 * versions are history and stay either way.
 */
export async function setVisionDraftTrashed(
  ctx: ServiceContext & { productId: string; trashed: boolean; expectedVersion?: number | undefined },
): Promise<VisionDraftT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return updateVersioned<VisionDraftRow, VisionDraftT>({
    ...ctx,
    entityType: 'vision',
    load: (db) => loadDraftRow(db, product.id),
    present: (_db, row) => presentDraft(row),
    describe: () => `the vision draft of ${product.key}`,
    change: async (trx, current, at) => {
      // Nothing to trash before the first write; nothing to restore when it is not in the trash.
      if (current.version === 0 || (current.deleted_at !== null) === ctx.trashed) return null;
      const deletedAt = ctx.trashed ? at : null;
      return {
        action: ctx.trashed ? 'deleted' : 'restored',
        changes: { deletedAt: [current.deleted_at, deletedAt] },
        write: writeDraft(trx, current, { deleted_at: deletedAt }, at),
      };
    },
  });
}
