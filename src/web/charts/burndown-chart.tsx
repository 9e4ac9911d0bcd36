/**
 * The sprint burndown: points remaining at the end of each day against the ideal line, with the scope
 * changes of each day drawn apart as bars (added, reopened and re-estimated above the axis, removed below)
 * and listed under the chart, so a line that rises is explained. Days past the end date are shaded.
 */

import { formatDayInChart, formatDayTick } from '../components/dates.ts';
import { afterEndSpan, burndownRows, burndownSummary, formatPoints } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import { AfterEndArea, DAY_AXIS, LineSeries, type SprintChartProps } from './chart-parts.tsx';
import { ChartPlot, pointsValue, ReferenceLine } from './chart-plot.tsx';
import { niceScale, signStack } from './chart-scales.ts';
import { CHART_COLORS as C, type LegendEntry } from './legend.ts';
import { ScopeChanges } from './scope-changes.tsx';

/** The scope bars, stacked by sign in this order: what was added above the axis, what was removed below. */
const SCOPE_BARS = [
  { key: 'added', label: 'Added', color: C.added },
  { key: 'reopened', label: 'Reopened', color: C.reopened },
  { key: 'reestimated', label: 'Re-estimated', color: C.reestimated },
  { key: 'removedBar', label: 'Removed', color: C.removed },
] as const;

const LEGEND: LegendEntry[] = [
  { label: 'Remaining', color: C.remaining, mark: 'line' },
  { label: 'Ideal', color: C.ideal, mark: 'dashed' },
  { label: 'Added', color: C.added, mark: 'bar' },
  { label: 'Reopened', color: C.reopened, mark: 'bar' },
  { label: 'Re-estimated', color: C.reestimated, mark: 'bar' },
  { label: 'Removed', color: C.removed, mark: 'bar' },
];

const TABLE_COLUMNS = [
  { key: 'day', label: 'Day' },
  { key: 'remaining', label: 'Remaining', numeric: true },
  { key: 'ideal', label: 'Ideal', numeric: true },
  { key: 'added', label: 'Added', numeric: true },
  { key: 'removed', label: 'Removed', numeric: true },
  { key: 'reestimated', label: 'Re-estimated', numeric: true },
  { key: 'reopened', label: 'Reopened', numeric: true },
];

export function BurndownChart({ burndown, source, fileBase, height = 280, placeholder }: SprintChartProps) {
  const rows = burndown ? burndownRows(burndown) : [];
  const span = afterEndSpan(rows);
  const drawn = rows.length > 0;
  const points = (value: number | null) => (value === null ? null : formatPoints(value));
  const scale = burndownScale(rows);
  return (
    <ChartFrame
      title="Burndown"
      level={3}
      summary={burndown ? burndownSummary(burndown) : (placeholder ?? 'Loading the burndown…')}
      legend={LEGEND}
      fileBase={fileBase}
      source={source}
      drawn={drawn}
      table={{
        columns: TABLE_COLUMNS,
        rows: rows.map((row) => ({
          day: `${formatDayInChart(row.date)}${row.afterEnd ? ' (after end)' : ''}`,
          remaining: points(row.remaining),
          ideal: formatPoints(row.ideal),
          added: formatPoints(row.added),
          removed: formatPoints(row.removed),
          reestimated: formatPoints(row.reestimated),
          reopened: formatPoints(row.reopened),
        })),
      }}
      after={burndown && <ScopeChanges changes={burndown.scopeChanges} />}
    >
      {drawn && (
        <ChartPlot
          title="Burndown chart"
          height={height}
          labels={rows.map((row) => formatDayTick(row.date))}
          xTitle={DAY_AXIS}
          yTitle="Points"
          scale={scale}
          tooltip={(index) => {
            const row = rows[index];
            return {
              heading: row ? formatDayInChart(row.date) : '',
              rows: [
                { label: 'Remaining', color: C.remaining, value: pointsValue(row?.remaining) },
                { label: 'Ideal', color: C.ideal, value: pointsValue(row?.ideal) },
                { label: 'Added', color: C.added, value: pointsValue(row?.added) },
                { label: 'Reopened', color: C.reopened, value: pointsValue(row?.reopened) },
                { label: 'Re-estimated', color: C.reestimated, value: pointsValue(row?.reestimated) },
                { label: 'Removed', color: C.removed, value: pointsValue(row?.removed) },
              ],
            };
          }}
        >
          {(geometry, active) => (
            <>
              <AfterEndArea
                geometry={geometry}
                from={span ? rows.findIndex((row) => row.date === span.from) : null}
                to={rows.length - 1}
              />
              <g className="chart-bars">
                {rows.map((row, index) => {
                  const width = Math.min(40, geometry.step * 0.6);
                  const segments = signStack(SCOPE_BARS.map((bar) => row[bar.key]));
                  return SCOPE_BARS.map((bar, at) => {
                    const segment = segments[at];
                    if (!segment || segment.from === segment.to) return null;
                    const y1 = geometry.y(Math.max(segment.from, segment.to));
                    const y2 = geometry.y(Math.min(segment.from, segment.to));
                    return (
                      <rect
                        key={`${row.date}-${bar.key}`}
                        className="chart-bar"
                        x={geometry.x(index) - width / 2}
                        y={y1}
                        width={width}
                        height={Math.max(1, y2 - y1)}
                        fill={bar.color}
                      />
                    );
                  });
                })}
              </g>
              <ReferenceLine geometry={geometry} value={0} color={C.axis} />
              <LineSeries
                geometry={geometry}
                values={rows.map((row) => row.ideal)}
                color={C.ideal}
                dashed
                active={active}
              />
              <LineSeries
                geometry={geometry}
                values={rows.map((row) => row.remaining)}
                color={C.remaining}
                width={3}
                dots
                active={active}
              />
            </>
          )}
        </ChartPlot>
      )}
    </ChartFrame>
  );
}

/** The value axis: from the deepest removal below zero to the highest line or stack of added scope. */
function burndownScale(rows: ReturnType<typeof burndownRows>) {
  let low = 0;
  let high = 0;
  for (const row of rows) {
    const segments = signStack(SCOPE_BARS.map((bar) => row[bar.key]));
    for (const segment of segments) {
      low = Math.min(low, segment.to);
      high = Math.max(high, segment.to);
    }
    high = Math.max(high, row.ideal, row.remaining ?? 0);
  }
  return niceScale(low, high);
}
