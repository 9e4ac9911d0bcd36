/**
 * Announcements: a few words on why the roadmap changed, stored with the initiative event they explain.
 * They form the roadmap's changelog (changelog.ts); a pivot with none is listed there as unannounced.
 */
import type { Changes } from '../../domain/changes.ts';
import { isPivot } from '../../domain/pivot.ts';
import type { AnnouncePivotInput } from '../../schemas/baseline.ts';
import type { Db } from '../../store/database.ts';
import { withTransaction } from '../../store/transaction.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { newId } from '../ids.ts';
import { loadScoped } from '../planning/scoped-entity.ts';
import { lockProductForWrite } from '../products/product-access.ts';
import { hasBaseline } from './baseline-rows.ts';
import {
  listRoadmapChangelog,
  MAX_CHANGELOG_ENTRIES,
  presentAnnouncement,
  type RoadmapAnnouncement,
} from './changelog.ts';

export interface AnnouncementInput {
  productId: string;
  initiativeId: string;
  /** The initiative's confidence before the change. */
  confidenceBefore: string;
  changes: Changes;
  text: string;
  publicText: string | null;
  actorId: string;
  at: string;
}

/**
 * Stores an announcement of the initiative event just recorded in this transaction (the initiative's
 * newest event: the product's write lock is held, so no other writer came in between).
 */
export async function recordAnnouncement(trx: Db, input: AnnouncementInput): Promise<void> {
  const event = await trx
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .where('entity_id', '=', input.initiativeId)
    .where('entity_type', '=', 'initiative')
    .executeTakeFirst();
  const pivot = isPivot(input.confidenceBefore, input.changes) && (await hasBaseline(trx, input.productId));
  await trx
    .insertInto('roadmap_announcements')
    .values({
      id: newId(),
      product_id: input.productId,
      initiative_id: input.initiativeId,
      event_id: event?.id === null || event?.id === undefined ? null : Number(event.id),
      changes: JSON.stringify(input.changes),
      pivot: pivot ? 1 : 0,
      text: input.text,
      public_text: input.publicText,
      created_by: input.actorId,
      created_at: input.at,
      version: 1,
      updated_at: input.at,
      deleted_at: null,
    })
    .execute();
}

/**
 * Announces a change made earlier without words (an unannounced pivot, or any change to the initiative):
 * one announcement per event. Recorded as the initiative's `announced` event, whose only change is the
 * announcement's text (no roadmap field moves: diffs and roadmap reports pass over it).
 */
export async function announcePastChange(
  ctx: ServiceContext & { id: string; input: AnnouncePivotInput },
): Promise<RoadmapAnnouncement> {
  const at = timestamp(ctx);
  return withTransaction(ctx.db, async (trx) => {
    const initiative = await loadScoped(trx, ctx.actor, 'initiatives', ctx.id);
    await lockProductForWrite(trx, ctx.actor, initiative.product_id);
    const event = await trx
      .selectFrom('events')
      .select(['id', 'changes'])
      .where('id', '=', ctx.input.eventId)
      .where('entity_type', '=', 'initiative')
      .where('entity_id', '=', initiative.id)
      .where('action', '=', 'updated')
      .executeTakeFirst();
    if (!event) throw invalidField('eventId', 'names no change to this initiative');
    const taken = await trx
      .selectFrom('roadmap_announcements')
      .select('id')
      .where('event_id', '=', ctx.input.eventId)
      // One in the trash leaves its change unannounced: it may be announced anew (restore then refuses).
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (taken) throw new AppError('invalid_state', 'this change is announced already');
    const pivots = await listRoadmapChangelog(trx, initiative.product_id, MAX_CHANGELOG_ENTRIES);
    const row = {
      id: newId(),
      product_id: initiative.product_id,
      initiative_id: initiative.id,
      event_id: Number(event.id),
      changes: event.changes,
      pivot: pivots.unannounced.some((p) => p.eventId === Number(event.id)) ? 1 : 0,
      text: ctx.input.announcement,
      public_text: ctx.input.publicAnnouncement ?? null,
      created_by: ctx.actor.id,
      created_at: at,
      version: 1,
      updated_at: at,
      deleted_at: null,
    };
    await trx.insertInto('roadmap_announcements').values(row).execute();
    await recordEvent(trx, {
      productId: initiative.product_id,
      actorId: ctx.actor.id,
      at,
      entityType: 'initiative',
      entityId: initiative.id,
      action: 'announced',
      changes: { announcement: [null, row.text] },
    });
    return presentAnnouncement(row);
  });
}
