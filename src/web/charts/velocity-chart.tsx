/** Velocity: points committed against points completed for each of the last closed sprints, with the mean. */
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis } from 'recharts';
import type { ChartSource, VelocityChartT } from '../api/charts.ts';
import { dayLabel, formatPoints, meanSpan, velocitySummary } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import {
  AXIS_TICK,
  axisLabel,
  CHART_MARGIN,
  plotStyle,
  pointsValue,
  TOOLTIP_STYLE,
  valueAxis,
} from './chart-parts.tsx';
import { CHART_COLORS as C, type LegendEntry } from './legend.ts';

interface VelocityChartProps {
  chart: VelocityChartT | null;
  source: ChartSource | null;
  fileBase: string;
  placeholder: string;
}

export function VelocityChart({ chart, source, fileBase, placeholder }: VelocityChartProps) {
  const sprints = chart?.sprints ?? [];
  const drawn = sprints.length > 0;
  const mean = chart?.mean ?? null;
  const legend: LegendEntry[] = [
    { label: 'Committed', color: C.committed, mark: 'bar' },
    { label: 'Completed', color: C.completed, mark: 'bar' },
    ...(mean === null
      ? []
      : [
          {
            label: `Mean of the last ${chart ? meanSpan(chart) : 3} (${formatPoints(mean)})`,
            color: C.mean,
            mark: 'dashed' as const,
          },
        ]),
  ];
  return (
    <ChartFrame
      title="Velocity"
      summary={chart ? velocitySummary(chart) : placeholder}
      legend={legend}
      fileBase={fileBase}
      source={source}
      drawn={drawn}
      table={{
        columns: [
          { key: 'sprint', label: 'Sprint' },
          { key: 'dates', label: 'Dates' },
          { key: 'committed', label: 'Committed', numeric: true },
          { key: 'completed', label: 'Completed', numeric: true },
        ],
        rows: sprints.map((sprint) => ({
          sprint: sprint.name,
          dates: `${dayLabel(sprint.startDate)} – ${dayLabel(sprint.endDate)}`,
          committed: formatPoints(sprint.committed),
          completed: formatPoints(sprint.completed),
        })),
      }}
    >
      {drawn && (
        <BarChart
          data={sprints}
          responsive
          style={plotStyle(300)}
          margin={CHART_MARGIN}
          title="Velocity chart"
        >
          <CartesianGrid stroke={C.grid} vertical={false} />
          <XAxis
            dataKey="name"
            tick={AXIS_TICK}
            stroke={C.axis}
            height={42}
            label={axisLabel('Sprint', 'x')}
          />
          {valueAxis('Points')}
          <Tooltip {...TOOLTIP_STYLE} formatter={(value) => pointsValue(value)} />
          <Bar
            dataKey="committed"
            name="Committed"
            fill={C.committed}
            maxBarSize={56}
            isAnimationActive={false}
          />
          <Bar
            dataKey="completed"
            name="Completed"
            fill={C.completed}
            maxBarSize={56}
            isAnimationActive={false}
          />
          {mean !== null && (
            <ReferenceLine
              y={mean}
              stroke={C.mean}
              strokeWidth={2}
              strokeDasharray="6 4"
              label={{
                value: `Mean ${formatPoints(mean)}`,
                position: 'insideTopLeft',
                fill: C.axis,
                fontSize: 12,
              }}
            />
          )}
        </BarChart>
      )}
    </ChartFrame>
  );
}
