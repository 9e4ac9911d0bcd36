/** The backlog's multi-select: single toggles, Shift ranges over the rows as shown, all shown, clear. */
import { useCallback, useMemo, useRef, useState } from 'react';
import type { BacklogItemT } from '../../api/types.ts';
import { isPending } from './add-item.ts';

export interface Selection {
  /** Selected ids that still name a row in the store. */
  ids: ReadonlySet<string>;
  toggle: (id: string) => void;
  /** Selects every row from the last toggled one to this one (as shown), keeping the rest. */
  extendTo: (id: string, rows: readonly BacklogItemT[]) => void;
  setMany: (ids: readonly string[], selected: boolean) => void;
  clear: () => void;
}

export function useSelection(exists: (id: string) => boolean, version: number): Selection {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<string | null>(null);

  // Items trashed or removed by someone else drop out of the selection (and out of bulk changes).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` stands for the store's contents
  const ids = useMemo(() => {
    for (const id of selected) if (!exists(id)) return new Set([...selected].filter(exists));
    return selected;
  }, [selected, exists, version]);

  const toggle = useCallback((id: string) => {
    if (isPending(id)) return;
    anchor.current = id;
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const extendTo = useCallback((id: string, rows: readonly BacklogItemT[]) => {
    const to = rows.findIndex((row) => row.id === id);
    const fromAt = anchor.current ? rows.findIndex((row) => row.id === anchor.current) : -1;
    const from = fromAt < 0 ? to : fromAt;
    if (to < 0) return;
    anchor.current = id;
    const [low, high] = from <= to ? [from, to] : [to, from];
    setSelected((current) => {
      const next = new Set(current);
      for (const row of rows.slice(low, high + 1)) if (!isPending(row.id)) next.add(row.id);
      return next;
    });
  }, []);

  const setMany = useCallback((many: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of many) {
        if (isPending(id)) continue;
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  return { ids, toggle, extendTo, setMany, clear };
}
