/** The sprint burnup: points done against the sprint's total scope, day by day. */

import { formatDayInChart, formatDayTick } from '../components/dates.ts';
import { afterEndSpan, burnupSummary, formatPoints } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import { AfterEndArea, DAY_AXIS, LineSeries, type SprintChartProps } from './chart-parts.tsx';
import { ChartPlot, pointsValue } from './chart-plot.tsx';
import { niceScale } from './chart-scales.ts';
import { CHART_COLORS as C, type LegendEntry } from './legend.ts';

const LEGEND: LegendEntry[] = [
  { label: 'Done', color: C.done, mark: 'line' },
  { label: 'Total scope', color: C.scope, mark: 'dashed' },
];

export function BurnupChart({ burndown, source, fileBase, height = 280, placeholder }: SprintChartProps) {
  const days = burndown?.days ?? [];
  const span = afterEndSpan(days);
  const drawn = days.length > 0;
  return (
    <ChartFrame
      title="Burnup"
      level={3}
      summary={burndown ? burnupSummary(burndown) : (placeholder ?? 'Loading the burnup…')}
      legend={LEGEND}
      fileBase={fileBase}
      source={source}
      drawn={drawn}
      table={{
        columns: [
          { key: 'day', label: 'Day' },
          { key: 'done', label: 'Done', numeric: true },
          { key: 'scope', label: 'Total scope', numeric: true },
        ],
        rows: days.map((day) => ({
          day: formatDayInChart(day.date),
          done: day.done === null ? null : formatPoints(day.done),
          scope: day.scope === null ? null : formatPoints(day.scope),
        })),
      }}
    >
      {drawn && (
        <ChartPlot
          title="Burnup chart"
          height={height}
          labels={days.map((day) => formatDayTick(day.date))}
          xTitle={DAY_AXIS}
          yTitle="Points"
          scale={niceScale(0, Math.max(0, ...days.map((day) => Math.max(day.done ?? 0, day.scope ?? 0))))}
          tooltip={(index) => {
            const day = days[index];
            return {
              heading: day ? formatDayInChart(day.date) : '',
              rows: [
                { label: 'Done', color: C.done, value: pointsValue(day?.done) },
                { label: 'Total scope', color: C.scope, value: pointsValue(day?.scope) },
              ],
            };
          }}
        >
          {(geometry, active) => (
            <>
              <AfterEndArea
                geometry={geometry}
                from={span ? days.findIndex((day) => day.date === span.from) : null}
                to={days.length - 1}
              />
              <LineSeries
                geometry={geometry}
                values={days.map((day) => day.scope)}
                color={C.scope}
                dashed
                step
                active={active}
              />
              <LineSeries
                geometry={geometry}
                values={days.map((day) => day.done)}
                color={C.done}
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
