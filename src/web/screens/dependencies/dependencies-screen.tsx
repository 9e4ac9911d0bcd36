/**
 * /p/:key/dependencies — what blocks what: the dependency map (items, the initiatives they serve and the
 * external dependencies they wait on, laid out left to right with the critical path and blocked work
 * marked), filtered by initiative through the URL; beside it the critical path, the blocked items and the
 * backlog order that would respect every dependency, which an editor can apply.
 */
import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { useDependencyGraph } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { MapArea } from './map-area.tsx';
import { PathSummary } from './path-summary.tsx';
import { SequencePanel } from './sequence-panel.tsx';
import './dependencies.css';
import { InsightTabs } from '../../components/insight-tabs.tsx';

export function DependenciesScreen() {
  const store = useStore();
  const product = store.product;
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const initiativeId = params.get('initiative') || undefined;
  const read = useDependencyGraph(product.id, initiativeId);
  const initiatives = store.sortedInitiatives();
  const chosen = initiativeId ? store.initiatives.get(initiativeId) : undefined;
  const version = store.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const keyOf = useCallback((id: string) => store.items.get(id)?.key ?? null, [store, version]);

  const choose = (id: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('initiative', id);
        else next.delete('initiative');
        return next;
      },
      { replace: true },
    );

  return (
    <main className="screen dependencies-screen">
      <InsightTabs productKey={store.product.key} />
      <header className="dep-header">
        <div>
          <h1>Dependencies</h1>
          <p className="hint">
            Blockers and the external dependencies work waits on sit left of what they hold up; the critical
            path is the longest chain of remaining estimated work.
          </p>
        </div>
        <label className="dep-filter">
          Initiative
          <select value={initiativeId ?? ''} onChange={(event) => choose(event.target.value)}>
            <option value="">All initiatives</option>
            {initiativeId && !chosen && <option value={initiativeId}>An initiative not found here</option>}
            {initiatives.map((initiative) => (
              <option key={initiative.id} value={initiative.id}>
                {initiative.title}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="dep-layout">
        <div className="dep-map" aria-busy={read.isPlaceholderData}>
          <MapArea
            read={read}
            initiativeTitle={initiativeId ? (chosen?.title ?? 'this initiative') : null}
            background={location}
          />
        </div>
        <div className="dep-side">
          {read.data && <PathSummary map={read.data} store={store} background={location} />}
          <SequencePanel productId={product.id} readOnly={store.readOnly} keyOf={keyOf} />
        </div>
      </div>
    </main>
  );
}
