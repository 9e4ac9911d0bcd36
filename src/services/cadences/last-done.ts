/**
 * When each artifact was last done, read from the events (never guessed): a handful of small queries,
 * each through an index (events by entity, reviews and sprints by product).
 */
import type { CadenceArtifact } from '../../domain/cadence.ts';
import type { Db } from '../../store/database.ts';

/** Items of the active sprints whose status changes are read at once (a sprint holds far fewer). */
const MAX_SCOPE_ITEMS = 5_000;
/** Released releases counted for missing notes: a home lists a few. */
const MAX_UNPUBLISHED = 100;

export interface LastDone {
  /** The instant each artifact was last done; absent: never. */
  at: Partial<Record<CadenceArtifact, string>>;
  /** The start (instant) of the newest active sprint; null: no sprint is active (no burndown due). */
  activeSprintSince: string | null;
  /** Names of released releases with no published notes (at most MAX_UNPUBLISHED). */
  releasesWithoutNotes: string[];
}

async function latestEvent(
  db: Db,
  where: { entityType: string; action: string; entityIds: 'product' | 'reviews' | 'baselines' },
  productId: string,
): Promise<string | undefined> {
  let query = db
    .selectFrom('events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('entity_type', '=', where.entityType)
    .where('action', '=', where.action);
  if (where.entityIds === 'product') query = query.where('entity_id', '=', productId);
  else if (where.entityIds === 'reviews') {
    query = query.where('entity_id', 'in', (eb) =>
      eb.selectFrom('reviews').select('reviews.id').where('product_id', '=', productId),
    );
  } else {
    query = query.where('entity_id', 'in', (eb) =>
      eb.selectFrom('roadmap_baselines').select('roadmap_baselines.id').where('product_id', '=', productId),
    );
  }
  const row = await query.executeTakeFirst();
  return row?.at ?? undefined;
}

export async function loadLastDone(db: Db, productId: string): Promise<LastDone> {
  const at: LastDone['at'] = {};
  const set = (artifact: CadenceArtifact, value: string | null | undefined) => {
    if (value) at[artifact] = value;
  };
  set(
    'vision',
    await latestEvent(db, { entityType: 'vision', action: 'published', entityIds: 'product' }, productId),
  );
  set(
    'roadmap',
    await latestEvent(
      db,
      { entityType: 'roadmap_baseline', action: 'created', entityIds: 'baselines' },
      productId,
    ),
  );
  set(
    'strategic_review',
    await latestEvent(db, { entityType: 'review', action: 'created', entityIds: 'reviews' }, productId),
  );
  set(
    'backlog_grooming',
    await latestEvent(db, { entityType: 'product', action: 'groomed', entityIds: 'product' }, productId),
  );

  // Burndown: due while a sprint is active; done when an item in it last changed status.
  const active = await db
    .selectFrom('sprints')
    .select(['id', 'started_at', 'created_at'])
    .where('product_id', '=', productId)
    .where('state', '=', 'active')
    .where('deleted_at', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(20)
    .execute();
  let activeSprintSince: string | null = null;
  if (active.length > 0) {
    activeSprintSince = active[0]?.started_at ?? active[0]?.created_at ?? null;
    const moved = await db
      .selectFrom('events')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('entity_type', '=', 'item')
      .where('entity_id', 'in', (eb) =>
        eb
          .selectFrom('sprint_scope_items')
          .select('item_id')
          .where(
            'sprint_id',
            'in',
            active.map((s) => s.id),
          )
          .limit(MAX_SCOPE_ITEMS),
      )
      .where('changes', 'like', '%"status":[%')
      .executeTakeFirst();
    // Only moves since the sprint started count.
    if (moved?.at && activeSprintSince && moved.at >= activeSprintSince) set('burndown', moved.at);
  }

  const releases = await db
    .selectFrom('releases')
    .select(['name', 'notes_published_at'])
    .where('product_id', '=', productId)
    .where('state', '=', 'released')
    .where('deleted_at', 'is', null)
    .orderBy('released_at', 'desc')
    .limit(MAX_UNPUBLISHED)
    .execute();
  const published = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('at').as('at'))
    .where('entity_type', '=', 'release')
    .where('action', '=', 'notes_published')
    .where('entity_id', 'in', (eb) =>
      eb.selectFrom('releases').select('releases.id').where('product_id', '=', productId),
    )
    .executeTakeFirst();
  set('release_notes', published?.at);
  return {
    at,
    activeSprintSince,
    releasesWithoutNotes: releases.filter((r) => r.notes_published_at === null).map((r) => r.name),
  };
}
