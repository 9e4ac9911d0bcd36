/**
 * Links to items the reader may not see. A dependency, a sprint blocker or an event of a visible item can
 * point at an item in a product the reader is not a member of. The link keeps its place (the item is still
 * blocked) but loses everything that identifies the other item: its key (which also names its product),
 * its title, and its id (a UUIDv7 tells when it was made, and lets two links be matched to one item).
 * Clients show HIDDEN_ITEM_LABEL, "an item in another product", in its place.
 */
import type { PlanningEvent } from './planning.ts';

export { HIDDEN_ITEM_LABEL } from '../domain/hidden-item.ts';

/** A linked item as the reader gets it: all three fields, or (hidden) none of them. */
export interface LinkedItem {
  id: string | null;
  key: string | null;
  title: string | null;
}

/** The item as it is when `visible`; otherwise the same shape with every identifying field null. */
export function redactLinkedItem(
  item: { id: string; key: string; title: string },
  visible: boolean,
): LinkedItem {
  return visible ? { id: item.id, key: item.key, title: item.title } : { id: null, key: null, title: null };
}

/** The fields of recorded changes that hold an item id, by entity type. */
const ITEM_ID_FIELDS: Record<string, readonly string[]> = {
  dependency: ['blockerId', 'blockedId'],
};

/** The ids of items an event's changes name. */
export function linkedItemIds(event: PlanningEvent): string[] {
  const ids: string[] = [];
  for (const field of ITEM_ID_FIELDS[event.entityType] ?? []) {
    for (const value of event.changes[field] ?? []) if (typeof value === 'string') ids.push(value);
  }
  return ids;
}

/** The event with every item id its changes name replaced by null where `isHidden` says so. */
export function redactEventLinks(event: PlanningEvent, isHidden: (itemId: string) => boolean): PlanningEvent {
  const fields = ITEM_ID_FIELDS[event.entityType];
  if (!fields) return event;
  const changes = { ...event.changes };
  let redacted = false;
  for (const field of fields) {
    const change = changes[field];
    if (!change) continue;
    const [before, after] = change.map((value) =>
      typeof value === 'string' && isHidden(value) ? null : value,
    ) as [unknown, unknown];
    if (before !== change[0] || after !== change[1]) {
      changes[field] = [before, after];
      redacted = true;
    }
  }
  return redacted ? { ...event, changes } : event;
}
