/**
 * Where each box and arrow of the dependency map goes: dagre ranks the graph left to right (blockers and
 * awaited external dependencies left of what waits on them, initiatives right of the items serving them)
 * and this turns its answer into SVG-ready boxes and paths. Pure: no DOM, no React. Runs in
 * layout-worker.ts, off the main thread.
 */
import dagre from '@dagrejs/dagre';
import type { DependencyMapT, GraphNodeT } from '../../api/analysis.ts';
import {
  criticalLinks,
  edgePath,
  GRAPH_MARGIN,
  type GraphLayout,
  NODE_SIZES,
  type PlacedEdge,
  type PlacedNode,
} from './graph-geometry.ts';

type MapEdge = DependencyMapT['edges'][number];

/**
 * network-simplex ranking and the crossing-reduction sweeps give the tidiest drawing but grow quickly with
 * the graph and its long links (seconds for 2,000 loosely linked nodes, even in the worker); above this
 * many nodes the cheaper tight-tree ranking without the sweeps keeps any 2,000-node map near a second.
 */
export const LARGE_GRAPH = 800;

/** Lays the map out left to right. Edges naming a node the map does not hold are left out. */
export function layoutGraph(map: Pick<DependencyMapT, 'nodes' | 'edges' | 'criticalPath'>): GraphLayout {
  if (map.nodes.length === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const large = map.nodes.length > LARGE_GRAPH;
  const graph = new dagre.graphlib.Graph<object, { width: number; height: number }, { kind: string }>();
  graph.setGraph({
    rankdir: 'LR',
    nodesep: 18,
    ranksep: 56,
    edgesep: 10,
    marginx: GRAPH_MARGIN,
    marginy: GRAPH_MARGIN,
    ranker: large ? 'tight-tree' : 'network-simplex',
  });
  graph.setDefaultEdgeLabel(() => ({ kind: 'blocks' }));
  const byId = new Map<string, GraphNodeT>();
  for (const node of map.nodes) {
    byId.set(node.id, node);
    graph.setNode(node.id, { ...NODE_SIZES[node.kind] });
  }
  const drawn: MapEdge[] = [];
  for (const edge of map.edges) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || edge.from === edge.to) continue;
    drawn.push(edge);
    graph.setEdge(edge.from, edge.to, { kind: edge.kind });
  }
  dagre.layout(graph, { disableOptimalOrderHeuristic: large });

  const nodes: PlacedNode[] = map.nodes.map((node) => {
    const placed = graph.node(node.id) as { x?: number; y?: number; width: number; height: number };
    const { width, height } = placed;
    return {
      node,
      x: round((placed.x ?? 0) - width / 2),
      y: round((placed.y ?? 0) - height / 2),
      width,
      height,
    };
  });
  const critical = criticalLinks(map.criticalPath);
  const seen = new Set<string>();
  const edges: PlacedEdge[] = [];
  for (const edge of drawn) {
    const id = `${edge.from}→${edge.to}`;
    if (seen.has(id)) continue; // dagre holds one edge per pair: draw it once
    seen.add(id);
    const points = (graph.edge(edge.from, edge.to) as { points?: { x: number; y: number }[] }).points ?? [];
    edges.push({
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      critical: edge.kind === 'blocks' && critical.has(id),
      path: edgePath(points),
    });
  }
  const size = graph.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}

const round = (value: number) => Math.round(value * 10) / 10;
