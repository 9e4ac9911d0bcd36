/**
 * The sprint burndown: points remaining at the end of each day against the ideal line, with the scope
 * changes of each day drawn apart as bars (added, reopened and re-estimated above the axis, removed below)
 * and listed under the chart, so a line that rises is explained. Days past the end date are shaded.
 */
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip } from 'recharts';
import { afterEndSpan, burndownRows, burndownSummary, dayLabel, formatPoints } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import {
  afterEndArea,
  CHART_MARGIN,
  plotStyle,
  pointsValue,
  type SprintChartProps,
  sprintDayAxis,
  TOOLTIP_STYLE,
  valueAxis,
} from './chart-parts.tsx';
import { CHART_COLORS as C, type LegendEntry } from './legend.ts';
import { ScopeChanges } from './scope-changes.tsx';

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
          day: `${dayLabel(row.date)}${row.afterEnd ? ' (after end)' : ''}`,
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
        <ComposedChart
          data={rows}
          responsive
          style={plotStyle(height)}
          margin={CHART_MARGIN}
          stackOffset="sign"
          title="Burndown chart"
        >
          <CartesianGrid stroke={C.grid} vertical={false} />
          {afterEndArea(span)}
          {sprintDayAxis()}
          {valueAxis('Points', { fromZero: false })}
          <ReferenceLine y={0} stroke={C.axis} />
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(date) => dayLabel(String(date))}
            formatter={(value) => pointsValue(value)}
          />
          <Bar dataKey="added" name="Added" stackId="scope" fill={C.added} isAnimationActive={false} />
          <Bar
            dataKey="reopened"
            name="Reopened"
            stackId="scope"
            fill={C.reopened}
            isAnimationActive={false}
          />
          <Bar
            dataKey="reestimated"
            name="Re-estimated"
            stackId="scope"
            fill={C.reestimated}
            isAnimationActive={false}
          />
          <Bar
            dataKey="removedBar"
            name="Removed"
            stackId="scope"
            fill={C.removed}
            isAnimationActive={false}
          />
          <Line
            dataKey="ideal"
            name="Ideal"
            stroke={C.ideal}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            dataKey="remaining"
            name="Remaining"
            stroke={C.remaining}
            strokeWidth={3}
            dot={{ r: 3, fill: C.remaining }}
            isAnimationActive={false}
          />
        </ComposedChart>
      )}
    </ChartFrame>
  );
}
