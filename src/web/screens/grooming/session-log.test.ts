import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionCounts, emptyLog, record, withSeen } from './session-log.ts';

const a = { id: 'a', key: 'CHK-1' };
const b = { id: 'b', key: 'CHK-2' };

describe('the grooming session log', () => {
  it('counts the items each action was done to, and lists them in the order first touched', () => {
    let log = record(emptyLog(), 'estimated', a);
    log = record(log, 'criterion', b);
    assert.equal(record(log, 'criterion', b), log, 'a second criterion on the same item is the same item');
    log = record(log, 'ready', a);
    assert.deepEqual(log.touched, [
      { id: 'a', key: 'CHK-1', actions: ['estimated', 'ready'] },
      { id: 'b', key: 'CHK-2', actions: ['criterion'] },
    ]);
    assert.deepEqual(actionCounts(log), [
      { action: 'estimated', label: 'Estimated', count: 1 },
      { action: 'criterion', label: 'Criteria added', count: 1 },
      { action: 'ready', label: 'Marked ready', count: 1 },
    ]);
  });

  it('reports nothing for a session that changed nothing', () => {
    assert.deepEqual(actionCounts(emptyLog()), []);
    assert.deepEqual(emptyLog().touched, []);
  });

  it('keeps the furthest number of items seen', () => {
    const log = withSeen(withSeen(emptyLog(), 3), 2);
    assert.equal(log.seen, 3);
  });
});
