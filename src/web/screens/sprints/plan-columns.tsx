/**
 * Sprint planning: the ranked backlog (items in no sprint and not finished, filtered by text) beside the
 * sprint's items. Drag an item from one list to the other, or use its "Add to sprint" / "Remove from
 * sprint" button; both save through updateItem, so the move shows at once and everyone sees it live.
 */
import { type DragEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Location } from 'react-router';
import type { BacklogItemT } from '../../api/types.ts';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import { updateItem } from '../../state/mutations/items.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { ITEM_DRAG_TYPE, PlanRow } from './plan-row.tsx';
import { backlogCandidates } from './planning-lists.ts';
import { formatPoints, plannedPoints } from './sprint-numbers.ts';

/** Rows drawn at first in the backlog list; a 20,000-item backlog is narrowed with the filter. */
const PAGE = 100;

interface Props {
  store: ProductStore;
  sprintId: string;
  ordered: BacklogItemT[];
  sprintItems: BacklogItemT[];
  /** The sprint's items that are not ready, with their failing rules as one line (from the sprint detail). */
  notReady: ReadonlyMap<string, string>;
  editable: boolean;
  background: Location;
}

type Side = 'backlog' | 'sprint';

export function PlanColumns({
  store,
  sprintId,
  ordered,
  sprintItems,
  notReady,
  editable,
  background,
}: Props) {
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [dropOn, setDropOn] = useState<Side | null>(null);
  const candidates = useMemo(() => backlogCandidates(ordered, text), [ordered, text]);
  const shown = candidates.slice(0, limit);
  // The backlog's candidates against the Definition of Ready: one index per report, looked up per row.
  const readiness = useReadinessIndex(store.product.id, editable);
  const readyCount = useMemo(() => {
    if (readiness.size === 0) return null;
    let count = 0;
    for (const item of candidates) if (readiness.get(item.id)?.text === '') count += 1;
    return count;
  }, [candidates, readiness]);
  const lists = useRef<Record<Side, HTMLUListElement | null>>({ backlog: null, sprint: null });
  const refocus = useRef<{ side: Side; index: number } | null>(null);
  const sprintPoints = plannedPoints(sprintItems);

  // After a button moved an item out of a list, the focus goes to the row that took its place.
  useLayoutEffect(() => {
    const pending = refocus.current;
    if (!pending) return;
    refocus.current = null;
    const buttons = lists.current[pending.side]?.querySelectorAll<HTMLElement>('[data-move-id]');
    const target = buttons?.[Math.min(pending.index, buttons.length - 1)];
    target?.focus();
  });

  const move = useCallback(
    (id: string, to: 'add' | 'remove') => {
      const item = store.items.get(id);
      if (!item) return;
      if (to === 'add' && item.sprintId !== sprintId) void updateItem(store, id, { sprintId });
      if (to === 'remove' && item.sprintId === sprintId) void updateItem(store, id, { sprintId: null });
    },
    [store, sprintId],
  );

  const moveByButton = useCallback(
    (id: string, to: 'add' | 'remove') => {
      const side: Side = to === 'add' ? 'backlog' : 'sprint';
      const buttons = [...(lists.current[side]?.querySelectorAll<HTMLElement>('[data-move-id]') ?? [])];
      refocus.current = {
        side,
        index: Math.max(
          0,
          buttons.findIndex((b) => b.dataset.moveId === id),
        ),
      };
      move(id, to);
    },
    [move],
  );

  const dropZone = (side: Side) =>
    editable
      ? {
          onDragOver: (event: DragEvent) => {
            if (!event.dataTransfer.types.includes(ITEM_DRAG_TYPE)) return;
            event.preventDefault();
            event.dataTransfer.dropEffect = 'move';
            if (dropOn !== side) setDropOn(side);
          },
          onDragLeave: (event: DragEvent) => {
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropOn(null);
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setDropOn(null);
            const id = event.dataTransfer.getData(ITEM_DRAG_TYPE);
            if (id) move(id, side === 'sprint' ? 'add' : 'remove');
          },
        }
      : {};

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clears the drop highlight when a drag ends anywhere
    <div className="plan-columns" onDragEnd={() => setDropOn(null)}>
      {editable && (
        <section
          className={`plan-column plan-backlog${dropOn === 'backlog' ? ' drop-target' : ''}`}
          aria-labelledby="plan-backlog-title"
          data-drop="backlog"
          {...dropZone('backlog')}
        >
          <div className="plan-column-head">
            <h2 id="plan-backlog-title">
              Backlog{' '}
              <span className="hint">
                {candidates.length.toLocaleString('en')} to plan
                {readyCount === null ? '' : ` · ${readyCount.toLocaleString('en')} ready`}
              </span>
            </h2>
            <input
              type="search"
              className="plan-filter"
              aria-label="Filter the backlog"
              placeholder="Filter by key or title"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                setLimit(PAGE);
              }}
            />
          </div>
          {candidates.length === 0 ? (
            <p className="plan-empty">
              {text ? 'No open backlog item matches the filter.' : 'Every open backlog item is in a sprint.'}
            </p>
          ) : (
            <ul
              className="plan-list"
              ref={(list) => {
                lists.current.backlog = list;
              }}
              aria-label="Backlog items not in a sprint"
            >
              {shown.map((item) => (
                <PlanRow
                  key={item.id}
                  item={item}
                  move="add"
                  readiness={readiness.get(item.id)?.text}
                  show="mark"
                  background={background}
                  onMove={moveByButton}
                />
              ))}
            </ul>
          )}
          {candidates.length > shown.length && (
            <button type="button" className="plan-more" onClick={() => setLimit(limit + PAGE)}>
              Show {Math.min(PAGE, candidates.length - shown.length)} more of{' '}
              {(candidates.length - shown.length).toLocaleString('en')}
            </button>
          )}
        </section>
      )}
      <section
        className={`plan-column plan-sprint${dropOn === 'sprint' ? ' drop-target' : ''}`}
        aria-labelledby="plan-sprint-title"
        data-drop="sprint"
        {...dropZone('sprint')}
      >
        <div className="plan-column-head">
          <h2 id="plan-sprint-title">
            In this sprint{' '}
            <span className="hint">
              {sprintItems.length} {sprintItems.length === 1 ? 'item' : 'items'} ·{' '}
              {formatPoints(sprintPoints.points)} points
            </span>
          </h2>
        </div>
        {sprintItems.length === 0 ? (
          <p className="plan-empty">
            {editable
              ? 'No items yet. Drag items here from the backlog, or use “Add to sprint”.'
              : 'No items in this sprint.'}
          </p>
        ) : (
          <ul
            className="plan-list"
            ref={(list) => {
              lists.current.sprint = list;
            }}
            aria-label="Sprint items"
          >
            {sprintItems.map((item) => (
              <PlanRow
                key={item.id}
                item={item}
                move={editable ? 'remove' : null}
                readiness={notReady.get(item.id)}
                show="line"
                background={background}
                onMove={moveByButton}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
