import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headerState, selectedListed, toggle, toggleAll, toggleRange } from './list-selection.ts';

const listed = ['a', 'b', 'c', 'd'];

describe('list selection', () => {
  it('toggles one item on and off', () => {
    const once = toggle(new Set(), 'b');
    assert.deepEqual([...once], ['b']);
    assert.deepEqual([...toggle(once, 'b')], []);
  });

  it('acts only on the selected items still listed, in the list order', () => {
    assert.deepEqual(selectedListed(new Set(['d', 'gone', 'a']), listed), ['a', 'd']);
  });

  it('says whether all, some or none of the list is selected', () => {
    assert.equal(headerState(new Set(), listed), 'none');
    assert.equal(headerState(new Set(['gone']), listed), 'none');
    assert.equal(headerState(new Set(['a']), listed), 'some');
    assert.equal(headerState(new Set(listed), listed), 'all');
    assert.equal(headerState(new Set(), []), 'none');
  });

  it('selects every listed item from the header, or none when all were', () => {
    assert.deepEqual([...toggleAll(new Set(['b']), listed)], listed);
    assert.deepEqual([...toggleAll(new Set(listed), listed)], []);
  });

  it('sets a range to the clicked item’s new state with Shift', () => {
    assert.deepEqual([...toggleRange(new Set(['a']), listed, 'a', 'c')].sort(), ['a', 'b', 'c']);
    assert.deepEqual([...toggleRange(new Set(listed), listed, 'd', 'b')], ['a']);
  });

  it('toggles just the item when the anchor left the list', () => {
    assert.deepEqual([...toggleRange(new Set(), listed, 'gone', 'c')], ['c']);
    assert.deepEqual([...toggleRange(new Set(), listed, null, 'c')], ['c']);
  });
});
