/** Shared pieces of the charts' look: axis ticks and labels, the grid, the tooltip, the plot's size. */
import type { CSSProperties } from 'react';
import { ReferenceArea, XAxis, YAxis } from 'recharts';
import type { BurndownT, ChartSource } from '../api/charts.ts';
import { formatPoints, shortDayLabel } from './chart-data.ts';
import { CHART_COLORS } from './legend.ts';

/** Plot size: full width of its frame, a fixed readable height (recharts' `responsive` follows the width). */
export function plotStyle(height: number): CSSProperties {
  return { width: '100%', height, maxWidth: '100%' };
}

export const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 12 };

/** An axis title. */
export function axisLabel(value: string, axis: 'x' | 'y') {
  return axis === 'x'
    ? { value, position: 'insideBottom' as const, offset: -4, fill: CHART_COLORS.axis, fontSize: 12 }
    : {
        value,
        angle: -90,
        position: 'insideLeft' as const,
        style: { textAnchor: 'middle' as const },
        fill: CHART_COLORS.axis,
        fontSize: 12,
      };
}

export const CHART_MARGIN = { top: 12, right: 20, bottom: 8, left: 4 };

/** Tooltip values as points ("3 pts"); other units pass their own. */
export function pointsValue(value: unknown): string {
  const number = Number(value);
  return Number.isFinite(number) ? `${formatPoints(number)} pts` : '—';
}

export const TOOLTIP_STYLE = {
  contentStyle: {
    borderRadius: 6,
    border: '1px solid #cbd5e1',
    fontSize: 12,
    padding: '6px 10px',
  },
  labelStyle: { fontWeight: 600, color: '#0f172a' },
  // Values in the text colour: the series' own colours are too light to read as text.
  itemStyle: { color: '#0f172a' },
  cursor: { fill: '#f1f5f9', stroke: '#94a3b8' },
};

/** The value axis goes a little above the highest value, so the top of a bar or line is never cut. */
export function valueDomain(max: number): number {
  return Math.max(1, Math.ceil(max * 1.1));
}

// Recharts reads the element types of a chart's children, so the shared axes and areas are element
// builders called inside the chart, not components of their own.

/** The sprint's days past its end date, shaded; nothing when there are none. */
export function afterEndArea(span: { from: string; to: string } | null) {
  return (
    span && (
      <ReferenceArea
        x1={span.from}
        x2={span.to}
        fill={CHART_COLORS.afterEnd}
        fillOpacity={0.7}
        label={{ value: 'After end', position: 'insideTopRight', fill: CHART_COLORS.axis, fontSize: 12 }}
      />
    )
  );
}

/** The x axis of a sprint's days, each value taken at the day's end. */
export function sprintDayAxis() {
  return (
    <XAxis
      dataKey="date"
      tickFormatter={shortDayLabel}
      tick={AXIS_TICK}
      stroke={CHART_COLORS.axis}
      height={42}
      label={axisLabel('Day (at its end)', 'x')}
    />
  );
}

/**
 * The value axis, titled with its unit. From zero up to a little above the highest value, unless
 * `fromZero` is false (the burndown's removed scope is drawn below the axis).
 */
export function valueAxis(label: 'Points' | 'Items', { fromZero = true } = {}) {
  return (
    <YAxis
      tick={AXIS_TICK}
      stroke={CHART_COLORS.axis}
      width={56}
      allowDecimals={label === 'Points'}
      {...(fromZero && { domain: [0, valueDomain] })}
      label={axisLabel(label, 'y')}
    />
  );
}

/** The props of a sprint's burndown and burnup, which draw the same answer two ways. */
export interface SprintChartProps {
  burndown: BurndownT | null;
  source: ChartSource;
  fileBase: string;
  height?: number;
  /** Shown instead of a summary while there is nothing to draw. */
  placeholder?: string;
}
