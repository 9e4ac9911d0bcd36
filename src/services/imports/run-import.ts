/**
 * Imports another tool's export into a product: the one use case behind the CLI's `cairn import`, the API's
 * POST /products/{id}/imports and the web wizard. A dry run (the default everywhere) reports what would
 * happen and writes nothing; a real run writes it all in one transaction, so a failed import leaves
 * nothing behind. Importing the same file again updates what the last import made (by external key).
 */
import type { ImportBundle, ImportKind, StatusMapping } from '../../importers/bundle.ts';
import { type MarkdownFile, parseExport, parseMarkdownFolder } from '../../importers/parse-export.ts';
import type { ImportReport } from '../../schemas/import.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { authorize } from '../policy.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { buildReport } from './build-report.ts';
import { loadImportState } from './load-import-state.ts';
import { mapStatuses } from './map-statuses.ts';
import { planImport } from './plan-import.ts';
import { writeImport } from './write-import.ts';

/** The export: a file's bytes (HTTP, CLI), a Markdown folder's files (CLI), or a bundle parsed already. */
export type ImportSource =
  | { bytes: Uint8Array; contentType?: string | null | undefined }
  | { files: readonly MarkdownFile[] }
  | { bundle: ImportBundle };

export interface RunImportInput {
  /** The product's id or key. */
  productId: string;
  kind: ImportKind;
  dryRun: boolean;
  /** The user's corrections to the default status mapping. */
  statusMap?: StatusMapping | undefined;
  source: ImportSource;
}

function parseSource(kind: ImportKind, source: ImportSource): ImportBundle {
  if ('bundle' in source) return source.bundle;
  if ('files' in source) return parseMarkdownFolder(source.files);
  return parseExport(kind, source.bytes, source.contentType);
}

/** Every source status of the file's items and epics, in order of first appearance. */
function sourceStatuses(bundle: ImportBundle): string[] {
  const statuses = new Set(bundle.statuses);
  for (const item of bundle.items) statuses.add(item.sourceStatus);
  for (const initiative of bundle.initiatives) statuses.add(initiative.sourceStatus);
  return [...statuses];
}

export async function runImport(ctx: ServiceContext & RunImportInput): Promise<ImportReport> {
  const at = timestamp(ctx);
  // A dry run is the first step of a write: viewers may not make either.
  authorize(ctx.actor, 'write');
  const visible = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const bundle = parseSource(ctx.kind, ctx.source);
  const mapping = mapStatuses(sourceStatuses(bundle), ctx.statusMap);
  if (ctx.dryRun) {
    const state = await loadImportState(ctx.db, visible.id, ctx.kind);
    return buildReport({
      kind: ctx.kind,
      bundle,
      plan: planImport(bundle, mapping, state, at.slice(0, 10)),
      dryRun: true,
    });
  }
  return withTransaction(ctx.db, async (trx) => {
    const product = await lockProductForWrite(trx, ctx.actor, visible.id);
    // Read under the product's write lock: the plan cannot be overtaken by another import.
    const state = await loadImportState(trx, product.id, ctx.kind);
    const plan = planImport(bundle, mapping, state, at.slice(0, 10));
    const outcome = await writeImport({
      trx,
      actor: ctx.actor,
      at,
      productId: product.id,
      kind: ctx.kind,
      plan,
    });
    const report = buildReport({ kind: ctx.kind, bundle, plan, dryRun: false, ...outcome });
    const summary = {
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      conflicts: report.conflictsTotal,
      skipped: report.skippedTotal,
    };
    const id = newId();
    await trx
      .insertInto('import_runs')
      .values({
        id,
        product_id: product.id,
        kind: ctx.kind,
        format: bundle.format,
        actor_id: ctx.actor.id,
        rows: bundle.rows,
        summary: JSON.stringify(summary),
        created_at: at,
      })
      .execute();
    await recordEvent(trx, {
      productId: product.id,
      actorId: ctx.actor.id,
      at,
      entityType: 'import',
      entityId: id,
      action: 'completed',
      changes: { kind: [null, ctx.kind], format: [null, bundle.format], rows: [null, bundle.rows] },
    });
    return report;
  });
}
