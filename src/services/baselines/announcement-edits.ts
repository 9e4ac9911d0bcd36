/**
 * An announcement by id: read it, edit its words, move it to the trash and back. Every change goes
 * through the one versioned write path (If-Match → version_conflict) and is recorded as an event of the
 * initiative it explains (`announcement_updated` / `_deleted` / `_restored`, the announcement's id in the
 * changes), as its creation already is (`announced`): the initiative's history tells the whole story, and
 * the web's live rules already refresh the changelog and the audience views on initiative events.
 */
import type { Selectable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import type { UpdateAnnouncementInput } from '../../schemas/baseline.ts';
import type { Db } from '../../store/database.ts';
import type { RoadmapAnnouncementsTable } from '../../store/tables-baselines.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';
import { recordEvent } from '../events/record-event.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { updateVersioned, type VersionedChange } from '../write/update-versioned.ts';
import { presentAnnouncement, type RoadmapAnnouncement } from './changelog.ts';

type AnnouncementRow = Selectable<RoadmapAnnouncementsTable>;

/** An announcement the actor may see (`live`: not in the trash), else not_found. */
async function loadAnnouncement(db: Db, ctx: ServiceContext, id: string, live: boolean) {
  const row = await db
    .selectFrom('roadmap_announcements')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || (live && row.deleted_at !== null)) throw notFound('announcement');
  await loadVisibleProduct(db, ctx.actor, row.product_id).catch(() => {
    throw notFound('announcement');
  });
  return row;
}

export async function getAnnouncement(ctx: ServiceContext & { id: string }): Promise<RoadmapAnnouncement> {
  return presentAnnouncement(await loadAnnouncement(ctx.db, ctx, ctx.id, true));
}

/**
 * The change as written: the row with `set`, only at the version read. The event is the initiative's
 * (entityId: the initiative), so it is recorded here rather than by updateVersioned under the
 * announcement's id.
 */
function writeChange(
  trx: Db,
  current: AnnouncementRow,
  action: string,
  changes: Changes,
  set: Partial<Pick<AnnouncementRow, 'text' | 'public_text' | 'deleted_at'>>,
): VersionedChange<AnnouncementRow> {
  return {
    action,
    changes,
    recordsEvent: true,
    write: async (stamp, event) => {
      const row = await trx
        .updateTable('roadmap_announcements')
        .set({ ...set, ...stamp })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst();
      if (row) {
        await recordEvent(trx, {
          ...event,
          entityType: 'initiative',
          entityId: current.initiative_id,
          changes: { ...changes, announcementId: [current.id, current.id] },
        });
      }
      return row;
    },
  };
}

function versioned(ctx: ServiceContext & { id: string }, live: boolean) {
  return {
    ...ctx,
    // The event's type: see writeChange (recorded as the initiative's).
    entityType: 'initiative' as const,
    load: (db: Db) => loadAnnouncement(db, ctx, ctx.id, live),
    present: (_db: Db, row: AnnouncementRow) => presentAnnouncement(row),
    describe: () => 'the announcement',
  };
}

/** Edits an announcement's words (team and customer); nothing else of it changes. */
export async function updateAnnouncement(
  ctx: ServiceContext & { id: string; input: UpdateAnnouncementInput; expectedVersion?: number | undefined },
): Promise<RoadmapAnnouncement> {
  return updateVersioned<AnnouncementRow, RoadmapAnnouncement>({
    ...versioned(ctx, true),
    expectedVersion: ctx.expectedVersion,
    change: async (trx, current) => {
      const changes: Changes = {};
      const set: Partial<Pick<AnnouncementRow, 'text' | 'public_text'>> = {};
      const { announcement, publicAnnouncement } = ctx.input;
      if (announcement !== undefined && announcement !== current.text) {
        changes.announcement = [current.text, announcement];
        set.text = announcement;
      }
      if (publicAnnouncement !== undefined && publicAnnouncement !== current.public_text) {
        changes.publicAnnouncement = [current.public_text, publicAnnouncement];
        set.public_text = publicAnnouncement;
      }
      if (Object.keys(changes).length === 0) return null;
      return writeChange(trx, current, 'announcement_updated', changes, set);
    },
  });
}

/**
 * Moves an announcement to the trash (it leaves the changelog; the change it explained shows as
 * unannounced again), or brings it back — unless its change was announced anew meanwhile.
 */
export async function setAnnouncementTrashed(
  ctx: ServiceContext & { id: string; trashed: boolean },
): Promise<RoadmapAnnouncement> {
  return updateVersioned<AnnouncementRow, RoadmapAnnouncement>({
    ...versioned(ctx, false),
    change: async (trx, current, at) => {
      if ((current.deleted_at !== null) === ctx.trashed) return null;
      if (!ctx.trashed && current.event_id !== null) {
        const other = await trx
          .selectFrom('roadmap_announcements')
          .select('id')
          .where('event_id', '=', current.event_id)
          .where('id', '!=', current.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (other) throw new AppError('invalid_state', 'this change has been announced anew since');
      }
      const deletedAt = ctx.trashed ? at : null;
      return writeChange(
        trx,
        current,
        ctx.trashed ? 'announcement_deleted' : 'announcement_restored',
        { deletedAt: [current.deleted_at, deletedAt] },
        { deleted_at: deletedAt },
      );
    },
  });
}

/** A product's trashed announcements, most recently trashed first, at most `limit`. */
export async function trashedAnnouncements(
  db: Db,
  productId: string,
  limit: number,
): Promise<RoadmapAnnouncement[]> {
  const rows = await db
    .selectFrom('roadmap_announcements')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(presentAnnouncement);
}
