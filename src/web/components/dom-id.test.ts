import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { domId } from './dom-id.ts';

describe('domId', () => {
  it('makes one id, without spaces, of words', () => {
    assert.equal(domId('palette-group', 'Saved views'), 'palette-group-saved-views');
    assert.equal(domId('help', 'Grooming session (g)'), 'help-grooming-session-g-');
    assert.doesNotMatch(domId('sprints', 'In  progress\t now'), /\s/);
  });
});
