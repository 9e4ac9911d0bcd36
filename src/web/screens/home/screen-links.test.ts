import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isHomePath } from './screen-links.ts';

describe("the header's Home entry", () => {
  it('stands for the product home, not the other screens (the vision is under Docs)', () => {
    for (const path of ['/p/CHK', '/p/CHK/', '/p/chk/']) assert.equal(isHomePath(path), true);
    for (const path of ['/p/CHK/backlog', '/p/CHK/vision', '/p/CHK/visions', '/CHK-1', '/products']) {
      assert.equal(isHomePath(path), false, path);
    }
  });
});
