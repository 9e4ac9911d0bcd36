/**
 * A product's events after a cursor, each with the current state of the object it is about, so a live
 * client can replace its copy without a second request. Objects are fetched in one query per kind.
 */
import {
  type Initiative,
  type Item,
  type Objective,
  type PlanningEvent,
  type Product,
  presentEvent,
  presentInitiative,
  presentItem,
  presentObjective,
  presentProduct,
  presentTheme,
  type Theme,
} from '../../presenters/planning.ts';
import { presentSprint, presentTeam, type Sprint, type Team } from '../../presenters/sprint.ts';
import type { Db } from '../../store/database.ts';
import { objectiveIdsByInitiative } from '../planning/initiatives.ts';
import { withPrdMetrics } from '../prds/initiative-metrics.ts';
import { memberIdsByTeam } from '../teams/team-members.ts';

export type LiveEntity = Item | Initiative | Theme | Objective | Product | Sprint | Team;

export interface LiveChange {
  event: PlanningEvent;
  /** The object as it is now (not as of the event); null for other kinds or when it no longer exists. */
  entity: LiveEntity | null;
}

type Loader = (db: Db, ids: string[]) => Promise<LiveEntity[]>;

const loaders: Record<string, Loader> = {
  item: async (db, ids) =>
    (await db.selectFrom('items').selectAll().where('id', 'in', ids).execute()).map(presentItem),
  initiative: async (db, ids) => {
    const rows = await db.selectFrom('initiatives').selectAll().where('id', 'in', ids).execute();
    const objectives = await objectiveIdsByInitiative(
      db,
      rows.map((row) => row.id),
    );
    // With the metrics an initiative shows (its PRD's), as every other read of one presents it.
    return withPrdMetrics(
      db,
      rows.map((row) => presentInitiative(row, objectives.get(row.id) ?? [])),
    );
  },
  theme: async (db, ids) =>
    (await db.selectFrom('themes').selectAll().where('id', 'in', ids).execute()).map(presentTheme),
  objective: async (db, ids) =>
    (await db.selectFrom('objectives').selectAll().where('id', 'in', ids).execute()).map(presentObjective),
  product: async (db, ids) =>
    (await db.selectFrom('products').selectAll().where('id', 'in', ids).execute()).map(presentProduct),
  sprint: async (db, ids) =>
    (await db.selectFrom('sprints').selectAll().where('id', 'in', ids).execute()).map(presentSprint),
  team: async (db, ids) => {
    const rows = await db.selectFrom('teams').selectAll().where('id', 'in', ids).execute();
    const members = await memberIdsByTeam(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => presentTeam(row, members.get(row.id) ?? []));
  },
};

/** Up to `limit` events of the product with ids above `after`, oldest first, with their objects. */
export async function readChanges(
  db: Db,
  productId: string,
  after: number,
  limit: number,
): Promise<LiveChange[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('product_id', '=', productId)
    .where('id', '>', after)
    .orderBy('id')
    .limit(limit)
    .execute();
  const events = rows.map(presentEvent);
  const idsByType = new Map<string, Set<string>>();
  for (const event of events) {
    if (!loaders[event.entityType]) continue;
    const ids = idsByType.get(event.entityType) ?? new Set<string>();
    ids.add(event.entityId);
    idsByType.set(event.entityType, ids);
  }
  const entities = new Map<string, LiveEntity>();
  for (const [type, ids] of idsByType) {
    for (const entity of await loaders[type]!(db, [...ids])) entities.set(`${type}:${entity.id}`, entity);
  }
  return events.map((event) => ({
    event,
    entity: entities.get(`${event.entityType}:${event.entityId}`) ?? null,
  }));
}
