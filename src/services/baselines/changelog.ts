/**
 * The roadmap's changelog: the announcements that explain changes to initiatives, and the pivots made
 * since the latest baseline that nobody announced. Callers check access; this reads one product.
 */
import type { Selectable } from 'kysely';
import type { Changes } from '../../domain/changes.ts';
import { unannouncedPivots } from '../../domain/pivot.ts';
import type { Db } from '../../store/database.ts';
import type { RoadmapAnnouncementsTable } from '../../store/tables-baselines.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { initiativeEventsBetween, latestBaseline, MAX_DIFF_EVENTS, snapshotOf } from './baseline-rows.ts';

export interface RoadmapAnnouncement {
  id: string;
  productId: string;
  initiativeId: string;
  at: string;
  actorId: string | null;
  text: string;
  publicText: string | null;
  changes: Record<string, [unknown, unknown]>;
  version: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** An announcement row as the routes present it (its words and what it explained; never the event id). */
export function presentAnnouncement(row: Selectable<RoadmapAnnouncementsTable>): RoadmapAnnouncement {
  return {
    id: row.id,
    productId: row.product_id,
    initiativeId: row.initiative_id,
    at: row.created_at,
    actorId: row.created_by,
    text: row.text,
    publicText: row.public_text,
    changes: JSON.parse(row.changes) as Changes,
    version: row.version,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export interface UnannouncedPivot {
  initiativeId: string;
  at: string;
  actorId: string | null;
  changes: Record<string, [unknown, unknown]>;
  eventId: number;
}

/** Entries a changelog lists at most, whatever the caller asks. */
export const MAX_CHANGELOG_ENTRIES = 500;

/** The roadmap's changelog, newest first, bounded. */
export async function listRoadmapChangelog(
  db: Db,
  productId: string,
  limit: number,
): Promise<{ announcements: RoadmapAnnouncement[]; unannounced: UnannouncedPivot[] }> {
  const max = Math.max(0, Math.min(Math.floor(limit), MAX_CHANGELOG_ENTRIES));
  if (max === 0) return { announcements: [], unannounced: [] };
  const rows = await db
    .selectFrom('roadmap_announcements')
    .selectAll()
    .where('product_id', '=', productId)
    // Trashed announcements leave the changelog (and the audience views, which read it).
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(max)
    .execute();
  const announcements = rows.map(presentAnnouncement);
  return { announcements, unannounced: await listUnannounced(db, productId, max) };
}

/** Pivots since the latest baseline that no announcement explains, newest first, at most `max`. */
async function listUnannounced(db: Db, productId: string, max: number): Promise<UnannouncedPivot[]> {
  const baseline = await latestBaseline(db, productId);
  if (!baseline) return [];
  const asOf = Number(baseline.as_of);
  const events = await initiativeEventsBetween(db, productId, asOf, null);
  if (events.length === 0) return [];
  const announced = await db
    .selectFrom('roadmap_announcements')
    .select('event_id')
    .where('product_id', '=', productId)
    .where('event_id', '>=', events[0]?.id ?? asOf)
    // A pivot whose announcement is in the trash is unannounced again.
    .where('deleted_at', 'is', null)
    .limit(MAX_DIFF_EVENTS)
    .execute();
  const ids = new Set(announced.map((row) => Number(row.event_id)));
  const pivots = unannouncedPivots(snapshotOf(baseline), events, ids);
  return pivots
    .reverse()
    .slice(0, max)
    .map((p) => ({
      initiativeId: p.initiativeId,
      at: p.at,
      actorId: p.actorId,
      changes: p.changes,
      eventId: p.eventId,
    }));
}

/** Entries the changelog route lists of each kind. */
const LISTED_ENTRIES = 200;

/** The changelog of a product the actor can see (team words: the announcements' text and public text). */
export async function getRoadmapChangelog(ctx: ServiceContext & { productId: string }) {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return listRoadmapChangelog(ctx.db, product.id, LISTED_ENTRIES);
}
