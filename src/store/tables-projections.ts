/**
 * The projections derived from the event log: an item's linked events, its replayed fields, sprint burndown
 * steps and flow slots. Part of store/tables.ts's `Tables`, and re-exported there.
 */

/** Events of other objects that concern an item (a dependency's), by item: part of the item's history. */
export interface EventItemsTable {
  item_id: string;
  event_id: number;
}

/** The replayed fields of one item event (domain/item-projection.ts); `fields` says which it changes. */
export interface ItemReplayEventsTable {
  item_id: string;
  event_id: number;
  at: string;
  action: string;
  fields: number;
  key: string | null;
  title: string | null;
  sprint_id: string | null;
  estimate: number | null;
  status: string | null;
  deleted_at: string | null;
}

/**
 * One item event's effect on one sprint's burndown (domain/burndown-steps.ts): the item's points while it
 * counts toward the sprint (null: it does not) and whether they are done, before and after the event.
 */
export interface SprintBurndownStepsTable {
  sprint_id: string;
  event_id: number;
  item_id: string;
  at: string;
  key: string;
  title: string;
  was_points: number | null;
  was_done: number;
  is_points: number | null;
  is_done: number;
}

/** The latest event whose write recomputed earlier steps of the sprint (an item's events out of time order). */
export interface SprintBurndownRefoldsTable {
  sprint_id: string;
  event_id: number;
}

/** A product's net moves between flow columns in one 15-minute slot (domain/item-projection.ts). */
export interface ItemFlowSlotsTable {
  product_id: string;
  slot: number;
  backlog: number;
  ready: number;
  in_progress: number;
  in_review: number;
  done: number;
  wont_do: number;
}
