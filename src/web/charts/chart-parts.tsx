/** Marks the charts share: a line with its dots, the shading of a sprint's days past its end, and the props. */
import type { BurndownT, ChartSource } from '../api/charts.ts';
import type { PlotGeometry } from './chart-plot.tsx';
import { linePath } from './chart-scales.ts';
import { CHART_COLORS } from './legend.ts';

/** A series drawn as a line, broken where a value is missing; dots on every value if `dots`. */
export function LineSeries({
  geometry,
  values,
  color,
  width = 2,
  dashed = false,
  step = false,
  dots = false,
  active,
}: {
  geometry: PlotGeometry;
  values: readonly (number | null)[];
  color: string;
  width?: number;
  dashed?: boolean;
  step?: boolean;
  dots?: boolean;
  /** The category under the pointer: its value gets a larger dot. */
  active: number | null;
}) {
  const points = values.map((value, index) =>
    value === null ? null : { x: geometry.x(index), y: geometry.y(value) },
  );
  const highlighted = active === null ? null : points[active];
  return (
    <g className="chart-line">
      <path
        d={linePath(points, { step })}
        fill="none"
        stroke={color}
        strokeWidth={width}
        strokeLinejoin="round"
        strokeLinecap="round"
        {...(dashed ? { strokeDasharray: '6 4' } : {})}
      />
      {dots &&
        points.map((point, index) =>
          point ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: one dot per category, in order
            <circle key={index} cx={point.x} cy={point.y} r={3} fill={color} />
          ) : null,
        )}
      {highlighted && (
        <circle
          className="chart-active-dot"
          cx={highlighted.x}
          cy={highlighted.y}
          r={5}
          fill={color}
          stroke="#ffffff"
          strokeWidth={2}
        />
      )}
    </g>
  );
}

/**
 * The sprint's days past its end date, shaded from the last planned day (so even one day after the end is
 * a visible band); nothing when there are none.
 */
export function AfterEndArea({
  geometry,
  from,
  to,
}: {
  geometry: PlotGeometry;
  from: number | null;
  to: number;
}) {
  if (from === null) return null;
  const x1 = geometry.x(from);
  const x2 = Math.min(geometry.right, geometry.x(to) + geometry.step / 2);
  return (
    <g className="chart-after-end">
      <rect
        x={x1}
        y={geometry.top}
        width={Math.max(0, x2 - x1)}
        height={geometry.bottom - geometry.top}
        fill={CHART_COLORS.afterEnd}
        fillOpacity={0.7}
      />
      <text x={x2 - 6} y={geometry.top + 16} textAnchor="end" fill={CHART_COLORS.axis}>
        After end
      </text>
    </g>
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

/** The x axis title of a sprint's days: each value is taken at the day's end. */
export const DAY_AXIS = 'Day (at its end)';
