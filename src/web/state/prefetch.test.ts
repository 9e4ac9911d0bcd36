import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { productKeyInPath, showsBacklogRows } from '../addresses.ts';

describe('what an address loads first', () => {
  it('asks for the backlog of the product in a product or item address', () => {
    assert.equal(productKeyInPath('/p/chk/roadmap'), 'CHK');
    assert.equal(productKeyInPath('/CHK-42'), 'CHK');
    assert.equal(productKeyInPath('/products'), null);
  });

  it("asks for the backlog's first page only where backlog rows show first", () => {
    for (const path of ['/p/CHK/backlog', '/p/CHK/backlog/', '/CHK-42']) {
      assert.equal(showsBacklogRows(path), true, path);
    }
    // `/p/CHK` is the product home: what is overdue, not backlog rows.
    for (const path of [
      '/p/CHK',
      '/p/CHK/',
      '/p/CHK/roadmap',
      '/p/CHK/timeline',
      '/p/CHK/sprints',
      '/products',
    ]) {
      assert.equal(showsBacklogRows(path), false, path);
    }
  });
});
