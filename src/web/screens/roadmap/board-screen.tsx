/** The roadmap board (/p/:key/roadmap): Now / Next / Later by theme, filtered by status and confidence. */
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import { byTargetDate, themeLanes } from '../../../presenters/theme-lanes.ts';
import type { InitiativeT } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { AddThemeForm } from './add-theme-form.tsx';
import { BaselineTools } from './baseline-panel.tsx';
import { BoardGrid } from './board-grid.tsx';
import { matchesFilter, useRoadmapFilter } from './roadmap-filter.ts';
import { ConfidenceLegend, RoadmapFilterBar } from './roadmap-filter-bar.tsx';
import { useInitiativeFlags } from './use-initiative-flags.ts';
import './roadmap.css';

export function RoadmapBoardScreen() {
  const store = useStore();
  const [filter, setFilter] = useRoadmapFilter();
  const version = store.version;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const lanes = useMemo(() => {
    const shown = [...store.initiatives.values()].filter((i) => matchesFilter(i, filter)).sort(byTargetDate);
    return themeLanes(store.sortedThemes(), shown);
  }, [store, version, filter]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const objectiveTitles = useCallback(
    (initiative: InitiativeT) =>
      initiative.objectiveIds
        .map((id) => store.objectives.get(id)?.title)
        .filter(Boolean)
        .join(', '),
    [store, version],
  );
  const flags = useInitiativeFlags(store.product.id);

  if (!store.planningLoaded) return <main className="screen roadmap-screen" aria-busy="true" />;

  const total = store.initiatives.size;
  const shown = lanes.reduce((sum, lane) => sum + lane.initiatives.length, 0);
  return (
    <main className="screen roadmap-screen">
      <div className="roadmap-toolbar">
        <h1>Roadmap</h1>
        <RoadmapFilterBar filter={filter} onChange={setFilter} />
        {!store.readOnly && <AddThemeForm />}
        <BaselineTools />
        <Link to={paths.audiences(store.product.key)} className="roadmap-audiences-link">
          Audiences
        </Link>
      </div>
      <div className="roadmap-subbar">
        <ConfidenceLegend />
        <p className="hint" role="status">
          {total === 0 ? '' : `${shown} of ${total} initiatives shown`}
          {store.readOnly ? '' : ' · Drag a card, or focus it and press Alt+←/→ (horizon) or Alt+↑/↓ (theme)'}
        </p>
      </div>
      {total === 0 && (
        <div className="roadmap-empty">
          <h2>No initiatives yet</h2>
          <p>
            An initiative is a bet you are making for your users: “Faster checkout”, “Self-serve refunds”. Put
            it in <strong>Now</strong> if you are building it, <strong>Next</strong> if it comes after, and{' '}
            <strong>Later</strong> for ideas. Link backlog items to it and its progress shows here.
          </p>
          {!store.readOnly && <p>Use “+ Add initiative” in a column to add the first one.</p>}
        </div>
      )}
      {store.themes.size === 0 && total > 0 && (
        <p className="hint">
          Themes group initiatives into rows (“Payments”, “Growth”): add one to start grouping.
        </p>
      )}
      <BoardGrid lanes={lanes} progress={store.progress()} objectiveTitles={objectiveTitles} flags={flags} />
    </main>
  );
}
