/**
 * The dated planning objects of every product the actor can see, for the calendar feed: sprints (start to
 * end), releases (released, else target date) and initiatives' target dates. At most MAX_CALENDAR_ENTRIES,
 * the newest by date.
 */
import type { Db } from '../../store/database.ts';
import type { Actor } from '../context.ts';
import { can } from '../policy.ts';
import type { CalendarEntry } from './calendar-document.ts';

/** The most events one feed holds: the newest by date (older sprints drop out first). */
export const MAX_CALENDAR_ENTRIES = 2_000;

/** Only the products the actor may see: every product for owners and admins, else their memberships. */
function visibleProductIds(db: Db, actor: Actor) {
  return db.selectFrom('product_members').select('product_id').where('user_id', '=', actor.id);
}

export async function loadCalendarEntries(
  db: Db,
  actor: Actor,
  publicOrigin: string,
): Promise<CalendarEntry[]> {
  const all = can(actor, 'see_all_products');
  const [sprints, releases, initiatives] = await Promise.all([
    db
      .selectFrom('sprints')
      .innerJoin('products', 'products.id', 'sprints.product_id')
      .select([
        'sprints.id',
        'products.key',
        'sprints.name',
        'sprints.goal',
        'sprints.start_date',
        'sprints.end_date',
        'sprints.version',
        'sprints.updated_at',
      ])
      .where('sprints.deleted_at', 'is', null)
      .$if(!all, (q) => q.where('sprints.product_id', 'in', visibleProductIds(db, actor)))
      .orderBy('sprints.start_date', 'desc')
      .limit(MAX_CALENDAR_ENTRIES)
      .execute(),
    db
      .selectFrom('releases')
      .innerJoin('products', 'products.id', 'releases.product_id')
      .select([
        'releases.id',
        'products.key',
        'releases.name',
        'releases.description',
        'releases.target_date',
        'releases.released_at',
        'releases.version',
        'releases.updated_at',
      ])
      .where('releases.deleted_at', 'is', null)
      .where('releases.state', '!=', 'cancelled')
      .where((eb) =>
        eb.or([eb('releases.target_date', 'is not', null), eb('releases.released_at', 'is not', null)]),
      )
      .$if(!all, (q) => q.where('releases.product_id', 'in', visibleProductIds(db, actor)))
      .orderBy((eb) => eb.fn.coalesce('releases.released_at', 'releases.target_date'), 'desc')
      .limit(MAX_CALENDAR_ENTRIES)
      .execute(),
    db
      .selectFrom('initiatives')
      .innerJoin('products', 'products.id', 'initiatives.product_id')
      .select([
        'initiatives.id',
        'products.key',
        'initiatives.title',
        'initiatives.summary',
        'initiatives.target_date',
        'initiatives.version',
        'initiatives.updated_at',
      ])
      .where('initiatives.deleted_at', 'is', null)
      .where('initiatives.status', '!=', 'dropped')
      .where('initiatives.target_date', 'is not', null)
      .$if(!all, (q) => q.where('initiatives.product_id', 'in', visibleProductIds(db, actor)))
      .orderBy('initiatives.target_date', 'desc')
      .limit(MAX_CALENDAR_ENTRIES)
      .execute(),
  ]);

  const base = `${publicOrigin}/p`;
  const entries: CalendarEntry[] = [];
  for (const s of sprints) {
    entries.push({
      kind: 'sprint',
      id: s.id,
      productKey: s.key,
      title: s.name,
      description: s.goal,
      start: s.start_date,
      end: s.end_date,
      url: `${base}/${s.key}/sprints/${s.id}`,
      version: s.version,
      updatedAt: s.updated_at,
    });
  }
  for (const r of releases) {
    // Released: the day it shipped (UTC); else the day it is planned for.
    const day = r.released_at ? r.released_at.slice(0, 10) : (r.target_date ?? '');
    entries.push({
      kind: 'release',
      id: r.id,
      productKey: r.key,
      title: r.name,
      description: r.description,
      start: day,
      end: day,
      url: `${base}/${r.key}/releases/${r.id}`,
      version: r.version,
      updatedAt: r.updated_at,
    });
  }
  for (const i of initiatives) {
    const day = i.target_date ?? '';
    entries.push({
      kind: 'initiative',
      id: i.id,
      productKey: i.key,
      title: i.title,
      description: i.summary,
      start: day,
      end: day,
      url: `${base}/${i.key}/initiatives/${i.id}`,
      version: i.version,
      updatedAt: i.updated_at,
    });
  }
  // The newest by date across the three kinds; ties in a stable order.
  entries.sort((a, b) => (a.start === b.start ? a.id.localeCompare(b.id) : a.start < b.start ? 1 : -1));
  return entries.slice(0, MAX_CALENDAR_ENTRIES);
}
