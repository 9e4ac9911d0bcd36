/**
 * The geometry of the dependency map that needs no layout engine: box sizes, the shape of the laid-out
 * graph, edge paths and zoom steps. Kept apart from graph-layout.ts so the screen's code does not carry
 * dagre, which runs in layout-worker.ts.
 */
import type { DependencyMapT, GraphNodeT } from '../../api/analysis.ts';

type MapEdge = DependencyMapT['edges'][number];

/** Box sizes by kind, in SVG units; graph-node.tsx draws the text to fit these. */
export const NODE_SIZES: Record<GraphNodeT['kind'], { width: number; height: number }> = {
  item: { width: 244, height: 64 },
  initiative: { width: 212, height: 48 },
  external: { width: 212, height: 60 },
};

/** The margin kept around the drawing, so focus rings and arrowheads at the edge are not cut. */
export const GRAPH_MARGIN = 16;

export interface PlacedNode {
  node: GraphNodeT;
  /** The box's top-left corner. */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  from: string;
  to: string;
  kind: MapEdge['kind'];
  /** Both ends are consecutive steps of the critical path. */
  critical: boolean;
  /** An SVG path from the source box to the target box. */
  path: string;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** The ids of consecutive critical-path steps, as "from→to" pairs. */
export function criticalLinks(criticalPath: readonly string[]): Set<string> {
  const links = new Set<string>();
  for (let index = 1; index < criticalPath.length; index += 1) {
    links.add(`${criticalPath[index - 1]}→${criticalPath[index]}`);
  }
  return links;
}

/** A smooth SVG path through dagre's points: straight to the first, then curves through the midpoints. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points;
  if (!first) return '';
  if (rest.length === 0) return `M${round(first.x)},${round(first.y)}`;
  let path = `M${round(first.x)},${round(first.y)}`;
  for (let index = 0; index < rest.length - 1; index += 1) {
    const control = rest[index] as { x: number; y: number };
    const next = rest[index + 1] as { x: number; y: number };
    path += ` Q${round(control.x)},${round(control.y)} ${round((control.x + next.x) / 2)},${round((control.y + next.y) / 2)}`;
  }
  const last = rest[rest.length - 1] as { x: number; y: number };
  return `${path} L${round(last.x)},${round(last.y)}`;
}

/** The zoom steps offered, smallest first; 1 is actual size. */
export const ZOOM_STEPS = [0.25, 0.4, 0.55, 0.7, 0.85, 1, 1.25, 1.5] as const;

/** The next zoom step in a direction from the current zoom (staying at either end). */
export function stepZoom(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + 1e-9) ?? current;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - 1e-9) ?? current;
}

/**
 * The largest zoom step (at most actual size) at which the whole graph fits the given width, but not below
 * `floor`: past it the text is too small to read, and panning is the better way round.
 */
export function fitZoom(graphWidth: number, viewportWidth: number, floor: number = ZOOM_STEPS[0]): number {
  if (graphWidth <= 0 || viewportWidth <= 0) return 1;
  const fitting = ZOOM_STEPS.filter((step) => step <= 1 && graphWidth * step <= viewportWidth);
  return Math.max(floor, fitting[fitting.length - 1] ?? ZOOM_STEPS[0]);
}

const round = (value: number) => Math.round(value * 10) / 10;
