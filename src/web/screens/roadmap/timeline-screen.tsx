/** The timeline (/p/:key/timeline?scale=month|quarter): initiatives as bars on a calendar, by theme. */
import { useCallback, useMemo, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { themeLanes } from '../../../presenters/theme-lanes.ts';
import type { InitiativeT } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { saveInitiativeChange } from './baseline-announce.tsx';
import { BaselineTools } from './baseline-panel.tsx';
import { matchesFilter, useRoadmapFilter } from './roadmap-filter.ts';
import { ConfidenceLegend, RoadmapFilterBar } from './roadmap-filter-bar.tsx';
import { type Span, spanOf } from './timeline-bar.tsx';
import { TimelineChart, type TimelineGroup } from './timeline-chart.tsx';
import { fromDay, type Scale, today, visibleRange } from './timeline-dates.ts';
import { UnscheduledList } from './unscheduled-list.tsx';
import { useInitiativeFlags } from './use-initiative-flags.ts';
import { useRefocus } from './use-refocus.ts';
import './roadmap.css';
import './timeline.css';

function byStart(a: { span: Span; initiative: InitiativeT }, b: { span: Span; initiative: InitiativeT }) {
  return a.span.start - b.span.start || a.initiative.title.localeCompare(b.initiative.title);
}

export function TimelineScreen() {
  const store = useStore();
  const [filter, setFilter] = useRoadmapFilter();
  const [params, setParams] = useSearchParams();
  const scale: Scale = params.get('scale') === 'quarter' ? 'quarter' : 'month';
  const scroller = useRef<HTMLElement>(null);
  const refocus = useRefocus(scroller);
  const now = today();
  const version = store.version;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const { groups, unscheduled, range } = useMemo(() => {
    const shown = [...store.initiatives.values()].filter((i) => matchesFilter(i, filter));
    const unscheduled: InitiativeT[] = [];
    const groups: TimelineGroup[] = [];
    for (const lane of themeLanes(store.sortedThemes(), shown)) {
      const rows = [];
      for (const initiative of lane.initiatives) {
        const span = spanOf(initiative);
        if (span) rows.push({ initiative, span });
        else unscheduled.push(initiative);
      }
      if (rows.length > 0) groups.push({ ...lane, rows: rows.sort(byStart) });
    }
    unscheduled.sort((a, b) => a.title.localeCompare(b.title));
    const spans = groups.flatMap((group) => group.rows.map((row) => row.span));
    return { groups, unscheduled, range: visibleRange(spans, now, scale) };
  }, [store, version, filter, now, scale]);

  const flags = useInitiativeFlags(store.product.id);

  const onChange = useCallback(
    (id: string, span: Span) => {
      refocus(id);
      void saveInitiativeChange(store, id, { startDate: fromDay(span.start), targetDate: fromDay(span.end) });
    },
    [store, refocus],
  );

  const setScale = (next: Scale) =>
    setParams(
      (current) => {
        const result = new URLSearchParams(current);
        if (next === 'month') result.delete('scale');
        else result.set('scale', next);
        return result;
      },
      { replace: true },
    );

  // Its bars show progress: drawn once the whole backlog is in, as before (only the board shows "counting").
  const progress = store.progress();
  if (!store.planningLoaded || !progress) return <main className="screen timeline-screen" aria-busy="true" />;

  return (
    <main className="screen timeline-screen">
      <div className="roadmap-toolbar">
        <h1>Timeline</h1>
        <fieldset className="tl-scale">
          <legend className="visually-hidden">Scale</legend>
          {(['month', 'quarter'] as const).map((option) => (
            <button
              key={option}
              type="button"
              aria-pressed={scale === option}
              onClick={() => setScale(option)}
            >
              {option === 'month' ? 'Months' : 'Quarters'}
            </button>
          ))}
        </fieldset>
        <RoadmapFilterBar filter={filter} onChange={setFilter} />
        <BaselineTools />
      </div>
      <div className="roadmap-subbar">
        <ConfidenceLegend />
        {!store.readOnly && (
          <p className="hint">
            Drag a bar to move it, drag an end to change a date · focused bar: Alt+←/→ moves a month,
            Alt+Shift+←/→ changes the length
          </p>
        )}
      </div>
      {store.initiatives.size === 0 ? (
        <div className="roadmap-empty">
          <h2>No initiatives yet</h2>
          <p>
            The timeline shows initiatives with a start and a target date. Add initiatives on the{' '}
            <Link to={paths.roadmap(store.product.key)}>roadmap board</Link>, then schedule them here.
          </p>
        </div>
      ) : (
        groups.length === 0 && (
          <p className="hint">Nothing shown is scheduled yet: schedule an initiative below.</p>
        )
      )}
      <TimelineChart
        groups={groups}
        from={range.from}
        to={range.to}
        now={now}
        scale={scale}
        progress={progress}
        flags={flags}
        onChange={store.readOnly ? null : onChange}
        containerRef={scroller}
      />
      <UnscheduledList initiatives={unscheduled} flags={flags} />
    </main>
  );
}
