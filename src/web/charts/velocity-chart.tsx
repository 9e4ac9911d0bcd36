/** Velocity: points committed against points completed for each of the last closed sprints, with the mean. */
import type { ChartSource, VelocityChartT } from '../api/charts.ts';
import { formatDayInChart } from '../components/dates.ts';
import { formatPoints, meanSpan, velocitySummary } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import { ChartPlot, pointsValue, ReferenceLine } from './chart-plot.tsx';
import { niceScale } from './chart-scales.ts';
import { CHART_COLORS as C, type LegendEntry } from './legend.ts';

/** The two bars of a sprint, side by side. */
const BARS = [
  { key: 'committed', label: 'Committed', color: C.committed },
  { key: 'completed', label: 'Completed', color: C.completed },
] as const;

/** A bar is never wider than this, however few sprints there are. */
const MAX_BAR_WIDTH = 56;

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
          dates: `${formatDayInChart(sprint.startDate)} – ${formatDayInChart(sprint.endDate)}`,
          committed: formatPoints(sprint.committed),
          completed: formatPoints(sprint.completed),
        })),
      }}
    >
      {drawn && (
        <ChartPlot
          title="Velocity chart"
          height={300}
          labels={sprints.map((sprint) => sprint.name)}
          xTitle="Sprint"
          yTitle="Points"
          scale={niceScale(
            0,
            Math.max(mean ?? 0, ...sprints.map((sprint) => Math.max(sprint.committed, sprint.completed))),
          )}
          tooltip={(index) => {
            const sprint = sprints[index];
            return {
              heading: sprint?.name ?? '',
              rows: BARS.map((bar) => ({
                label: bar.label,
                color: bar.color,
                value: pointsValue(sprint?.[bar.key]),
              })),
            };
          }}
        >
          {(geometry) => {
            const width = Math.min(MAX_BAR_WIDTH, (geometry.step * 0.8) / BARS.length);
            return (
              <>
                <g className="chart-bars">
                  {sprints.map((sprint, index) =>
                    BARS.map((bar, at) => {
                      const top = geometry.y(Math.max(0, sprint[bar.key]));
                      return (
                        <rect
                          key={`${sprint.sprintId}-${bar.key}`}
                          className="chart-bar"
                          x={geometry.x(index) - width + at * (width + 2) - 1}
                          y={top}
                          width={width}
                          height={Math.max(0, geometry.y(0) - top)}
                          fill={bar.color}
                        />
                      );
                    }),
                  )}
                </g>
                {mean !== null && (
                  <ReferenceLine
                    geometry={geometry}
                    value={mean}
                    color={C.mean}
                    dashed
                    label={`Mean ${formatPoints(mean)}`}
                  />
                )}
              </>
            );
          }}
        </ChartPlot>
      )}
    </ChartFrame>
  );
}
