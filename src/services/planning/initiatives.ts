/** Initiatives: the roadmap's units, with horizon, dates, confidence, visibility and linked objectives. */

import { datesInOrder } from '../../domain/calendar.ts';
import { creationChanges, diffFields, sameValue } from '../../domain/changes.ts';
import { type Initiative as PresentedInitiative, presentInitiative } from '../../presenters/planning.ts';
import type { CreateInitiativeInput, UpdateInitiativeInput } from '../../schemas/initiative.ts';
import type { Db } from '../../store/database.ts';
import type { InitiativeRow } from '../../store/tables.ts';
import { withTransaction } from '../../store/transaction.ts';
import { recordAnnouncement } from '../baselines/announcements.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { type WithPrdMetrics, withPrdMetrics } from '../prds/initiative-metrics.ts';
import { loadVisibleProduct, lockProductForWrite } from '../products/product-access.ts';
import { assertInProduct } from './references.ts';
import { loadScoped, setTrashed, updateScopedRow, writeScoped } from './scoped-entity.ts';

/** The objective ids each initiative is linked to, in one query. */
export async function objectiveIdsByInitiative(
  db: Db,
  initiativeIds: string[],
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(initiativeIds.map((id) => [id, []]));
  if (initiativeIds.length === 0) return map;
  const links = await db
    .selectFrom('initiative_objectives')
    .select(['initiative_id', 'objective_id'])
    .where('initiative_id', 'in', initiativeIds)
    .orderBy('objective_id')
    .execute();
  for (const link of links) map.get(link.initiative_id)?.push(link.objective_id);
  return map;
}

const describe = (row: InitiativeRow) => `initiative "${row.title}"`;

/** An initiative with the metrics it shows (its current PRD's, when it has one: services/prds). */
type Initiative = WithPrdMetrics<PresentedInitiative>;

async function readInitiative(db: Db, id: string): Promise<Initiative> {
  const row = await db.selectFrom('initiatives').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const [initiative] = await withPrdMetrics(db, [
    presentInitiative(row, (await objectiveIdsByInitiative(db, [id])).get(id) ?? []),
  ]);
  return initiative as Initiative;
}

async function validateReferences(
  db: Db,
  productId: string,
  input: { themeId?: string | null | undefined; objectiveIds?: string[] | undefined },
): Promise<void> {
  if (input.themeId) await assertInProduct(db, 'themes', input.themeId, productId, 'themeId');
  for (const [index, objectiveId] of (input.objectiveIds ?? []).entries()) {
    await assertInProduct(db, 'objectives', objectiveId, productId, `objectiveIds.${index}`);
  }
}

function columnsOf(input: UpdateInitiativeInput) {
  return {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.summary !== undefined && { summary: input.summary }),
    ...(input.themeId !== undefined && { theme_id: input.themeId }),
    ...(input.horizon !== undefined && { horizon: input.horizon }),
    ...(input.startDate !== undefined && { start_date: input.startDate }),
    ...(input.targetDate !== undefined && { target_date: input.targetDate }),
    ...(input.confidence !== undefined && { confidence: input.confidence }),
    ...(input.visibility !== undefined && { visibility: input.visibility }),
    ...(input.publicSummary !== undefined && { public_summary: input.publicSummary }),
    ...(input.status !== undefined && { status: input.status }),
    ...(input.successMetrics !== undefined && { success_metrics: JSON.stringify(input.successMetrics) }),
  };
}

async function linkObjectives(db: Db, initiativeId: string, objectiveIds: string[]): Promise<void> {
  await db.deleteFrom('initiative_objectives').where('initiative_id', '=', initiativeId).execute();
  const unique = [...new Set(objectiveIds)];
  if (unique.length > 0) {
    await db
      .insertInto('initiative_objectives')
      .values(unique.map((objective_id) => ({ initiative_id: initiativeId, objective_id })))
      .execute();
  }
}

export async function createInitiative(
  ctx: ServiceContext & { productId: string; input: CreateInitiativeInput },
): Promise<Initiative> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    await lockProductForWrite(trx, ctx.actor, ctx.productId);
    await validateReferences(trx, ctx.productId, ctx.input);
    const id = newId();
    const columns = columnsOf(ctx.input);
    await trx
      .insertInto('initiatives')
      .values({
        id,
        product_id: ctx.productId,
        title: ctx.input.title,
        summary: ctx.input.summary,
        theme_id: ctx.input.themeId,
        horizon: ctx.input.horizon,
        start_date: ctx.input.startDate,
        target_date: ctx.input.targetDate,
        confidence: ctx.input.confidence,
        visibility: ctx.input.visibility,
        public_summary: ctx.input.publicSummary,
        status: ctx.input.status,
        success_metrics: columns.success_metrics ?? '[]',
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    await linkObjectives(trx, id, ctx.input.objectiveIds);
    const initiative = await readInitiative(trx, id);
    await recordEvent(trx, {
      productId: ctx.productId,
      actorId: ctx.actor.id,
      at,
      entityType: 'initiative',
      entityId: id,
      action: 'created',
      changes: creationChanges({ ...ctx.input, objectiveIds: initiative.objectiveIds }),
    });
    return initiative;
  });
}

export async function listInitiatives(ctx: ServiceContext & { productId: string }): Promise<Initiative[]> {
  await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const rows = await ctx.db
    .selectFrom('initiatives')
    .selectAll()
    .where('product_id', '=', ctx.productId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const objectives = await objectiveIdsByInitiative(
    ctx.db,
    rows.map((r) => r.id),
  );
  return withPrdMetrics(
    ctx.db,
    rows.map((row) => presentInitiative(row, objectives.get(row.id) ?? [])),
  );
}

export async function getInitiative(ctx: ServiceContext & { id: string }): Promise<Initiative> {
  await loadScoped(ctx.db, ctx.actor, 'initiatives', ctx.id);
  return readInitiative(ctx.db, ctx.id);
}

export async function updateInitiative(
  ctx: ServiceContext & { id: string; input: UpdateInitiativeInput; expectedVersion?: number | undefined },
): Promise<Initiative> {
  return writeScoped(
    { ...ctx, table: 'initiatives', present: (db, row) => readInitiative(db, row.id), describe },
    async (trx, current) => {
      if (current.deleted_at) throw invalidField('id', 'names an initiative in the trash; restore it first');
      const before = await readInitiative(trx, current.id);
      // Once the initiative has a PRD, its metrics live there (services/prds).
      const moved = before.prdId !== null && ctx.input.successMetrics !== undefined;
      if (moved && !sameValue(ctx.input.successMetrics, before.successMetrics))
        throw invalidField('successMetrics', `come from the PRD ${before.prdId}: edit them there`);
      const startDate = ctx.input.startDate !== undefined ? ctx.input.startDate : before.startDate;
      const targetDate = ctx.input.targetDate !== undefined ? ctx.input.targetDate : before.targetDate;
      if (!datesInOrder(startDate, targetDate))
        throw invalidField('targetDate', 'must not be before startDate');
      await validateReferences(trx, current.product_id, ctx.input);
      // The announcement explains the change; it is no field of the initiative (services/baselines).
      const { announcement, publicAnnouncement, ...fields } = ctx.input;
      const input = fields.objectiveIds
        ? { ...fields, objectiveIds: [...new Set(fields.objectiveIds)].sort() }
        : fields;
      const changes = diffFields(before, input);
      if (Object.keys(changes).length === 0) {
        if (announcement !== undefined) throw invalidField('announcement', 'announces no change');
        return null;
      }
      return {
        action: 'updated',
        changes,
        ...(announcement !== undefined && {
          after: async (row: InitiativeRow) => {
            await recordAnnouncement(trx, {
              productId: current.product_id,
              initiativeId: current.id,
              confidenceBefore: before.confidence,
              changes,
              text: announcement,
              publicText: publicAnnouncement ?? null,
              actorId: ctx.actor.id,
              at: row.updated_at,
            });
            return row;
          },
        }),
        write: async (stamp) => {
          const row = await updateScopedRow(trx, 'initiatives', current, {
            ...columnsOf(ctx.input),
            ...stamp,
          });
          if (row && input.objectiveIds) await linkObjectives(trx, row.id, input.objectiveIds);
          return row;
        },
      };
    },
  );
}

export async function setInitiativeTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<Initiative> {
  return setTrashed({
    ...ctx,
    table: 'initiatives',
    present: (db, row) => readInitiative(db, row.id),
    describe,
  });
}
