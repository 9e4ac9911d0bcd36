/**
 * The drawing surface every chart shares: an SVG as wide as its frame, with the grid, the value axis (round
 * ticks, titled with its unit), the category axis (days or sprints, labels thinned so they never overlap),
 * and a tooltip that follows the pointer or the arrow keys (the plot is focusable; ←/→ step through the
 * categories, Home/End jump, Escape hides it). The marks themselves are drawn by each chart from the
 * geometry it is given.
 */
import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { formatPoints } from './chart-data.ts';
import { labelEvery, type ValueScale } from './chart-scales.ts';
import { CHART_COLORS as C } from './legend.ts';

/** Where things go in the SVG: `x(i)` is the middle of category i, `y(v)` the height of value v. */
export interface PlotGeometry {
  /** The plotting area (inside the axes). */
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The width given to one category. */
  step: number;
  x: (index: number) => number;
  y: (value: number) => number;
}

export interface TooltipContent {
  heading: string;
  rows: { label: string; color: string; value: string }[];
}

interface ChartPlotProps {
  /** The SVG's accessible name ("Burndown chart"). */
  title: string;
  height: number;
  /** One label per category, in order. */
  labels: readonly string[];
  /** The category axis' title ("Day (at its end)"). */
  xTitle: string;
  yTitle: 'Points' | 'Items';
  scale: ValueScale;
  /** Categories as points from edge to edge (areas), rather than as bands with room around them (bars). */
  edgeToEdge?: boolean;
  tooltip: (index: number) => TooltipContent;
  /** The marks, drawn from the geometry; `active` is the category under the pointer or keyboard. */
  children: (geometry: PlotGeometry, active: number | null) => ReactNode;
}

const MARGIN = { top: 12, right: 20, bottom: 42, left: 60 };
const FONT_SIZE = 12;

/** The container's width, measured before the first paint and again whenever it changes. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export function ChartPlot(props: ChartPlotProps) {
  const { ref, width } = useWidth();
  const [active, setActive] = useState<number | null>(null);
  const count = props.labels.length;
  const { scale, height } = props;

  const left = MARGIN.left;
  const top = MARGIN.top;
  const right = Math.max(left + 1, width - MARGIN.right);
  const bottom = Math.max(top + 1, height - MARGIN.bottom);
  const edge = props.edgeToEdge === true && count > 1;
  const step = edge ? (right - left) / (count - 1) : (right - left) / Math.max(1, count);
  const geometry: PlotGeometry = {
    left,
    top,
    right,
    bottom,
    step,
    x: (index) => (edge ? left + index * step : left + (index + 0.5) * step),
    y: (value) => bottom - ((value - scale.min) / (scale.max - scale.min || 1)) * (bottom - top),
  };

  const indexAt = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const offset = event.clientX - box.left - left - (edge ? 0 : step / 2);
    return Math.min(count - 1, Math.max(0, Math.round(offset / step)));
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const current = active ?? -1;
    const next: Record<string, number | null> = {
      ArrowRight: Math.min(count - 1, current + 1),
      ArrowLeft: Math.max(0, current < 0 ? count - 1 : current - 1),
      Home: 0,
      End: count - 1,
      Escape: null,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    setActive(next[event.key] ?? null);
  };

  const every = labelEvery(Math.max(0, ...props.labels.map((label) => label.length)), step);
  const tip = active === null ? null : props.tooltip(active);
  const tipX = active === null ? 0 : geometry.x(active);
  const tipOnLeft = tipX > width - 200;

  return (
    <div className="chart-canvas" ref={ref} style={{ height }}>
      {width > 0 && count > 0 && (
        <svg
          className="chart-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={props.title}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the arrow keys step the tooltip through the categories
          tabIndex={0}
          fontSize={FONT_SIZE}
          onPointerMove={(event) => setActive(indexAt(event))}
          onPointerLeave={() => setActive(null)}
          onBlur={() => setActive(null)}
          onKeyDown={onKeyDown}
        >
          <title>{props.title}</title>
          {active !== null && (
            <rect
              className="chart-cursor"
              x={edge ? geometry.x(active) - 0.5 : geometry.x(active) - step / 2}
              y={top}
              width={edge ? 1 : step}
              height={bottom - top}
              fill={edge ? '#94a3b8' : '#f1f5f9'}
            />
          )}
          <g className="chart-grid">
            {scale.ticks.map((tick) => (
              <line
                key={tick}
                x1={left}
                x2={right}
                y1={geometry.y(tick)}
                y2={geometry.y(tick)}
                stroke={C.grid}
              />
            ))}
          </g>
          {props.children(geometry, active)}
          <g className="chart-axis chart-axis-y" fill={C.axis}>
            <line x1={left} x2={left} y1={top} y2={bottom} stroke={C.axis} />
            {scale.ticks.map((tick) => (
              <g key={tick}>
                <line x1={left - 6} x2={left} y1={geometry.y(tick)} y2={geometry.y(tick)} stroke={C.axis} />
                <text x={left - 9} y={geometry.y(tick)} textAnchor="end" dominantBaseline="central">
                  {formatPoints(tick)}
                </text>
              </g>
            ))}
            <text
              transform={`translate(16 ${(top + bottom) / 2}) rotate(-90)`}
              textAnchor="middle"
              dominantBaseline="central"
            >
              {props.yTitle}
            </text>
          </g>
          <g className="chart-axis chart-axis-x" fill={C.axis}>
            <line x1={left} x2={right} y1={bottom} y2={bottom} stroke={C.axis} />
            {props.labels.map((label, index) =>
              // The last label always shows; the others every `every` categories back from it.
              (count - 1 - index) % every === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: one label per category, in order
                <g key={index}>
                  <line
                    x1={geometry.x(index)}
                    x2={geometry.x(index)}
                    y1={bottom}
                    y2={bottom + 6}
                    stroke={C.axis}
                  />
                  <text x={geometry.x(index)} y={bottom + 18} textAnchor="middle">
                    {label}
                  </text>
                </g>
              ) : null,
            )}
            <text x={(left + right) / 2} y={height - 4} textAnchor="middle">
              {props.xTitle}
            </text>
          </g>
        </svg>
      )}
      <div
        className={`chart-tooltip${tip ? '' : ' chart-tooltip-hidden'}`}
        aria-live="polite"
        style={{
          left: tipOnLeft ? undefined : tipX + 14,
          right: tipOnLeft ? width - tipX + 14 : undefined,
          top: top + 4,
        }}
      >
        {tip && (
          <>
            <p className="chart-tooltip-heading">{tip.heading}</p>
            <ul>
              {tip.rows.map((row) => (
                <li key={row.label}>
                  <span className="chart-tooltip-swatch" style={{ background: row.color }} />
                  {row.label}: <strong>{row.value}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

/** A horizontal reference line across the plot (zero, a mean), with an optional label at its left. */
export function ReferenceLine({
  geometry,
  value,
  color,
  dashed = false,
  label,
}: {
  geometry: PlotGeometry;
  value: number;
  color: string;
  dashed?: boolean;
  label?: string;
}) {
  const y = geometry.y(value);
  return (
    <g className="chart-reference">
      <line
        x1={geometry.left}
        x2={geometry.right}
        y1={y}
        y2={y}
        stroke={color}
        strokeWidth={dashed ? 2 : 1}
        {...(dashed ? { strokeDasharray: '6 4' } : {})}
      />
      {label && (
        <text x={geometry.left + 6} y={y + 14} fill={C.axis}>
          {label}
        </text>
      )}
    </g>
  );
}

/** Tooltip values as points ("3 pts"); missing ones as a dash. */
export function pointsValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${formatPoints(value)} pts`;
}
