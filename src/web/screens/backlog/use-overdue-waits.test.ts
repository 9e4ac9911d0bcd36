import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DependencyMapT, GraphNodeT } from '../../api/analysis.ts';
import { overdueWaits } from './use-overdue-waits.ts';

function item(id: string, waitingOnOverdue: boolean, foreign = false): GraphNodeT {
  return {
    kind: 'item',
    id,
    key: foreign ? null : id,
    title: id,
    status: 'backlog',
    estimate: null,
    initiativeId: null,
    blocked: waitingOnOverdue,
    onCriticalPath: false,
    waitingOnOverdue,
    foreign,
  };
}

describe('overdue waits', () => {
  it("holds the product's items that wait on an overdue external dependency, and nothing else", () => {
    const map: DependencyMapT = {
      asOf: 1,
      nodes: [
        item('late', true),
        item('fine', false),
        item('theirs', true, true),
        { kind: 'initiative', id: 'i', title: 'I', horizon: 'now', status: 'active', waitingOnOverdue: true },
      ],
      edges: [],
      criticalPath: [],
      criticalPoints: 0,
      truncated: false,
      totalNodes: 4,
    };
    assert.deepEqual([...overdueWaits(map)], ['late']);
    assert.equal(overdueWaits(undefined).size, 0);
  });
});
