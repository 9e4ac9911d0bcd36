import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type DependencyMap, dependencyMap, type GraphNode, MAX_GRAPH_NODES } from './dependency-map.ts';
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import type { ModelDependency, ModelExternal, ModelItem } from './planning-model.ts';
import { initiative, model, item as readyItem } from './planning-model-fixtures.ts';

/** These tests read a 1-point task without a description. */
const item = (key: string, overrides: Partial<ModelItem> = {}) =>
  readyItem(key, { estimate: 1, description: '', ...overrides });

function external(id: string, itemId: string, overrides: Partial<ModelExternal> = {}): ModelExternal {
  return {
    id,
    itemId,
    title: `External ${id}`,
    owner: 'Legal',
    expectedDate: null,
    met: false,
    ...overrides,
  };
}

/** Edges written as 'a-1>a-2 a-2>a-3' (a-1 blocks a-2, ...). */
function blocks(spec: string): ModelDependency[] {
  return spec
    .split(' ')
    .filter(Boolean)
    .map((pair) => {
      const [from, to] = pair.split('>');
      return { from: from!, to: to!, kind: 'technical' as const };
    });
}

const TODAY = '2024-05-10';
type ItemNode = Extract<GraphNode, { kind: 'item' }>;
const itemNodes = (map: DependencyMap) => map.nodes.filter((n): n is ItemNode => n.kind === 'item');
const node = (map: DependencyMap, id: string) => map.nodes.find((n) => n.id === id);
const ids = (map: DependencyMap, kind: GraphNode['kind']) =>
  map.nodes.filter((n) => n.kind === kind).map((n) => n.id);

describe('dependencyMap', () => {
  it('shows open items with a dependency and marks those an open blocker holds back', () => {
    const m = model({
      items: [
        item('A-1'),
        item('A-2'),
        item('A-3', { status: 'done' }),
        item('A-4'),
        item('A-5'),
        item('A-6'),
        item('A-7'),
        item('A-8'),
        item('A-9'),
      ],
      dependencies: blocks('a-1>a-2 a-3>a-4'),
      foreignBlockers: [
        { itemId: 'a-5', blocker: null, status: 'in_progress', deleted: false },
        { itemId: 'a-6', blocker: null, status: 'done', deleted: false },
        { itemId: 'a-6', blocker: null, status: 'ready', deleted: true },
      ],
      externals: [external('e1', 'a-7'), external('e2', 'a-8', { met: true })],
    });
    const map = dependencyMap(m, TODAY);
    assert.deepEqual(
      itemNodes(map)
        .filter((n) => !n.foreign && n.id !== 'a-6')
        .map((n) => [n.id, n.blocked]),
      [
        ['a-1', false],
        ['a-2', true],
        ['a-5', true],
        ['a-7', true],
        ['a-8', false],
      ],
    );
    // Whether an item whose only blockers are closed foreign ones is drawn at all is left open here.
    assert.notEqual((node(map, 'a-6') as ItemNode | undefined)?.blocked, true, 'closed foreign blockers');
    assert.equal(node(map, 'a-4'), undefined, 'a done blocker draws no line');
    assert.equal(node(map, 'a-9'), undefined, 'no dependency, not in view');
    assert.deepEqual(
      map.edges.filter((e) => e.kind === 'blocks' && e.from === 'a-1'),
      [{ from: 'a-1', to: 'a-2', kind: 'blocks' }],
    );
    assert.equal(map.truncated, false);
    assert.equal(map.totalNodes, map.nodes.length);
  });

  it('links each item in view to its initiative and to what it waits on', () => {
    const m = model({
      initiatives: [initiative('ini', { title: 'Billing', horizon: 'next', status: 'proposed' })],
      items: [item('A-1', { initiativeId: 'ini' }), item('A-2', { initiativeId: 'ini' })],
      dependencies: blocks('a-1>a-2'),
      externals: [external('e1', 'a-2', { expectedDate: '2024-06-01', owner: 'Bank' })],
    });
    const map = dependencyMap(m, TODAY);
    assert.deepEqual(node(map, 'ini'), {
      kind: 'initiative',
      id: 'ini',
      title: 'Billing',
      horizon: 'next',
      status: 'proposed',
      waitingOnOverdue: false,
    });
    assert.deepEqual(node(map, 'e1'), {
      kind: 'external',
      id: 'e1',
      title: 'External e1',
      owner: 'Bank',
      expectedDate: '2024-06-01',
      met: false,
      overdue: false,
    });
    assert.deepEqual(
      map.edges.map((e) => `${e.from}>${e.to} ${e.kind}`).sort(),
      ['a-1>a-2 blocks', 'a-1>ini serves', 'a-2>ini serves', 'e1>a-2 waits'],
      'edges in no particular order',
    );
    assert.equal(map.nodes.length, 4, 'the initiative once, however many items serve it');
  });

  it('marks the critical path of the whole product, even in an initiative view', () => {
    const m = model({
      initiatives: [initiative('big'), initiative('small')],
      items: [
        item('S-1', { initiativeId: 'small', estimate: 1 }),
        item('S-2', { initiativeId: 'small', estimate: 2 }),
        item('B-1', { initiativeId: 'big', estimate: 8 }),
        item('B-2', { initiativeId: 'big', estimate: 5 }),
      ],
      dependencies: blocks('s-1>s-2 b-1>b-2'),
    });
    const whole = dependencyMap(m, TODAY);
    assert.deepEqual(whole.criticalPath, ['b-1', 'b-2']);
    assert.equal(whole.criticalPoints, 13);
    assert.deepEqual(
      itemNodes(whole).map((n) => [n.id, n.onCriticalPath]),
      [
        ['b-1', true],
        ['b-2', true],
        ['s-1', false],
        ['s-2', false],
      ],
      'critical path first, then rank order',
    );

    const scoped = dependencyMap(m, TODAY, { initiativeId: 'small' });
    assert.deepEqual(scoped.criticalPath, ['b-1', 'b-2']);
    assert.equal(scoped.criticalPoints, 13);
    assert.deepEqual(ids(scoped, 'item'), ['s-1', 's-2']);
    assert.ok(itemNodes(scoped).every((n) => !n.onCriticalPath));
  });

  it('leaves done work out of the critical path', () => {
    const m = model({
      items: [
        item('A-1', { estimate: 20, status: 'done' }),
        item('A-2', { estimate: 3 }),
        item('A-3', { estimate: 2 }),
      ],
      dependencies: blocks('a-1>a-2 a-2>a-3'),
    });
    const map = dependencyMap(m, TODAY);
    assert.deepEqual(map.criticalPath, ['a-2', 'a-3']);
    assert.equal(map.criticalPoints, 5);
  });

  it("scopes an initiative view to the initiative's items and their direct neighbours", () => {
    const m = model({
      initiatives: [initiative('mine'), initiative('theirs')],
      items: [
        item('P-1', { initiativeId: 'theirs' }),
        item('Q-1', { initiativeId: 'mine' }),
        item('R-1'),
        item('S-1', { initiativeId: 'theirs' }),
        item('T-1', { initiativeId: 'mine' }),
        item('U-1', { initiativeId: 'theirs' }),
        item('V-1', { initiativeId: 'mine', status: 'done' }),
        item('W-1'),
      ],
      dependencies: blocks('p-1>q-1 q-1>r-1 r-1>s-1 v-1>w-1'),
      foreignBlockers: [
        { itemId: 't-1', blocker: null, status: 'backlog', deleted: false },
        { itemId: 'u-1', blocker: null, status: 'backlog', deleted: false },
      ],
      externals: [external('e-mine', 't-1'), external('e-theirs', 'u-1')],
    });
    const map = dependencyMap(m, TODAY, { initiativeId: 'mine' });
    assert.deepEqual(ids(map, 'item'), ['p-1', 'q-1', 'r-1', 't-1', 'hidden-1']);
    assert.deepEqual(ids(map, 'initiative'), ['theirs', 'mine']);
    assert.deepEqual(ids(map, 'external'), ['e-mine']);
    assert.deepEqual(
      map.edges
        .filter((e) => e.kind === 'blocks')
        .map((e) => `${e.from}>${e.to}`)
        .sort(),
      ['hidden-1>t-1', 'p-1>q-1', 'q-1>r-1'],
    );
    assert.deepEqual(ids(dependencyMap(m, TODAY, { initiativeId: 'nobody' }), 'item'), []);
  });

  it('shows an open blocker of another product, hiding what the reader may not see', () => {
    const m = model({
      items: [item('A-1'), item('A-2'), item('A-3')],
      foreignBlockers: [
        { itemId: 'a-1', blocker: null, status: 'in_review', deleted: false },
        {
          itemId: 'a-1',
          blocker: { id: 'x-7', key: 'OPS-7', title: 'Firewall' },
          status: 'ready',
          deleted: false,
        },
        { itemId: 'a-2', blocker: null, status: 'backlog', deleted: false },
        { itemId: 'a-3', blocker: null, status: 'done', deleted: false },
        {
          itemId: 'a-3',
          blocker: { id: 'x-8', key: 'OPS-8', title: 'Gone' },
          status: 'ready',
          deleted: true,
        },
      ],
    });
    const map = dependencyMap(m, TODAY);
    const foreign = itemNodes(map).filter((n) => n.foreign);
    const hiddenNode = {
      kind: 'item',
      key: null,
      title: HIDDEN_ITEM_LABEL,
      status: null,
      estimate: null,
      initiativeId: null,
      blocked: false,
      onCriticalPath: false,
      waitingOnOverdue: false,
      foreign: true,
    };
    assert.deepEqual(foreign, [
      { ...hiddenNode, id: 'hidden-1' },
      { ...hiddenNode, id: 'x-7', key: 'OPS-7', title: 'Firewall', status: 'ready' },
      { ...hiddenNode, id: 'hidden-2' },
    ]);
    assert.deepEqual(
      map.edges.map((e) => `${e.from}>${e.to}`),
      ['hidden-1>a-1', 'x-7>a-1', 'hidden-2>a-2'],
    );
    assert.ok(!JSON.stringify(map).includes('in_review'), 'not even the status of a hidden item');
  });

  it('flags an item and its initiative when it waits on an external past its expected date', () => {
    const m = model({
      initiatives: [initiative('late'), initiative('fine')],
      items: [
        item('A-1', { initiativeId: 'late' }),
        item('A-2', { initiativeId: 'fine' }),
        item('A-3', { initiativeId: 'fine' }),
        item('A-4', { initiativeId: 'fine' }),
      ],
      externals: [
        external('overdue', 'a-1', { expectedDate: '2024-05-09' }),
        external('due-today', 'a-2', { expectedDate: TODAY }),
        external('met-late', 'a-3', { expectedDate: '2024-01-01', met: true }),
        external('undated', 'a-4'),
      ],
    });
    const map = dependencyMap(m, TODAY);
    assert.deepEqual(
      itemNodes(map).map((n) => [n.id, n.waitingOnOverdue]),
      [
        ['a-1', true],
        ['a-2', false],
        ['a-3', false],
        ['a-4', false],
      ],
    );
    assert.deepEqual(
      map.nodes.flatMap((n) => (n.kind === 'initiative' ? [[n.id, n.waitingOnOverdue]] : [])),
      [
        ['late', true],
        ['fine', false],
      ],
    );
    assert.deepEqual(
      map.nodes.flatMap((n) => (n.kind === 'external' ? [[n.id, n.overdue]] : [])),
      [
        ['overdue', true],
        ['due-today', false],
        ['met-late', false],
        ['undated', false],
      ],
    );
  });

  it(`holds at most ${MAX_GRAPH_NODES} nodes, critical path first, and says how many it cut`, () => {
    // 1,200 pairs of 1-point items, then a 100-item chain of 5-point items ranked last: the critical path.
    const pairs = Array.from({ length: 2_400 }, (_, i) => item(`P-${String(i).padStart(4, '0')}`));
    const chain = Array.from({ length: 100 }, (_, i) =>
      item(`Z-${String(i).padStart(3, '0')}`, { estimate: 5 }),
    );
    const dependencies: ModelDependency[] = [];
    for (let i = 0; i < pairs.length; i += 2)
      dependencies.push({ from: pairs[i]!.id, to: pairs[i + 1]!.id, kind: 'technical' });
    for (let i = 1; i < chain.length; i++)
      dependencies.push({ from: chain[i - 1]!.id, to: chain[i]!.id, kind: 'business' });
    const m = model({ items: [...pairs, ...chain], dependencies });

    const started = performance.now();
    const map = dependencyMap(m, TODAY);
    assert.ok(performance.now() - started < 1_000, 'fast enough for a request');
    assert.equal(map.nodes.length, MAX_GRAPH_NODES);
    assert.equal(map.truncated, true);
    assert.equal(map.totalNodes, 2_500);
    assert.deepEqual(
      map.criticalPath,
      chain.map((c) => c.id),
    );
    assert.equal(map.criticalPoints, 500);
    const shown = map.nodes.map((n) => n.id);
    assert.deepEqual(shown.slice(0, 100), map.criticalPath, 'the critical path comes first');
    assert.deepEqual(
      shown.slice(100),
      pairs.slice(0, MAX_GRAPH_NODES - 100).map((p) => p.id),
      'then rank order',
    );
    const placed = new Set(shown);
    assert.ok(
      map.edges.every((e) => placed.has(e.from) && placed.has(e.to)),
      'no edge to a node cut away',
    );
    assert.equal(map.edges.length, 99 + (MAX_GRAPH_NODES - 100) / 2);
  });

  // totalNodes counts an initiative once per item serving it once the view is full, and never counts
  // the initiatives, foreign blockers or externals of items that were cut. Uncut, this map holds 2,200
  // items + 2 initiatives + 1 external = 2,203 nodes; today totalNodes is 4,200.
  it('counts every node of the uncut map exactly once in totalNodes', () => {
    const items = Array.from({ length: 2_200 }, (_, i) =>
      item(`N-${String(i).padStart(4, '0')}`, { initiativeId: i < 1_000 ? 'first' : 'second' }),
    );
    const dependencies: ModelDependency[] = [];
    for (let i = 0; i < items.length; i += 2)
      dependencies.push({ from: items[i]!.id, to: items[i + 1]!.id, kind: 'technical' });
    const m = model({
      items,
      dependencies,
      initiatives: [initiative('first'), initiative('second')],
      externals: [external('e1', items[2_100]!.id)],
    });
    const map = dependencyMap(m, TODAY);
    assert.equal(map.truncated, true);
    assert.equal(map.totalNodes, 2_203);
  });
});
