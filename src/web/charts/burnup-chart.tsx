/** The sprint burnup: points done against the sprint's total scope, day by day. */
import { CartesianGrid, Line, LineChart, Tooltip } from 'recharts';
import { afterEndSpan, burnupSummary, dayLabel, formatPoints } from './chart-data.ts';
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
          day: dayLabel(day.date),
          done: day.done === null ? null : formatPoints(day.done),
          scope: day.scope === null ? null : formatPoints(day.scope),
        })),
      }}
    >
      {drawn && (
        <LineChart
          data={days}
          responsive
          style={plotStyle(height)}
          margin={CHART_MARGIN}
          title="Burnup chart"
        >
          <CartesianGrid stroke={C.grid} vertical={false} />
          {afterEndArea(span)}
          {sprintDayAxis()}
          {valueAxis('Points')}
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(date) => dayLabel(String(date))}
            formatter={(value) => pointsValue(value)}
          />
          <Line
            dataKey="scope"
            name="Total scope"
            stroke={C.scope}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            type="stepAfter"
            isAnimationActive={false}
          />
          <Line
            dataKey="done"
            name="Done"
            stroke={C.done}
            strokeWidth={3}
            dot={{ r: 3, fill: C.done }}
            isAnimationActive={false}
          />
        </LineChart>
      )}
    </ChartFrame>
  );
}
