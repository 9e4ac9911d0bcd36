/**
 * One initiative as a bar from its start to its target date. Drag the bar to move both dates, drag an end to
 * change one, snapping to whole days; the bar follows the pointer locally and the change is saved on
 * release. Keyboard: Alt+←/→ moves it by a month, Alt+Shift+←/→ shortens or lengthens it by a month.
 */
import { type KeyboardEvent, memo, type PointerEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Progress } from '../../../domain/progress.ts';
import type { InitiativeT } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { sameProgress } from './same-progress.ts';
import { addMonths, type Day, fromDay, toDay } from './timeline-dates.ts';

export interface Span {
  start: Day;
  end: Day;
}

type DragMode = 'move' | 'start' | 'end';

interface Drag {
  mode: DragMode;
  pointerX: number;
  origin: Span;
  moved: boolean;
  /** Where the pointer has taken the bar so far (the state below may not have rendered yet). */
  span: Span;
}

/** The span an initiative covers; one missing date makes a one-day bar on the other. */
export function spanOf(initiative: InitiativeT): Span | null {
  const start = initiative.startDate ?? initiative.targetDate;
  const end = initiative.targetDate ?? initiative.startDate;
  if (!start || !end) return null;
  return { start: toDay(start), end: toDay(end) };
}

function dragged(drag: Drag, days: number): Span {
  const { start, end } = drag.origin;
  if (drag.mode === 'move') return { start: start + days, end: end + days };
  if (drag.mode === 'start') return { start: Math.min(start + days, end), end };
  return { start, end: Math.max(end + days, start) };
}

/** A keyboard step: Alt+←/→ moves by a month, Alt+Shift+←/→ changes the target date by a month. */
function stepped(span: Span, key: string, shift: boolean): Span | null {
  const months = key === 'ArrowLeft' ? -1 : key === 'ArrowRight' ? 1 : 0;
  if (months === 0) return null;
  if (!shift) return { start: addMonths(span.start, months), end: addMonths(span.end, months) };
  return { start: span.start, end: Math.max(span.start, addMonths(span.end, months)) };
}

function progressText(progress: Progress | undefined): string {
  if (!progress || progress.totalItems === 0) return '';
  return progress.totalPoints > 0
    ? `${progress.donePoints}/${progress.totalPoints} pts`
    : `${progress.doneItems}/${progress.totalItems} items`;
}

function percentDone(progress: Progress | undefined): number {
  if (!progress) return 0;
  const byPoints = progress.totalPoints > 0;
  const total = byPoints ? progress.totalPoints : progress.totalItems;
  const done = byPoints ? progress.donePoints : progress.doneItems;
  return total > 0 ? Math.round((done / total) * 100) : 0;
}

interface BarProps {
  initiative: InitiativeT;
  href: string;
  from: Day;
  pxPerDay: number;
  themeColor: string | null;
  progress: Progress | undefined;
  /** Null for a viewer: the bar is a link only, with no drag, resize or Alt+arrow moves. */
  onChange: ((id: string, span: Span) => void) | null;
}

function TimelineBarView({ initiative, href, from, pxPerDay, themeColor, progress, onChange }: BarProps) {
  const stored = spanOf(initiative);
  const [preview, setPreview] = useState<Span | null>(null);
  const drag = useRef<Drag | null>(null);
  const suppressClick = useRef(false);
  if (!stored) return null;
  const span = preview ?? stored;
  const left = (span.start - from) * pxPerDay;
  const width = Math.max((span.end - span.start + 1) * pxPerDay, 6);
  const partial = !initiative.startDate || !initiative.targetDate;
  const dates = `${formatDay(fromDay(span.start))} – ${formatDay(fromDay(span.end))}`;
  const done = progressText(progress);

  const onPointerDown = (event: PointerEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || !onChange) return;
    const handle = (event.target as HTMLElement).dataset.handle;
    const mode: DragMode = handle === 'start' || handle === 'end' ? handle : 'move';
    drag.current = { mode, pointerX: event.clientX, origin: stored, moved: false, span: stored };
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus({ preventScroll: true });
    suppressClick.current = false;
  };
  const onPointerMove = (event: PointerEvent<HTMLAnchorElement>) => {
    const current = drag.current;
    if (!current) return;
    const dx = event.clientX - current.pointerX;
    if (!current.moved && Math.abs(dx) < 3) return;
    current.moved = true;
    const next = dragged(current, Math.round(dx / pxPerDay));
    current.span = next;
    setPreview((held) => (held && held.start === next.start && held.end === next.end ? held : next));
  };
  const finish = (commit: boolean) => {
    const current = drag.current;
    drag.current = null;
    if (!current?.moved) return;
    suppressClick.current = true;
    const { span: target, origin } = current;
    if (commit && (target.start !== origin.start || target.end !== origin.end))
      onChange?.(initiative.id, target);
    setPreview(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Alt+← is also the browser's "back": the focused bar takes it first.
    if (!onChange || !event.altKey || event.ctrlKey || event.metaKey) return;
    const next = stepped(stored, event.key, event.shiftKey);
    if (!next) return;
    event.preventDefault();
    if (next.start !== stored.start || next.end !== stored.end) onChange(initiative.id, next);
  };

  return (
    <>
      <Link
        to={href}
        className={`tl-bar bar-${initiative.confidence}${preview ? ' dragging' : ''}${partial ? ' partial' : ''}${onChange ? '' : ' read-only'}`}
        style={
          {
            left,
            width,
            '--theme-color': themeColor ?? undefined,
            '--done': `${percentDone(progress)}%`,
          } as React.CSSProperties
        }
        draggable={false}
        data-focus-id={initiative.id}
        data-initiative-id={initiative.id}
        aria-label={`${initiative.title}, ${dates}${done ? `, ${done} done` : ''}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => finish(true)}
        onPointerCancel={() => finish(false)}
        onLostPointerCapture={() => finish(true)}
        onClick={(event) => {
          if (suppressClick.current) {
            event.preventDefault();
            suppressClick.current = false;
          }
        }}
        onKeyDown={onKeyDown}
      >
        {onChange && <span className="tl-handle tl-handle-start" data-handle="start" aria-hidden="true" />}
        <span className="tl-bar-title" aria-hidden="true">
          {initiative.title}
        </span>
        {onChange && <span className="tl-handle tl-handle-end" data-handle="end" aria-hidden="true" />}
      </Link>
      {preview ? (
        <span className="tl-drag-dates" style={{ left: left + width + 8 }} aria-hidden="true">
          {dates}
        </span>
      ) : (
        done && (
          <span className="tl-progress" style={{ left: left + width + 8 }} aria-hidden="true">
            {done}
          </span>
        )
      )}
    </>
  );
}

export const TimelineBar = memo(
  TimelineBarView,
  (before, after) =>
    before.initiative === after.initiative &&
    before.href === after.href &&
    before.from === after.from &&
    before.pxPerDay === after.pxPerDay &&
    before.themeColor === after.themeColor &&
    before.onChange === after.onChange &&
    sameProgress(before.progress, after.progress),
);
