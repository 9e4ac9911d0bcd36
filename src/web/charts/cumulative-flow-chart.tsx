/**
 * Cumulative flow: the product's items per status at the end of each day, stacked in workflow order (done
 * at the bottom, the backlog on top, as such charts are read), in the app's status colours.
 */
import type { ChartSource, CumulativeFlowT } from '../api/charts.ts';
import { type ItemStatusT, STATUS_LABELS } from '../api/types.ts';
import { formatDayInChart, formatDayTick } from '../components/dates.ts';
import { flowRows, flowStatuses, flowSummary } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import { ChartPlot } from './chart-plot.tsx';
import { areaPath, niceScale } from './chart-scales.ts';
import type { LegendEntry } from './legend.ts';

/** The values of the --status-* colours in styles.css: the file must carry colours, not variables. */
export const STATUS_COLORS: Record<ItemStatusT, string> = {
  backlog: '#64748b',
  ready: '#0891b2',
  in_progress: '#2563eb',
  in_review: '#7c3aed',
  done: '#15803d',
  wont_do: '#9ca3af',
};

/** The page's own status colours when it defines them (one palette for chips and charts). */
function statusColor(status: ItemStatusT): string {
  if (typeof document === 'undefined') return STATUS_COLORS[status];
  const value = getComputedStyle(document.documentElement).getPropertyValue(`--status-${status}`).trim();
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : STATUS_COLORS[status];
}

interface CumulativeFlowChartProps {
  flow: CumulativeFlowT | null;
  source: ChartSource | null;
  fileBase: string;
  placeholder: string;
}

export function CumulativeFlowChart({ flow, source, fileBase, placeholder }: CumulativeFlowChartProps) {
  const statuses = flow ? flowStatuses(flow) : [];
  const rows = flow ? flowRows(flow) : [];
  const drawn = rows.length > 0;
  const totals = rows.map((row) => statuses.reduce((sum, status) => sum + (row[status] ?? 0), 0));
  const colors = Object.fromEntries(statuses.map((s) => [s, statusColor(s)])) as Record<ItemStatusT, string>;
  const legend: LegendEntry[] = statuses.map((status) => ({
    label: STATUS_LABELS[status],
    color: colors[status],
    mark: 'area',
  }));
  return (
    <ChartFrame
      title="Cumulative flow"
      summary={flow ? flowSummary(flow) : placeholder}
      legend={legend}
      fileBase={fileBase}
      source={source}
      drawn={drawn}
      table={{
        columns: [
          { key: 'day', label: 'Day' },
          ...statuses.map((status) => ({ key: status, label: STATUS_LABELS[status], numeric: true })),
        ],
        rows: rows.map((row) => ({ ...row, day: formatDayInChart(row.date) })),
      }}
    >
      {drawn && (
        <ChartPlot
          title="Cumulative flow chart"
          height={320}
          labels={rows.map((row) => formatDayTick(row.date))}
          xTitle="Day (at its end)"
          yTitle="Items"
          scale={niceScale(0, Math.max(0, ...totals), { integers: true })}
          edgeToEdge
          tooltip={(index) => {
            const row = rows[index];
            return {
              heading: row ? formatDayInChart(row.date) : '',
              rows: statuses.map((status) => ({
                label: STATUS_LABELS[status],
                color: colors[status],
                value: String(row?.[status] ?? 0),
              })),
            };
          }}
        >
          {(geometry) => {
            // Stacked from the last status (the bottom of the stack) up to the first.
            const bands: { status: ItemStatusT; path: string }[] = [];
            let below = rows.map(() => 0);
            for (const status of [...statuses].reverse()) {
              const above = rows.map((row, index) => (below[index] ?? 0) + (row[status] ?? 0));
              const line = (values: number[]) =>
                values.map((value, index) => ({ x: geometry.x(index), y: geometry.y(value) }));
              bands.push({ status, path: areaPath(line(above), line(below)) });
              below = above;
            }
            return (
              <g className="chart-areas">
                {bands.map((band) => (
                  <path
                    key={band.status}
                    d={band.path}
                    fill={colors[band.status]}
                    fillOpacity={0.85}
                    stroke={colors[band.status]}
                  />
                ))}
              </g>
            );
          }}
        </ChartPlot>
      )}
    </ChartFrame>
  );
}
