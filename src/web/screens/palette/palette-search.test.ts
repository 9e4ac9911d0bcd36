import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SprintT } from '../../api/execution.ts';
import { productFixture } from '../../api/planning-fixtures.ts';
import type { ReleaseT } from '../../api/releases.ts';
import type { SavedViewT } from '../../api/views.ts';
import { ProductStore } from '../../state/product-store.ts';
import { type PaletteLists, searchPalette } from './palette-search.ts';

const store = new ProductStore(productFixture());
const lists: PaletteLists = {
  sprints: [{ id: 's1', name: 'Sprint Falcon', state: 'active' } as SprintT],
  releases: [{ id: 'r1', name: 'Falcon 2.4', state: 'planned' } as ReleaseT],
  savedViews: [{ id: 'v1', name: 'Open bugs', filters: { type: ['bug'] } } as SavedViewT],
};
const titles = (query: string) => searchPalette(store, query, lists).map((group) => group.title);

describe('searchPalette', () => {
  it('finds sprints, releases and saved views by the words of their names', () => {
    assert.deepEqual(titles('falcon'), ['Sprints', 'Releases', 'Actions']);
    const [views] = searchPalette(store, 'open bugs', lists);
    assert.equal(views?.title, 'Saved views');
    assert.deepEqual(views?.entries, [{ kind: 'saved-view', savedView: lists.savedViews[0] }]);
  });

  it('offers none of them before anything is typed', () => {
    assert.ok(!titles('').some((title) => ['Sprints', 'Releases', 'Saved views'].includes(title)));
  });
});
