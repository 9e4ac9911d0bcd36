/**
 * The ranked list as a virtual grid: only the rows in view (plus a margin) are in the DOM, so 20,000 items
 * scroll like 20. Owns the keyboard focus, the inline title edit and the reordering (drag and keyboard).
 */
import { defaultRangeExtractor, type Range, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { BacklogItemT } from '../../api/types.ts';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import { paths } from '../../routes.ts';
import { moveItem, updateItem } from '../../state/mutations/items.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { useReleases, useSprints } from '../../state/use-plan-lists.ts';
import { isPending } from './add-item.ts';
import { BacklogHead } from './backlog-head.tsx';
import { BacklogRow, HEAD_HEIGHT, ROW_HEIGHT, type RowActions } from './backlog-row.tsx';
import { type Direction, useListKeys } from './use-backlog-keys.ts';
import { useKeepRowInView } from './use-keep-row-in-view.ts';
import { useOverdueWaits } from './use-overdue-waits.ts';
import { type DragState, useRowDrag } from './use-row-drag.ts';
import { useScrollMemory } from './use-scroll-memory.ts';
import { useScrollToOpened } from './use-scroll-to-opened.ts';
import type { Selection } from './use-selection.ts';

const estimateSize = () => ROW_HEIGHT;
/** Rows rendered beyond each edge of the view: enough for a fast flick, few enough to stay light. */
const OVERSCAN = 8;

/** An item to show (and, with `focus`, to give the keyboard focus) once the list has rendered. */
interface Reveal {
  id: string;
  focus: boolean;
  scrolled: boolean;
}

export function BacklogList(props: {
  store: ProductStore;
  rows: BacklogItemT[];
  /** How many of the rows are new items still being saved (they cannot be selected yet). */
  pendingCount: number;
  selection: Selection;
  openKey: string | null;
  /** False while sorted by anything but rank: a move between rows in another order would mean nothing. */
  reorderable: boolean;
}) {
  const { store, rows, pendingCount, selection, openKey, reorderable } = props;
  const navigate = useNavigate();
  const location = useLocation();
  const gridRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const editBase = useRef(0);
  const reveal = useRef<Reveal | null>(null);
  // Indexed once per report; each row drawn looks its item up (never a request per row).
  const readiness = useReadinessIndex(store.product.id);
  const overdue = useOverdueWaits(store.product.id);
  const sprints = useSprints(store.product.id);
  const releases = useReleases(store.product.id);

  // A scan, not a Map: building a 20,000-entry map on every filter keystroke costs more than the few
  // lookups a render makes (the focused, edited and dragged rows).
  const indexOf = (id: string | null | undefined): number | undefined => {
    if (!id) return undefined;
    const index = rows.findIndex((row) => row.id === id);
    return index < 0 ? undefined : index;
  };

  const { drag, startDrag } = useRowDrag({
    scrollRef,
    bodyRef,
    rowCount: () => ctx.current.rows.length,
    indexOf: (id) => ctx.current.indexOf(id) ?? -1,
    onDrop: (state) => ctx.current.drop(state),
  });

  // The focused, edited and dragged rows stay mounted even when scrolled away: the focus, an unsaved
  // title and a drag in progress must not vanish with their row.
  const pinned = [focusedId, editingId, drag?.id].flatMap((id) => {
    const index = indexOf(id);
    return index === undefined ? [] : [index];
  });
  const pinnedKey = pinned.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: pinnedKey stands for pinned's contents
  const rangeExtractor = useCallback(
    (range: Range) => [...new Set([...defaultRangeExtractor(range), ...pinned])].sort((a, b) => a - b),
    [pinnedKey],
  );
  const initialOffset = useScrollMemory(store.product.key, scrollRef);
  const virtualizer = useVirtualizer({
    initialOffset,
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: OVERSCAN,
    // The sticky header sits inside the scrolling box, above the first row.
    paddingStart: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
    rangeExtractor,
  });

  // The backlog's first page (state `partial`) may be too short to reach the saved place: go there once
  // the whole backlog is in, unless the list already got there.
  const partialAtMount = useRef(store.state === 'partial');
  const complete = store.state === 'ready';
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once, when the whole backlog arrives
  useLayoutEffect(() => {
    if (!complete || !partialAtMount.current) return;
    partialAtMount.current = false;
    // An opened item (/CHK-42) wins over the saved place: useScrollToOpened scrolls to its row instead.
    if (openKey) return;
    const element = scrollRef.current;
    if (element && initialOffset > element.scrollTop + 1) virtualizer.scrollToOffset(initialOffset);
  }, [complete]);

  const revealNow = (id: string, focus: boolean) => {
    reveal.current = { id, focus, scrolled: false };
  };

  // A row that had the focus keeps it when a render moves it: React re-inserts a moved row's element, and
  // the browser drops the focus of an element taken out of the document (a reorder here or by someone else).
  const focusWasInList = useRef(false);
  focusWasInList.current = Boolean(gridRef.current?.contains(document.activeElement));
  useLayoutEffect(() => {
    if (!focusWasInList.current || !focusedId) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    scrollRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(focusedId)}"]`)?.focus({
      preventScroll: true,
    });
  });

  // After each render: scroll a revealed row into view and focus it (moves and edits re-render the row).
  useLayoutEffect(() => {
    const want = reveal.current;
    if (!want) return;
    const index = indexOf(want.id);
    if (index === undefined) {
      reveal.current = null;
      return;
    }
    if (!want.scrolled) {
      virtualizer.scrollToIndex(index, { align: 'auto' });
      want.scrolled = true;
    }
    const element = scrollRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(want.id)}"]`);
    if (element) {
      if (want.focus && document.activeElement !== element) element.focus({ preventScroll: true });
      reveal.current = null;
    }
  });

  const open = (id: string) => {
    const item = store.items.get(id);
    if (item) navigate(paths.item(item.key), { state: { background: location } });
  };

  const move = (direction: Direction, toEnd: boolean) => {
    const id = focusedId;
    const index = indexOf(id);
    if (!id || index === undefined || isPending(id) || store.readOnly || !reorderable) return;
    let placement: { beforeId: string } | { afterId: string } | null = null;
    if (toEnd) {
      // To the top or bottom of the whole backlog, which is also the top or bottom of what is shown.
      const end = direction === 'up' ? store.order[0] : store.order.at(-1);
      if (end && end !== id) placement = direction === 'up' ? { beforeId: end } : { afterId: end };
    } else {
      // Next to the neighbour as shown: with filters on, that is the next visible item.
      const neighbour = rows[direction === 'up' ? index - 1 : index + 1];
      if (neighbour && !isPending(neighbour.id)) {
        placement = direction === 'up' ? { beforeId: neighbour.id } : { afterId: neighbour.id };
      }
    }
    if (!placement) return;
    void moveItem(store, id, placement);
    revealNow(id, true);
  };

  const drop = (state: DragState) => {
    const { id, from, slot } = state;
    revealNow(id, true);
    if (slot === from || slot === from + 1 || !reorderable) return;
    const target = slot < from ? rows[slot] : rows[slot - 1];
    if (!target || isPending(target.id)) return;
    void moveItem(store, id, slot < from ? { beforeId: target.id } : { afterId: target.id });
  };

  const startEdit = (id: string) => {
    const item = store.items.get(id);
    if (!item || isPending(id) || store.readOnly) return;
    // A concurrent change by someone else to this version gives a conflict, not a silent overwrite.
    editBase.current = item.version;
    setFocusedId(id);
    setEditingId(id);
  };

  const finishEdit = (id: string, title: string | null, viaKeyboard: boolean) => {
    setEditingId(null);
    if (viaKeyboard) revealNow(id, true);
    const item = store.items.get(id);
    const next = title?.trim();
    if (!item || !next || next === item.title) return;
    void updateItem(store, id, { title: next }, { baseVersion: editBase.current });
  };

  const focusAt = (index: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, index))];
    if (!row) return;
    setFocusedId(row.id);
    revealNow(row.id, true);
  };

  // Handlers read the latest render's values through this ref, so `actions` never changes identity and the
  // memoised rows re-render only when their own props change.
  const ctx = useRef({ rows, indexOf, selection, open, startEdit, finishEdit, drop });
  ctx.current = { rows, indexOf, selection, open, startEdit, finishEdit, drop };

  const actions = useMemo<RowActions>(
    () => ({
      click: (event, id) => {
        const target = event.target as Element;
        if (target.closest('input, select, button, textarea, a, .drag-handle') || isPending(id)) return;
        const c = ctx.current;
        // A viewer selects nothing (see BacklogRow): Shift/Ctrl+click opens the item like a plain click.
        if (event.shiftKey && !store.readOnly) c.selection.extendTo(id, c.rows);
        else if ((event.ctrlKey || event.metaKey) && !store.readOnly) c.selection.toggle(id);
        else c.open(id);
      },
      focus: (id) => setFocusedId(id),
      toggleSelected: (id, range) => {
        const c = ctx.current;
        if (range) c.selection.extendTo(id, c.rows);
        else c.selection.toggle(id);
      },
      startEdit: (id) => ctx.current.startEdit(id),
      finishEdit: (id, title, viaKeyboard) => ctx.current.finishEdit(id, title, viaKeyboard),
      setStatus: (id, status) => void updateItem(store, id, { status }),
      setEstimate: (id, estimate) => void updateItem(store, id, { estimate }),
      setSprint: (id, sprintId) => void updateItem(store, id, { sprintId }),
      setRelease: (id, releaseId) => void updateItem(store, id, { releaseId }),
      focusRow: (id) => {
        reveal.current = { id, focus: true, scrolled: false };
        setFocusedId(id);
        scrollRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`)?.focus();
      },
      startDrag: (event, id) => {
        setFocusedId(id);
        startDrag(event, id);
      },
    }),
    [store, startDrag],
  );

  const focusedIndex = indexOf(focusedId);
  useListKeys({
    grid: () => gridRef.current,
    focusStep: (step) => focusAt(focusedIndex === undefined ? 0 : focusedIndex + step),
    focusEdge: (edge) => focusAt(edge === 'first' ? 0 : rows.length - 1),
    move,
    open: () => focusedId && open(focusedId),
    edit: () => focusedId && startEdit(focusedId),
    toggleSelected: () => focusedId && !store.readOnly && selection.toggle(focusedId),
    clearSelection: () => {
      if (selection.ids.size === 0) return false;
      selection.clear();
      return true;
    },
  });

  const openIndex = openKey ? rows.findIndex((row) => row.key === openKey) : -1;
  useScrollToOpened(scrollRef, virtualizer, openKey, openIndex);
  useKeepRowInView(
    scrollRef,
    openIndex < 0
      ? null
      : { top: HEAD_HEIGHT + openIndex * ROW_HEIGHT, bottom: HEAD_HEIGHT + (openIndex + 1) * ROW_HEIGHT },
    HEAD_HEIGHT,
  );

  // An item someone else removed takes the focus with it; the row now in its place takes over.
  useEffect(() => {
    if (focusedId && focusedIndex === undefined && !store.items.has(focusedId)) setFocusedId(null);
  }, [focusedId, focusedIndex, store]);

  const tabbableId = focusedIndex === undefined ? rows[0]?.id : focusedId;
  // Counted only while something is selected: most renders (every filter keystroke) have no selection.
  const selectedShown = useMemo(() => {
    if (selection.ids.size === 0) return 0;
    let count = 0;
    for (const row of rows) if (selection.ids.has(row.id)) count += 1;
    return count;
  }, [rows, selection.ids]);
  const selectable = rows.length - pendingCount;

  return (
    <div ref={scrollRef} className="backlog-scroll">
      <table
        ref={gridRef}
        // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table for its structure, a grid for its behaviour (WAI-ARIA grid pattern): rows take the focus and hold controls
        role="grid"
        aria-label="Backlog items in rank order"
        aria-rowcount={rows.length + 1}
        aria-multiselectable={!store.readOnly}
        className="backlog-grid"
      >
        <BacklogHead
          selectable={!store.readOnly}
          all={selectable > 0 && selectedShown === selectable}
          some={selectedShown > 0}
          onSelectAll={(on) =>
            selection.setMany(
              rows.map((row) => row.id),
              on,
            )
          }
        />
        <tbody
          ref={bodyRef}
          className="backlog-body"
          style={{ height: virtualizer.getTotalSize() - HEAD_HEIGHT }}
        >
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = rows[virtual.index];
            if (!item) return null;
            return (
              <BacklogRow
                key={item.id}
                item={item}
                index={virtual.index}
                rowOffset={1}
                top={virtual.start - HEAD_HEIGHT}
                tabbable={item.id === tabbableId}
                focused={item.id === focusedId}
                selected={selection.ids.has(item.id)}
                open={openKey !== null && item.key === openKey}
                editing={item.id === editingId}
                dragging={drag?.id === item.id}
                pending={isPending(item.id)}
                readOnly={store.readOnly}
                initiative={
                  item.initiativeId ? (store.initiatives.get(item.initiativeId)?.title ?? null) : null
                }
                assignee={item.assigneeId ? (store.users.get(item.assigneeId)?.name ?? null) : null}
                readiness={readiness.get(item.id)?.text}
                waitingOnOverdue={overdue.has(item.id)}
                sprints={sprints}
                releases={releases}
                actions={actions}
              />
            );
          })}
        </tbody>
      </table>
      {drag && (
        <div
          className="drop-indicator"
          aria-hidden="true"
          style={{ transform: `translateY(${HEAD_HEIGHT + drag.slot * ROW_HEIGHT - 1}px)` }}
        />
      )}
    </div>
  );
}
