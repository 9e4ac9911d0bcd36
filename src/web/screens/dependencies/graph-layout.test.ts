import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DependencyMapT, GraphNodeT } from '../../api/analysis.ts';
import { GRAPH_MARGIN, type GraphLayout, NODE_SIZES } from './graph-geometry.ts';
import { layoutGraph } from './graph-layout.ts';

type Edge = DependencyMapT['edges'][number];

function item(id: string, extra: Partial<Extract<GraphNodeT, { kind: 'item' }>> = {}): GraphNodeT {
  return {
    kind: 'item',
    id,
    key: id.toUpperCase(),
    title: `Item ${id}`,
    status: 'backlog',
    estimate: 3,
    initiativeId: null,
    blocked: false,
    onCriticalPath: false,
    waitingOnOverdue: false,
    foreign: false,
    ...extra,
  };
}
const initiative = (id: string): GraphNodeT => ({
  kind: 'initiative',
  id,
  title: `Initiative ${id}`,
  horizon: 'now',
  status: 'active',
  waitingOnOverdue: false,
});
const external = (id: string): GraphNodeT => ({
  kind: 'external',
  id,
  title: `Approval ${id}`,
  owner: 'Legal',
  expectedDate: '2025-01-01',
  met: false,
  overdue: true,
});
const placed = (layout: GraphLayout, id: string) => {
  const node = layout.nodes.find((n) => n.node.id === id);
  assert.ok(node, `${id} is placed`);
  return node;
};

describe('layoutGraph', () => {
  it('puts blockers left of what they block, externals left of their items, initiatives right', () => {
    const edges: Edge[] = [
      { from: 'a', to: 'b', kind: 'blocks' },
      { from: 'b', to: 'c', kind: 'blocks' },
      { from: 'x', to: 'a', kind: 'waits' },
      { from: 'c', to: 'i', kind: 'serves' },
    ];
    const layout = layoutGraph({
      nodes: [item('a'), item('b'), item('c'), external('x'), initiative('i')],
      edges,
      criticalPath: ['a', 'b', 'c'],
    });
    const x = (id: string) => placed(layout, id).x;
    assert.ok(x('x') < x('a') && x('a') < x('b') && x('b') < x('c') && x('c') < x('i'));
    assert.deepEqual(
      { width: placed(layout, 'i').width, height: placed(layout, 'i').height },
      NODE_SIZES.initiative,
    );
    assert.equal(layout.edges.length, 4);
  });

  it('keeps every box inside the drawing, with the margin around it, and no two boxes overlapping', () => {
    const nodes = Array.from({ length: 12 }, (_, n) => item(`n${n}`));
    const edges: Edge[] = nodes
      .slice(1)
      .map((node, n) => ({ from: `n${n % 4}`, to: node.id, kind: 'blocks' }));
    const layout = layoutGraph({ nodes, edges, criticalPath: [] });
    for (const box of layout.nodes) {
      assert.ok(box.x >= GRAPH_MARGIN - 0.5 && box.y >= GRAPH_MARGIN - 0.5);
      assert.ok(box.x + box.width <= layout.width && box.y + box.height <= layout.height);
    }
    for (const a of layout.nodes) {
      for (const b of layout.nodes) {
        if (a === b) continue;
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        assert.ok(apart, `${a.node.id} and ${b.node.id} overlap`);
      }
    }
  });

  it('marks only blocking edges between consecutive critical-path steps as critical', () => {
    const layout = layoutGraph({
      nodes: [item('a'), item('b'), item('c'), initiative('i')],
      edges: [
        { from: 'a', to: 'b', kind: 'blocks' },
        { from: 'a', to: 'c', kind: 'blocks' },
        { from: 'b', to: 'i', kind: 'serves' },
      ],
      criticalPath: ['a', 'b', 'i'],
    });
    const critical = layout.edges.filter((edge) => edge.critical).map((edge) => `${edge.from}${edge.to}`);
    assert.deepEqual(critical, ['ab']);
    for (const edge of layout.edges) assert.match(edge.path, /^M[\d.]+,[\d.]+/);
  });

  it('leaves out edges to nodes the map does not hold, repeated edges and loops; an empty map is empty', () => {
    const layout = layoutGraph({
      nodes: [item('a'), item('b')],
      edges: [
        { from: 'a', to: 'b', kind: 'blocks' },
        { from: 'a', to: 'b', kind: 'blocks' },
        { from: 'a', to: 'gone', kind: 'blocks' },
        { from: 'a', to: 'a', kind: 'blocks' },
      ],
      criticalPath: [],
    });
    assert.equal(layout.edges.length, 1);
    assert.deepEqual(layoutGraph({ nodes: [], edges: [], criticalPath: [] }), {
      width: 0,
      height: 0,
      nodes: [],
      edges: [],
    });
  });

  it('lays out a map cut at 2,000 nodes in a few seconds at most', () => {
    const nodes = Array.from({ length: 2000 }, (_, n) => item(`n${n}`));
    const edges: Edge[] = nodes.slice(1).map((node, n) => ({
      from: `n${Math.floor(n / 3)}`,
      to: node.id,
      kind: 'blocks',
    }));
    const started = performance.now();
    const layout = layoutGraph({ nodes, edges, criticalPath: [] });
    assert.equal(layout.nodes.length, 2000);
    assert.ok(performance.now() - started < 8000);
  });
});
