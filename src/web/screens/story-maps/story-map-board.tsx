/**
 * The map itself: activities across the top, their steps under them, the story cards of each step in
 * bands (one per release slice, top down, then unplanned) with each slice's line showing its release or
 * sprint, points, items and done share. The geometry follows from the data (fixed column and card
 * sizes, map-layout.ts), so only the columns in view (and a few either side) are in the DOM: a map of
 * 1,000 steps renders like one of twenty. Cells and cards are memoised.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StoryMapOperationT, StoryMapSliceT, StoryMapT } from '../../api/story-maps.ts';
import { EditableTitle } from './editable-title.tsx';
import {
  bandGeometry,
  cellKey,
  columnsOf,
  doneText,
  emptyCell,
  GEOMETRY,
  layoutOf,
  PITCH,
} from './map-layout.ts';
import { StoryCell } from './story-card.tsx';

type Operate = (operation: StoryMapOperationT) => Promise<boolean>;

const SliceLine = memo(function SliceLine(props: {
  slice: StoryMapSliceT | null;
  figures: StoryMapT['unplanned'];
  index: number;
  count: number;
  canEdit: boolean;
  operate: Operate;
}) {
  const { slice, figures } = props;
  return (
    <div className={`sm-line${slice ? '' : ' sm-line-unplanned'}`} data-slice-line={slice?.id ?? ''}>
      <div className="sm-line-label">
        {slice ? (
          <EditableTitle
            title={slice.name}
            what="slice"
            canEdit={props.canEdit}
            onRename={(name) => props.operate({ op: 'updateSlice', sliceId: slice.id, name })}
          />
        ) : (
          <span className="sm-title">Unplanned</span>
        )}
        {slice && (
          <span className="sm-line-target">
            {slice.releaseId ? 'Release' : 'Sprint'} {slice.targetName ?? '(in the trash)'}
          </span>
        )}
        <span className="sm-line-figures" data-figures="">
          {figures.points} pts · {figures.items} {figures.items === 1 ? 'item' : 'items'} ·{' '}
          {doneText(figures.doneShare)}
        </span>
        {slice && props.canEdit && (
          <span className="sm-line-tools">
            <button
              type="button"
              aria-label={`Move slice ${slice.name} up`}
              disabled={props.index === 0}
              onClick={() => props.operate({ op: 'moveSlice', sliceId: slice.id, position: props.index - 1 })}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move slice ${slice.name} down`}
              disabled={props.index === props.count - 1}
              onClick={() => props.operate({ op: 'moveSlice', sliceId: slice.id, position: props.index + 1 })}
            >
              ↓
            </button>
            <button
              type="button"
              aria-label={`Remove slice ${slice.name}`}
              onClick={() => {
                if (window.confirm(`Remove the slice "${slice.name}"? Its stories keep their release.`))
                  void props.operate({ op: 'removeSlice', sliceId: slice.id });
              }}
            >
              ×
            </button>
          </span>
        )}
      </div>
    </div>
  );
});

/** Columns rendered beyond each side of the view, so a short scroll shows no blank. */
const OVERSCAN = 4;

/** The range of columns in view of the scroller. */
function columnsInView(scroller: HTMLElement | null, count: number): [number, number] {
  const left = scroller?.scrollLeft ?? 0;
  const width = scroller?.clientWidth || 1600;
  const first = Math.max(0, Math.floor(left / PITCH) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((left + width) / PITCH) + OVERSCAN);
  return [first, last];
}

export function StoryMapBoard(props: {
  map: StoryMapT;
  canEdit: boolean;
  operate: Operate;
  onAddStep: (activityId: string) => void;
}) {
  const { map, canEdit, operate } = props;
  const layout = useMemo(() => layoutOf(map), [map]);
  const columns = useMemo(() => columnsOf(map), [map]);
  const bands = useMemo(() => bandGeometry(layout, columns), [layout, columns]);
  const scroller = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState<[number, number]>(() => [0, Math.min(columns.length - 1, 12)]);
  const update = useCallback(() => {
    const next = columnsInView(scroller.current, columns.length);
    setRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
  }, [columns.length]);
  useEffect(() => {
    update();
    const observer = new ResizeObserver(update);
    if (scroller.current) observer.observe(scroller.current);
    return () => observer.disconnect();
  }, [update]);
  const sliceName = new Map(map.slices.map((s) => [s.id, s.name]));
  const [first, last] = range;
  const width = columns.length * PITCH + GEOMETRY.padding;
  const lastBand = bands.at(-1);
  const height = lastBand ? lastBand.cellTop + lastBand.cellHeight + GEOMETRY.padding : 0;
  const x = (column: number) => GEOMETRY.padding + column * PITCH;

  // Activity headers over the columns in view: each spans its steps.
  const activityStarts: { id: string; title: string; start: number; span: number; index: number }[] = [];
  let start = 0;
  for (const [index, activity] of layout.activities.entries()) {
    const span = Math.max(activity.span, 1);
    if (start + span - 1 >= first && start <= last) activityStarts.push({ ...activity, start, span, index });
    start += span;
  }
  const visible = columns.slice(first, last + 1).map((column, i) => ({ column, index: first + i }));

  return (
    <div className="sm-board" ref={scroller} onScroll={update} data-pitch={PITCH}>
      <div className="sm-canvas" style={{ width, height }}>
        {activityStarts.map((activity) => (
          <div
            key={activity.id}
            className="sm-activity"
            style={{
              left: x(activity.start),
              top: GEOMETRY.padding,
              width: activity.span * PITCH - GEOMETRY.gap,
              height: GEOMETRY.header,
            }}
          >
            <EditableTitle
              title={activity.title}
              what="activity"
              canEdit={canEdit}
              onRename={(title) => operate({ op: 'renameActivity', activityId: activity.id, title })}
            />
            {canEdit && (
              <span className="sm-tools">
                <button
                  type="button"
                  onClick={() => props.onAddStep(activity.id)}
                  aria-label={`Add a step to ${activity.title}`}
                >
                  + step
                </button>
                <button
                  type="button"
                  aria-label={`Move ${activity.title} left`}
                  disabled={activity.index === 0}
                  onClick={() =>
                    operate({ op: 'moveActivity', activityId: activity.id, position: activity.index - 1 })
                  }
                >
                  ←
                </button>
                <button
                  type="button"
                  aria-label={`Move ${activity.title} right`}
                  disabled={activity.index === layout.activities.length - 1}
                  onClick={() =>
                    operate({ op: 'moveActivity', activityId: activity.id, position: activity.index + 1 })
                  }
                >
                  →
                </button>
                <button
                  type="button"
                  aria-label={`Remove ${activity.title}`}
                  onClick={() => {
                    if (
                      window.confirm(
                        `Remove the activity "${activity.title}", its steps and their places on the map?`,
                      )
                    )
                      void operate({ op: 'removeActivity', activityId: activity.id });
                  }}
                >
                  ×
                </button>
              </span>
            )}
          </div>
        ))}
        {visible.map(({ column, index }) => {
          const style = {
            left: x(index),
            top: GEOMETRY.padding + GEOMETRY.header + GEOMETRY.gap,
            width: GEOMETRY.column,
            height: GEOMETRY.header,
          };
          const step = column.step;
          return step ? (
            <div key={step.id} className="sm-step" style={style}>
              <EditableTitle
                title={step.title}
                what="step"
                canEdit={canEdit}
                onRename={(title) => operate({ op: 'renameStep', stepId: step.id, title })}
              />
              {canEdit && (
                <button
                  type="button"
                  className="sm-step-remove"
                  aria-label={`Remove step ${step.title}`}
                  onClick={() => {
                    if (window.confirm(`Remove the step "${step.title}" and its stories' places on the map?`))
                      void operate({ op: 'removeStep', stepId: step.id });
                  }}
                >
                  ×
                </button>
              )}
            </div>
          ) : (
            <div key={`empty-${column.activityId}`} className="sm-step sm-step-empty" style={style}>
              No steps yet
            </div>
          );
        })}
        {bands.map((band, bandIndex) => {
          const slice = map.slices.find((s) => s.id === band.sliceId) ?? null;
          return (
            <div key={`band-${band.sliceId ?? 'unplanned'}`}>
              <div className="sm-line-row" style={{ top: band.top, width, height: GEOMETRY.line }}>
                <SliceLine
                  slice={slice}
                  figures={slice?.figures ?? map.unplanned}
                  index={bandIndex}
                  count={map.slices.length}
                  canEdit={canEdit}
                  operate={operate}
                />
              </div>
              {visible.map(({ column, index }) =>
                column.step ? (
                  <div
                    key={column.step.id}
                    className="sm-cell-box"
                    style={{
                      left: x(index),
                      top: band.cellTop,
                      width: GEOMETRY.column,
                      height: band.cellHeight,
                    }}
                  >
                    <StoryCell
                      stepId={column.step.id}
                      sliceId={band.sliceId}
                      cards={layout.cells.get(cellKey(column.step.id, band.sliceId)) ?? emptyCell()}
                      label={`${column.step.title}, ${band.sliceId ? (sliceName.get(band.sliceId) ?? '') : 'unplanned'}`}
                    />
                  </div>
                ) : null,
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
