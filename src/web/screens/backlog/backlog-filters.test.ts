import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { BacklogItemT } from '../../api/types.ts';
import {
  filterItems,
  hasFilters,
  labelsInUse,
  NO_FILTERS,
  newItemDefaults,
  readFilters,
  writeFilters,
} from './backlog-filters.ts';

const item = backlogItem;

const items = [
  item({ key: 'CHK-1', title: 'Pay with a saved card', labels: ['payments'], initiativeId: 'i1' }),
  item({ key: 'CHK-2', title: 'Fix rounding of tax totals', type: 'bug', status: 'ready' }),
  item({
    key: 'CHK-12',
    title: 'Crash on an empty cart',
    type: 'bug',
    labels: ['Mobile'],
    initiativeId: 'i1',
  }),
];
const keys = (list: BacklogItemT[]) => list.map((i) => i.key);

describe('backlog filters', () => {
  it('reads what the URL says and ignores values it does not know', () => {
    const filters = readFilters(new URLSearchParams('type=bug&status=nope&initiative=none&label=x&q=a+b'));
    assert.deepEqual(filters, { type: 'bug', status: null, initiative: 'none', label: 'x', q: 'a b' });
    assert.deepEqual(readFilters(new URLSearchParams('')), NO_FILTERS);
  });

  it('writes only the filters changed, dropping empty ones and keeping other parameters', () => {
    const next = writeFilters(new URLSearchParams('type=bug&view=x'), {
      type: null,
      q: 'cart',
      status: 'ready',
    });
    assert.equal(next.toString(), 'view=x&status=ready&q=cart');
  });

  it('matches every word of the text against key, title and labels, ignoring case', () => {
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, q: 'CART crash' })), ['CHK-12']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, q: 'chk-1' })), ['CHK-1', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, q: 'mobile' })), ['CHK-12']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, q: 'card nothing' })), []);
  });

  it('combines type, status, initiative (or none) and label', () => {
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, type: 'bug' })), ['CHK-2', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, type: 'bug', status: 'ready' })), ['CHK-2']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, initiative: 'none' })), ['CHK-2']);
    assert.deepEqual(keys(filterItems(items, { ...NO_FILTERS, initiative: 'i1', label: 'payments' })), [
      'CHK-1',
    ]);
  });

  it('returns the same list when nothing filters, and says whether anything does', () => {
    assert.equal(filterItems(items, { ...NO_FILTERS, q: '   ' }), items);
    assert.equal(hasFilters({ ...NO_FILTERS, q: '  ' }), false);
    assert.equal(hasFilters({ ...NO_FILTERS, label: 'x' }), true);
  });

  it('sees a changed row, not a stale cached text', () => {
    const first = item({ key: 'CHK-5', title: 'Old words' });
    assert.equal(filterItems([first], { ...NO_FILTERS, q: 'old' }).length, 1);
    const renamed = { ...first, title: 'New words' };
    assert.equal(filterItems([renamed], { ...NO_FILTERS, q: 'old' }).length, 0);
  });

  it('gives a new item the filtered fields, so it shows where it was added', () => {
    assert.deepEqual(
      newItemDefaults({ ...NO_FILTERS, type: 'bug', initiative: 'none', label: 'q3', q: 'x' }),
      {
        type: 'bug',
        initiativeId: null,
        labels: ['q3'],
      },
    );
    assert.deepEqual(labelsInUse(items), ['Mobile', 'payments']);
  });
});
