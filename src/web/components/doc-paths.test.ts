import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDocPath } from './doc-paths.ts';

describe('the Docs entry of the header', () => {
  it('stands for the vision, the PRDs and the story maps, lists and single ones', () => {
    for (const path of [
      '/p/CAI/vision',
      '/p/CAI/prds',
      '/p/CAI/prds/abc',
      '/p/CAI/story-maps/',
      '/p/CAI/story-maps/x',
    ])
      assert.equal(isDocPath(path), true, path);
    for (const path of ['/p/CAI', '/p/CAI/backlog', '/p/CAI/roadmap', '/p/CAI/prds/a/b', '/CAI-12'])
      assert.equal(isDocPath(path), false, path);
  });
});
