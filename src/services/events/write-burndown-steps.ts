/**
 * Keeps sprint_burndown_steps (domain/burndown-steps.ts) current as item_replay_events grows: each new row
 * of an item is folded onto the item's facts so far, and what it did to the share of the sprint the item
 * was or is in is written as a step, in the transaction that writes the row.
 *
 * The burndown replays events in time order, the log hands out ids in commit order, and the two can differ
 * (an event dated before one already written, e.g. by a server whose clock is behind). A new row that does
 * not come after every stored row of its item in time order refolds the item: its steps are computed
 * again from all its rows in time order, and each sprint it was ever in notes the event that did it
 * (sprint_burndown_refolds), so a burndown kept in memory knows to read the sprint again.
 */
import type { Insertable } from 'kysely';
import { isoInstant } from '../../domain/burndown.ts';
import { type BurndownStep, stepsOf } from '../../domain/burndown-steps.ts';
import { applyItemEvent, type ItemFacts } from '../../domain/item-replay.ts';
import { chunked, insertBatches } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { reusableQuery } from '../../store/reusable-query.ts';
import type { ItemReplayEventsTable, SprintBurndownStepsTable } from '../../store/tables.ts';
import { changesOfRow } from './replay-row-changes.ts';

type Row = Omit<ItemReplayEventsTable, 'action'> & { action?: string };

/** Items whose stored rows one query reads. */
const ITEMS_PER_QUERY = 1_000;
/** The `fields` bits of the key and title, and of the sprint (see item-projections.ts). */
const NAMES = 1 | 2;
const SPRINT = 4;

/** Whether row `a` comes before row `b` in time order (time, then id, as the replay orders events). */
function before(a: Row, b: Row): boolean {
  const at = isoInstant(a.at);
  const bt = isoInstant(b.at);
  return at < bt || (at === bt && a.event_id < b.event_id);
}

const inTimeOrder = (rows: readonly Row[]) =>
  [...rows].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));

/** Folds `rows` (in time order) onto `facts`, adding the steps of each to `steps`; returns the facts after. */
function fold(
  facts: ItemFacts | undefined,
  rows: readonly Row[],
  steps: BurndownStep[],
): ItemFacts | undefined {
  let current = facts;
  for (const row of rows) {
    const event = {
      id: row.event_id,
      itemId: row.item_id,
      at: row.at,
      action: '',
      changes: changesOfRow(row),
    };
    const after = applyItemEvent(current, event);
    for (const step of stepsOf(current, after, event)) steps.push(step);
    current = after;
  }
  return current;
}

export function stepRow(step: BurndownStep): Insertable<SprintBurndownStepsTable> {
  return {
    sprint_id: step.sprintId,
    event_id: step.eventId,
    item_id: step.itemId,
    at: step.at,
    key: step.key,
    title: step.title,
    was_points: step.was.points,
    was_done: step.was.done ? 1 : 0,
    is_points: step.is.points,
    is_done: step.is.done ? 1 : 0,
  };
}

/** What the fold reads of a stored row. */
const ROW_COLUMNS = [
  'item_id',
  'event_id',
  'at',
  'fields',
  'key',
  'title',
  'sprint_id',
  'estimate',
  'status',
  'deleted_at',
] as const;

/** One item's stored rows (a single edit, the common case): compiled once. */
const storedRowsOfItem = reusableQuery((db, itemId: string) =>
  db.selectFrom('item_replay_events').select(ROW_COLUMNS).where('item_id', '=', itemId).orderBy('event_id'),
);

async function storedRows(db: Db, itemIds: readonly string[]): Promise<Map<string, Row[]>> {
  const byItem = new Map<string, Row[]>();
  const [only] = itemIds;
  if (itemIds.length === 1 && only !== undefined) {
    byItem.set(only, await storedRowsOfItem(db, only));
    return byItem;
  }
  for (const ids of chunked(itemIds, ITEMS_PER_QUERY)) {
    const rows = await db
      .selectFrom('item_replay_events')
      .select(ROW_COLUMNS)
      .where('item_id', 'in', ids)
      .orderBy('item_id')
      .orderBy('event_id')
      .execute();
    for (const row of rows) {
      const list = byItem.get(row.item_id);
      if (list) list.push(row);
      else byItem.set(row.item_id, [row]);
    }
  }
  return byItem;
}

/**
 * Writes the steps of `rows` (about to be added to item_replay_events, in id order, after the title edits
 * they supersede are dropped); `superseded` says whether an item's last stored row is about to be deleted.
 * Call it before the rows are written, in their transaction.
 */
export async function writeBurndownSteps(
  db: Db,
  rows: readonly Row[],
  superseded: (lastStored: Row) => boolean,
): Promise<void> {
  const fresh = new Map<string, Row[]>();
  for (const row of rows) {
    const list = fresh.get(row.item_id);
    if (list) list.push(row);
    else fresh.set(row.item_id, [row]);
  }
  const stored = await storedRows(db, [...fresh.keys()]);
  const steps: BurndownStep[] = [];
  const refolded: { itemId: string; sprints: string[] }[] = [];
  const marks = new Map<string, number>();
  for (const [itemId, added] of fresh) {
    let old = stored.get(itemId) ?? [];
    const last = old.at(-1);
    if (last && superseded(last)) old = old.slice(0, -1);
    const ordered = inTimeOrder(old);
    const latest = ordered.at(-1);
    let inOrder = latest === undefined || before(latest, added[0] as Row);
    for (let i = 1; inOrder && i < added.length; i++) inOrder = before(added[i - 1] as Row, added[i] as Row);
    if (inOrder) {
      // Renames alone change no share: nothing to fold.
      if (added.some((row) => row.fields & ~NAMES)) fold(fold(undefined, ordered, []), added, steps);
      continue;
    }
    const all = [...old, ...added];
    fold(undefined, inTimeOrder(all), steps);
    const sprints = new Set<string>();
    for (const row of all) if (row.fields & SPRINT && row.sprint_id !== null) sprints.add(row.sprint_id);
    refolded.push({ itemId, sprints: [...sprints] });
    const by = (added.at(-1) as Row).event_id;
    for (const sprintId of sprints) marks.set(sprintId, Math.max(marks.get(sprintId) ?? 0, by));
  }
  for (const { itemId, sprints } of refolded) {
    if (sprints.length === 0) continue;
    await db
      .deleteFrom('sprint_burndown_steps')
      .where('item_id', '=', itemId)
      .where('sprint_id', 'in', sprints)
      .execute();
  }
  for (const batch of insertBatches(db, steps.map(stepRow))) {
    await db.insertInto('sprint_burndown_steps').values(batch).execute();
  }
  const markRows = [...marks].map(([sprint_id, event_id]) => ({ sprint_id, event_id }));
  for (const batch of insertBatches(db, markRows)) {
    await db
      .insertInto('sprint_burndown_refolds')
      .values(batch)
      .onConflict((conflict) =>
        conflict.column('sprint_id').doUpdateSet((eb) => ({ event_id: eb.ref('excluded.event_id') })),
      )
      .execute();
  }
}
