import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as schema from '../../../schemas/view.ts';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { BacklogItemT } from '../../api/types.ts';
import {
  BACKLOG_SORTS,
  type BacklogFilters,
  completeFilters,
  filterItems,
  hasFilters,
  labelsInUse,
  MAX_FILTER_VALUES,
  NO_FILTERS,
  newItemDefaults,
  readFilters,
  sameFilters,
  writeFilters,
} from './backlog-filters.ts';
import { sortItems } from './backlog-sort.ts';

const item = backlogItem;

const items = [
  item({ key: 'CHK-1', title: 'Pay with a saved card', labels: ['payments'], initiativeId: 'i1' }),
  item({ key: 'CHK-2', title: 'Fix rounding of tax totals', type: 'bug', status: 'ready', sprintId: 's1' }),
  item({
    key: 'CHK-12',
    title: 'Crash on an empty cart',
    type: 'bug',
    labels: ['Mobile'],
    initiativeId: 'i1',
    releaseId: 'r1',
    assigneeId: 'u1',
  }),
  item({ key: 'CHK-3', title: 'Apple Pay', status: 'done', initiativeId: 'i2', estimate: 5 }),
  item({ key: 'CHK-4', title: 'Old idea', status: 'wont_do', estimate: 1 }),
];
const keys = (list: BacklogItemT[]) => list.map((i) => i.key);
const f = (changes: Partial<BacklogFilters>): BacklogFilters => ({ ...NO_FILTERS, ...changes });

describe('backlog filters', () => {
  it('agrees with the server schema: its defaults, sorts and limits', () => {
    assert.deepEqual(schema.BacklogFilterSet.parse({}), NO_FILTERS);
    assert.deepEqual(BACKLOG_SORTS, schema.BACKLOG_SORTS);
    assert.equal(MAX_FILTER_VALUES, schema.MAX_FILTER_VALUES);
  });

  it('reads lists from repeated parameters and ignores values it does not know', () => {
    const filters = readFilters(
      new URLSearchParams('type=bug&type=nope&status=ready&status=done&initiative=none&label=x&q=a+b'),
    );
    assert.deepEqual(filters.type, ['bug']);
    assert.deepEqual(filters.status, ['ready', 'done']);
    assert.deepEqual(filters.initiative, ['none']);
    assert.deepEqual(filters.label, ['x']);
    assert.equal(filters.q, 'a b');
    assert.equal(filters.open, true);
    assert.deepEqual(readFilters(new URLSearchParams('')), NO_FILTERS);
    const off = readFilters(
      new URLSearchParams('open=0&sort=estimate&dir=desc&sort=nope&readiness=not_ready'),
    );
    assert.equal(off.open, false);
    assert.deepEqual(off.sort, { by: 'estimate', direction: 'desc' });
    assert.deepEqual(off.readiness, ['not_ready']);
  });

  it('caps a hand-edited list at the server limit', () => {
    const many = new URLSearchParams();
    for (let i = 0; i < 80; i++) many.append('label', `l${i}`);
    assert.equal(readFilters(many).label.length, MAX_FILTER_VALUES);
  });

  it('writes only the filters changed, leaving defaults out of the URL and keeping other parameters', () => {
    const next = writeFilters(new URLSearchParams('type=bug&view=x'), {
      type: [],
      q: 'cart',
      status: ['ready', 'in_progress'],
    });
    assert.equal(next.toString(), 'view=x&status=ready&status=in_progress&q=cart');
    assert.equal(writeFilters(next, { open: false }).get('open'), '0');
    assert.equal(writeFilters(new URLSearchParams('open=0'), { open: true }).toString(), '');
    assert.equal(writeFilters(new URLSearchParams(''), NO_FILTERS).toString(), '');
    const sorted = writeFilters(new URLSearchParams(''), { sort: { by: 'title', direction: 'desc' } });
    assert.equal(sorted.toString(), 'sort=title&dir=desc');
    assert.deepEqual(readFilters(sorted).sort, { by: 'title', direction: 'desc' });
  });

  it('hides done and won’t-do items unless "open only" is off or the status filter names them', () => {
    assert.deepEqual(keys(filterItems(items, NO_FILTERS)), ['CHK-1', 'CHK-2', 'CHK-12']);
    assert.equal(filterItems(items, f({ open: false })), items);
    assert.deepEqual(keys(filterItems(items, f({ status: ['done'] }))), ['CHK-3']);
  });

  it('matches any of a filter’s values, and every filter', () => {
    assert.deepEqual(keys(filterItems(items, f({ status: ['ready', 'backlog'], type: ['bug'] }))), [
      'CHK-2',
      'CHK-12',
    ]);
    assert.deepEqual(keys(filterItems(items, f({ initiative: ['none'] }))), ['CHK-2']);
    assert.deepEqual(keys(filterItems(items, f({ open: false, initiative: ['none', 'i2'] }))), [
      'CHK-2',
      'CHK-3',
      'CHK-4',
    ]);
    assert.deepEqual(keys(filterItems(items, f({ label: ['payments', 'Mobile'] }))), ['CHK-1', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ sprint: ['s1'] }))), ['CHK-2']);
    assert.deepEqual(keys(filterItems(items, f({ release: ['none'] }))), ['CHK-1', 'CHK-2']);
    assert.deepEqual(keys(filterItems(items, f({ assignee: ['u1'] }))), ['CHK-12']);
  });

  it('filters by theme, readiness and blocked through what the reports say', () => {
    const context = {
      themeOf: new Map([['i1', 't1']]),
      ready: new Map([
        ['CHK-1', true],
        ['CHK-2', false],
        ['CHK-12', false],
      ]),
      blocked: new Set(['CHK-12']),
    };
    assert.deepEqual(keys(filterItems(items, f({ theme: ['t1'] }), context)), ['CHK-1', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ theme: ['none'] }), context)), ['CHK-2']);
    assert.deepEqual(keys(filterItems(items, f({ readiness: ['not_ready'] }), context)), ['CHK-2', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ readiness: ['ready'] }), context)), ['CHK-1']);
    assert.deepEqual(keys(filterItems(items, f({ blocked: ['unblocked'] }), context)), ['CHK-1', 'CHK-2']);
    assert.deepEqual(keys(filterItems(items, f({ blocked: ['blocked', 'unblocked'] }), context)), [
      'CHK-1',
      'CHK-2',
      'CHK-12',
    ]);
  });

  it('matches every word of the text against key, title and labels, ignoring case', () => {
    assert.deepEqual(keys(filterItems(items, f({ q: 'CART crash' }))), ['CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ q: 'chk-1' }))), ['CHK-1', 'CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ q: 'mobile' }))), ['CHK-12']);
    assert.deepEqual(keys(filterItems(items, f({ q: 'card nothing' }))), []);
  });

  it('says whether anything differs from the defaults, and compares filter sets', () => {
    assert.equal(hasFilters(f({ q: '  ' })), false);
    assert.equal(hasFilters(f({ label: ['x'] })), true);
    assert.equal(hasFilters(f({ open: false })), true);
    assert.equal(hasFilters(f({ sort: { by: 'rank', direction: 'desc' } })), true);
    assert.ok(sameFilters(f({ status: ['ready', 'done'] }), f({ status: ['done', 'ready'] })));
    assert.ok(!sameFilters(f({ status: ['ready'] }), f({ status: ['ready', 'done'] })));
    assert.deepEqual(completeFilters({ open: false }), f({ open: false }));
  });

  it('sees a changed row, not a stale cached text', () => {
    const first = item({ key: 'CHK-5', title: 'Old words' });
    assert.equal(filterItems([first], f({ q: 'old' })).length, 1);
    const renamed = { ...first, title: 'New words' };
    assert.equal(filterItems([renamed], f({ q: 'old' })).length, 0);
  });

  it('gives a new item the value of each filter holding exactly one', () => {
    assert.deepEqual(
      newItemDefaults(
        f({ type: ['bug'], status: ['ready', 'backlog'], initiative: ['none'], label: ['q3'] }),
      ),
      { type: 'bug', initiativeId: null, labels: ['q3'] },
    );
    assert.deepEqual(labelsInUse(items), ['Mobile', 'payments']);
  });

  it('filters and sorts 20,000 rows quickly', () => {
    const many: BacklogItemT[] = [];
    for (let i = 0; i < 20_000; i++) {
      many.push(
        item({
          id: `id${i}`,
          key: `BIG-${i}`,
          title: `Item number ${i}`,
          status: i % 7 === 0 ? 'done' : 'ready',
          type: i % 3 === 0 ? 'bug' : 'story',
          labels: i % 5 === 0 ? ['five'] : [],
          estimate: i % 4 === 0 ? null : i % 13,
        }),
      );
    }
    const started = performance.now();
    const shown = filterItems(many, f({ type: ['bug', 'task'], label: ['five'], q: 'number' }));
    sortItems(shown, { by: 'estimate', direction: 'desc' });
    sortItems(filterItems(many, NO_FILTERS), { by: 'title', direction: 'asc' });
    assert.ok(shown.length > 0);
    assert.ok(performance.now() - started < 500, 'filtering and sorting 20,000 rows took too long');
  });
});

describe('sortItems', () => {
  const rows = [
    item({ key: 'CHK-12', title: 'b', estimate: 3, updatedAt: '2026-01-02T00:00:00.000Z', status: 'done' }),
    item({ key: 'CHK-2', title: 'a', estimate: null, updatedAt: '2026-01-03T00:00:00.000Z' }),
    item({ key: 'CHK-3', title: 'C', estimate: 1, updatedAt: '2026-01-01T00:00:00.000Z', status: 'ready' }),
  ];
  it('keeps rank order by default and reverses it descending', () => {
    assert.equal(sortItems(rows, { by: 'rank', direction: 'asc' }), rows);
    assert.deepEqual(keys(sortItems(rows, { by: 'rank', direction: 'desc' })), ['CHK-3', 'CHK-2', 'CHK-12']);
  });
  it('sorts keys by number, titles ignoring case, statuses in flow order', () => {
    assert.deepEqual(keys(sortItems(rows, { by: 'key', direction: 'asc' })), ['CHK-2', 'CHK-3', 'CHK-12']);
    assert.deepEqual(keys(sortItems(rows, { by: 'title', direction: 'asc' })), ['CHK-2', 'CHK-12', 'CHK-3']);
    assert.deepEqual(keys(sortItems(rows, { by: 'status', direction: 'asc' })), ['CHK-2', 'CHK-3', 'CHK-12']);
    assert.deepEqual(keys(sortItems(rows, { by: 'updated', direction: 'desc' })), [
      'CHK-2',
      'CHK-12',
      'CHK-3',
    ]);
  });
  it('keeps unestimated items last either way', () => {
    assert.deepEqual(keys(sortItems(rows, { by: 'estimate', direction: 'asc' })), [
      'CHK-3',
      'CHK-12',
      'CHK-2',
    ]);
    assert.deepEqual(keys(sortItems(rows, { by: 'estimate', direction: 'desc' })), [
      'CHK-12',
      'CHK-3',
      'CHK-2',
    ]);
  });
});
