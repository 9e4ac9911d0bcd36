/**
 * Cumulative flow: the product's items per status at the end of each day, stacked in workflow order (done
 * at the bottom, the backlog on top, as such charts are read), in the app's status colours.
 */
import { Area, AreaChart, CartesianGrid, Tooltip, XAxis } from 'recharts';
import type { ChartSource, CumulativeFlowT } from '../api/charts.ts';
import { type ItemStatusT, STATUS_LABELS } from '../api/types.ts';
import { dayLabel, flowRows, flowStatuses, flowSummary, shortDayLabel } from './chart-data.ts';
import { ChartFrame } from './chart-frame.tsx';
import { AXIS_TICK, axisLabel, CHART_MARGIN, plotStyle, TOOLTIP_STYLE, valueAxis } from './chart-parts.tsx';
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
        rows: rows.map((row) => ({ ...row, day: dayLabel(row.date) })),
      }}
    >
      {drawn && (
        <AreaChart
          data={rows}
          responsive
          style={plotStyle(320)}
          margin={CHART_MARGIN}
          title="Cumulative flow chart"
        >
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis
            dataKey="date"
            tickFormatter={shortDayLabel}
            tick={AXIS_TICK}
            stroke="#475569"
            height={42}
            minTickGap={16}
            label={axisLabel('Day (at its end)', 'x')}
          />
          {valueAxis('Items')}
          <Tooltip
            {...TOOLTIP_STYLE}
            labelFormatter={(date) => dayLabel(String(date))}
            itemSorter={(entry) => statuses.indexOf(entry.dataKey as ItemStatusT)}
          />
          {/* Drawn last status first: the first area is the bottom of the stack. */}
          {[...statuses].reverse().map((status) => (
            <Area
              key={status}
              dataKey={status}
              name={STATUS_LABELS[status]}
              stackId="flow"
              type="linear"
              stroke={colors[status]}
              fill={colors[status]}
              fillOpacity={0.85}
              isAnimationActive={false}
            />
          ))}
        </AreaChart>
      )}
    </ChartFrame>
  );
}
