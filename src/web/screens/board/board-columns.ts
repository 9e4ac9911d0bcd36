/**
 * The sprint board's columns: one per status in workflow order ("Won't do" only while it holds items), the
 * WIP limit reading of each, and the neighbouring column a keyboard move goes to.
 */

import type { WipLimitsT } from '../../api/execution.ts';
import type { BacklogItemT, ItemStatusT } from '../../api/types.ts';

export const BOARD_STATUSES: readonly ItemStatusT[] = [
  'backlog',
  'ready',
  'in_progress',
  'in_review',
  'done',
];

export const COLUMN_LABELS: Record<ItemStatusT, string> = {
  backlog: 'To do',
  ready: 'Ready',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  wont_do: "Won't do",
};

export interface WipReading {
  /** "3 / 4" with a limit, "3" without. */
  text: string;
  over: boolean;
  /** What a screen reader hears, e.g. "5 items, over the limit of 4". */
  label: string;
}

export interface BoardColumn {
  status: ItemStatusT;
  label: string;
  items: BacklogItemT[];
  limit: number | null;
  wip: WipReading;
}

export function readWip(count: number, limit: number | null | undefined): WipReading {
  const items = `${count} ${count === 1 ? 'item' : 'items'}`;
  if (limit === null || limit === undefined) return { text: String(count), over: false, label: items };
  const over = count > limit;
  return {
    text: `${count} / ${limit}`,
    over,
    label: over ? `${items}, over the limit of ${limit}` : `${items}, limit ${limit}`,
  };
}

/** The sprint's items by status, in rank order within a column. */
export function boardColumns(items: readonly BacklogItemT[], limits: WipLimitsT): BoardColumn[] {
  const byStatus = new Map<ItemStatusT, BacklogItemT[]>();
  for (const item of items) {
    const list = byStatus.get(item.status);
    if (list) list.push(item);
    else byStatus.set(item.status, [item]);
  }
  const statuses: ItemStatusT[] = [...BOARD_STATUSES];
  if (byStatus.has('wont_do')) statuses.push('wont_do');
  return statuses.map((status) => {
    const columnItems = byStatus.get(status) ?? [];
    const limit = limits[status] ?? null;
    return {
      status,
      label: COLUMN_LABELS[status],
      items: columnItems,
      limit,
      wip: readWip(columnItems.length, limit),
    };
  });
}

/** The status of the column left (-1) or right (+1) of `status`, or null at the edge. */
export function neighbourStatus(
  columns: readonly Pick<BoardColumn, 'status'>[],
  status: ItemStatusT,
  direction: -1 | 1,
): ItemStatusT | null {
  const at = columns.findIndex((column) => column.status === status);
  if (at < 0) return null;
  return columns[at + direction]?.status ?? null;
}
