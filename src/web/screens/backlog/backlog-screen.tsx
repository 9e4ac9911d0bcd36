/**
 * The Backlog: every item of the product in rank order, filtered by what the URL says, reordered by drag or
 * keyboard, edited in place, added to from the top or the bottom, changed many at a time.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { ItemT } from '../../api/types.ts';
import { itemKeyInPath, usePageLocation } from '../../routes.ts';
import { toBacklogItem } from '../../state/backlog-item.ts';
import { notify } from '../../state/notices.ts';
import { openReleases, plannableSprints, useReleases, useSprints } from '../../state/use-plan-lists.ts';
import { useStore } from '../../state/use-store.ts';
import { usePendingRows } from './add-item.ts';
import { filterItems, newItemDefaults } from './backlog-filters.ts';
import { BacklogList } from './backlog-list.tsx';
import { BulkBar } from './bulk-bar.tsx';
import { countText, FilterBar } from './filter-bar.tsx';
import { QuickAdd } from './quick-add.tsx';
import { useBacklogFilters } from './use-backlog-filters.ts';
import { useScreenKeys } from './use-backlog-keys.ts';
import { useListAfterPanel } from './use-list-after-panel.ts';
import { useSelection } from './use-selection.ts';
import { useShownItems } from './use-shown-items.ts';
import { ViewsMenu } from './views-menu.tsx';
import './backlog.css';

export function BacklogScreen() {
  const store = useStore();
  const controls = useBacklogFilters();
  const { filters } = controls;
  const { shown, total, points, unestimated, labels } = useShownItems(store, filters);
  const pending = usePendingRows(store);
  const rows = useMemo(
    () =>
      pending.top.length + pending.bottom.length === 0
        ? shown
        : [...pending.top, ...shown, ...pending.bottom],
    [pending, shown],
  );
  const exists = useCallback((id: string) => store.items.has(id), [store]);
  const selection = useSelection(exists, store.version);
  // The page's own address: under an open item's panel the routes see the backlog's (see app.tsx).
  const openKey = itemKeyInPath(usePageLocation().pathname);
  const listShown = useListAfterPanel(store, openKey);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const queryRef = useRef<HTMLInputElement>(null);
  const filtersNow = useRef(filters);
  filtersNow.current = filters;
  const initiatives = store.sortedInitiatives();
  const sprints = useSprints(store.product.id);
  const releases = useReleases(store.product.id);
  const planChoices = useMemo(
    () => ({ sprints: plannableSprints(sprints), releases: openReleases(releases) }),
    [sprints, releases],
  );

  const defaults = useCallback(() => newItemDefaults(filtersNow.current), []);
  const onAdded = useCallback(
    (item: ItemT) => {
      // A new item takes a filter's value when the filter holds one; other filters may hide it.
      if (filterItems([toBacklogItem(item)], filtersNow.current).length > 0) return;
      notify({
        kind: 'info',
        message: `${item.key} was added, but the filters hide it.`,
        action: { label: 'Clear filters', run: controls.clear },
      });
    },
    [controls.clear],
  );
  const focusQuickAdd = useCallback(() => quickAddRef.current?.focus(), []);
  const focusFilter = useCallback(() => {
    queryRef.current?.focus();
    queryRef.current?.select();
  }, []);
  useScreenKeys({ focusQuickAdd, focusFilter });
  const focusList = useCallback(() => {
    const row = document.querySelector<HTMLElement>('.backlog-body tr[tabindex="0"]');
    row?.focus();
  }, []);

  if (store.state === 'loading') {
    return (
      <main className="backlog-screen" aria-busy="true">
        <h1 className="backlog-title">Backlog</h1>
        <p className="backlog-loading">Loading the backlog…</p>
      </main>
    );
  }

  return (
    <main className="backlog-screen">
      <div className="backlog-top">
        <h1 className="backlog-title">Backlog</h1>
        <FilterBar
          controls={controls}
          store={store}
          labels={labels}
          sprints={sprints}
          releases={releases}
          views={<ViewsMenu store={store} controls={controls} />}
          count={countText({ shown: shown.length, total, points, unestimated })}
          queryRef={queryRef}
          onToList={focusList}
        />
      </div>
      {/* A viewer is offered no way to add or change items: the server would refuse them. */}
      {!store.readOnly && (
        <QuickAdd store={store} place="top" inputRef={quickAddRef} defaults={defaults} onAdded={onAdded} />
      )}
      {selection.ids.size > 0 && !store.readOnly && (
        <BulkBar
          store={store}
          ids={selection.ids}
          initiatives={initiatives}
          sprints={planChoices.sprints}
          releases={planChoices.releases}
          onClear={selection.clear}
        />
      )}
      {!listShown ? (
        // The opened item's panel comes first (see useListAfterPanel); the list's box keeps its place.
        <div className="backlog-scroll" aria-busy="true" />
      ) : rows.length > 0 ? (
        <BacklogList
          key={store.product.id}
          store={store}
          rows={rows}
          pendingCount={pending.top.length + pending.bottom.length}
          selection={selection}
          openKey={openKey}
          reorderable={filters.sort.by === 'rank' && filters.sort.direction === 'asc'}
        />
      ) : total === 0 ? (
        <div className="backlog-empty">
          <h2>No items yet</h2>
          {!store.readOnly && (
            <p>
              Type a title in the field above and press Enter to add the first item; keep typing to add more.
              Press <kbd>c</kbd> anywhere on this screen to get back to that field.
            </p>
          )}
        </div>
      ) : (
        <div className="backlog-empty">
          <h2>No items match these filters</h2>
          <p>
            None of the {total.toLocaleString('en')} items pass the filters.{' '}
            <button type="button" onClick={controls.clear}>
              Clear filters
            </button>
          </p>
        </div>
      )}
      {total > 0 && !store.readOnly && (
        <QuickAdd store={store} place="bottom" defaults={defaults} onAdded={onAdded} />
      )}
    </main>
  );
}
