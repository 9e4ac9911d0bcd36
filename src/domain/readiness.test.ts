import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Blocker, notReadyReasons } from './readiness.ts';

const ready = { estimate: 3, criteriaTotal: 2 };

describe('notReadyReasons', () => {
  it('finds nothing wrong with an estimated item that has criteria and no open blockers', () => {
    assert.deepEqual(notReadyReasons(ready, []), []);
  });

  it('names a missing estimate and missing acceptance criteria', () => {
    assert.deepEqual(
      notReadyReasons({ estimate: null, criteriaTotal: 0 }, []).map((r) => [r.code, r.message]),
      [
        ['no_estimate', 'no estimate'],
        ['no_acceptance_criteria', 'no acceptance criteria'],
      ],
    );
    assert.deepEqual(notReadyReasons({ estimate: 0, criteriaTotal: 1 }, []), [], 'zero is an estimate');
  });

  it('is blocked by an open item, naming its key, title and status', () => {
    const [reason] = notReadyReasons(ready, [
      { external: false, key: 'CHK-12', title: 'Export CSV', status: 'in_progress', deleted: false },
    ]);
    assert.equal(reason?.code, 'blocked');
    assert.equal(reason?.message, 'blocked by CHK-12 "Export CSV" (in progress)');
    assert.deepEqual(reason?.blockers, [{ key: 'CHK-12', title: 'Export CSV', external: false }]);
  });

  it('names a blocker the reader may not see only as an item in another product, without its status', () => {
    const [reason] = notReadyReasons(ready, [
      { external: false, key: null, title: null, status: 'in_progress', deleted: false },
    ]);
    assert.equal(reason?.message, 'blocked by an item in another product');
    assert.deepEqual(reason?.blockers, [{ key: null, title: null, external: false }]);
  });

  it('is not blocked by items that are done, dropped or trashed, nor by met external dependencies', () => {
    const settled: Blocker[] = [
      { external: false, key: 'CHK-1', title: 'Done', status: 'done', deleted: false },
      { external: false, key: 'CHK-2', title: 'Dropped', status: 'wont_do', deleted: false },
      { external: false, key: 'CHK-3', title: 'Trashed', status: 'ready', deleted: true },
      { external: true, title: 'Signed', met: true },
    ];
    assert.deepEqual(notReadyReasons(ready, settled), []);
  });

  it('waits on an unmet external dependency and lists every open blocker, items first', () => {
    const reasons = notReadyReasons({ estimate: null, criteriaTotal: 1 }, [
      { external: true, title: 'Legal approval', met: false },
      { external: false, key: 'CHK-7', title: 'Schema', status: 'backlog', deleted: false },
    ]);
    assert.deepEqual(
      reasons.map((r) => r.code),
      ['no_estimate', 'blocked'],
    );
    assert.equal(
      reasons[1]?.message,
      'blocked by CHK-7 "Schema" (in the backlog); waiting on "Legal approval" (external)',
    );
    assert.deepEqual(reasons[1]?.blockers, [
      { key: 'CHK-7', title: 'Schema', external: false },
      { key: null, title: 'Legal approval', external: true },
    ]);
  });
});
