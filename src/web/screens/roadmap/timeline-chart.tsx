/**
 * The timeline's chart: a month or quarter axis, a "today" line, and one row per initiative grouped by
 * theme. One scroll container for both axes, so the axis stays on top and the titles stay on the left.
 */
import { useLayoutEffect, useRef } from 'react';
import type { Progress } from '../../../domain/progress.ts';
import type { InitiativeT } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { FlagList } from './flag-list.tsx';
import type { InitiativeFlag } from './initiative-flags.ts';
import { INITIATIVE_STATUS_LABELS } from './initiative-text.ts';
import { type Span, TimelineBar } from './timeline-bar.tsx';
import { type Day, PX_PER_DAY, type Scale, ticks } from './timeline-dates.ts';

export interface TimelineRow {
  initiative: InitiativeT;
  span: Span;
}

export interface TimelineGroup {
  themeId: string | null;
  name: string;
  color: string | null;
  rows: TimelineRow[];
}

interface ChartProps {
  groups: TimelineGroup[];
  from: Day;
  to: Day;
  now: Day;
  scale: Scale;
  progress: Map<string, Progress>;
  /** At risk, drift, no work, waiting on an overdue dependency: by initiative id, shown beside the title. */
  flags: ReadonlyMap<string, readonly InitiativeFlag[]>;
  /** Null for a viewer: the bars open their initiative but cannot be dragged or resized. */
  onChange: ((id: string, span: Span) => void) | null;
  containerRef: React.RefObject<HTMLElement | null>;
}

export function TimelineChart({
  groups,
  from,
  to,
  now,
  scale,
  progress,
  flags,
  onChange,
  containerRef,
}: ChartProps) {
  const store = useStoreOnce();
  const pxPerDay = PX_PER_DAY[scale];
  const width = (to - from) * pxPerDay;
  const axis = ticks(from, to, scale);
  const shown = useRef<{ from: Day; scale: Scale } | null>(null);

  // Opens around today; later, when the range grows to the left, keeps what the user was looking at still.
  useLayoutEffect(() => {
    const element = containerRef.current;
    if (!element) return;
    const last = shown.current;
    if (!last || last.scale !== scale) element.scrollLeft = Math.max(0, (now - from) * pxPerDay - 160);
    else if (last.from !== from) element.scrollLeft += (last.from - from) * pxPerDay;
    shown.current = { from, scale };
  }, [containerRef, from, scale, now, pxPerDay]);

  const todayLeft = (now - from) * pxPerDay;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section className="tl-scroll" ref={containerRef} aria-label="Timeline chart" tabIndex={0}>
      <div className="tl-canvas" style={{ width: `calc(var(--tl-label-w) + ${width}px)` }}>
        <div className="tl-axis">
          <div className="tl-axis-label">Initiative</div>
          <div className="tl-axis-ticks" style={{ width }}>
            {axis.map((tick) => (
              <span key={tick.day} className="tl-tick" style={{ left: (tick.day - from) * pxPerDay }}>
                {tick.label}
              </span>
            ))}
            <span className="tl-today-label" style={{ left: todayLeft }}>
              Today
            </span>
          </div>
        </div>
        <div className="tl-grid" aria-hidden="true" style={{ width }}>
          {axis.map((tick) => (
            <span
              key={tick.day}
              className={`tl-gridline${tick.yearStart ? ' year' : ''}`}
              style={{ left: (tick.day - from) * pxPerDay }}
            />
          ))}
          <span className="tl-today" style={{ left: todayLeft }} />
        </div>
        {groups.map((group) => {
          const headingId = `tl-group-${group.themeId ?? 'none'}`;
          return (
            <section key={headingId} className="tl-group" aria-labelledby={headingId}>
              <h2 className="tl-group-title" id={headingId}>
                <span
                  className="theme-swatch"
                  aria-hidden="true"
                  style={group.color ? { background: group.color } : undefined}
                />
                {group.name}
                <span className="hint">{group.rows.length}</span>
              </h2>
              {group.rows.map(({ initiative }) => (
                <div key={initiative.id} className="tl-row">
                  <div className="tl-label">
                    <span className="tl-label-title">{initiative.title}</span>
                    <FlagList flags={flags.get(initiative.id)} variant="icons" title={initiative.title} />
                    <span className="tl-label-status">{INITIATIVE_STATUS_LABELS[initiative.status]}</span>
                  </div>
                  <div className="tl-track" style={{ width }}>
                    <TimelineBar
                      initiative={initiative}
                      href={paths.initiative(store.product.key, initiative.id)}
                      from={from}
                      pxPerDay={pxPerDay}
                      themeColor={group.color}
                      progress={progress.get(initiative.id)}
                      onChange={onChange}
                    />
                  </div>
                </div>
              ))}
            </section>
          );
        })}
      </div>
    </section>
  );
}
