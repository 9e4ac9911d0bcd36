/**
 * Beside the map: the critical path in order (the longest chain of remaining estimated work, blocker
 * first) with its points, and the blocked items the map shows. Each item opens in the side panel.
 */
import { useId } from 'react';
import { Link, type Location } from 'react-router';
import type { DependencyMapT, GraphNodeT } from '../../api/analysis.ts';
import { paths } from '../../routes.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { plural } from './map-text.ts';

/** More blocked items than this are counted, not listed. */
const BLOCKED_LISTED = 50;

interface Step {
  id: string;
  key: string | null;
  title: string;
  estimate: number | null;
}

/** A critical-path step named from the map, or from the backlog when the map (filtered, cut) lacks it. */
function stepOf(id: string, nodes: Map<string, GraphNodeT>, store: ProductStore): Step {
  const node = nodes.get(id);
  if (node?.kind === 'item') return { id, key: node.key, title: node.title, estimate: node.estimate };
  const item = store.items.get(id);
  return item
    ? { id, key: item.key, title: item.title, estimate: item.estimate }
    : { id, key: null, title: 'an item no longer in the backlog', estimate: null };
}

function ItemLink({ step, background }: { step: Step; background: Location }) {
  const text = (
    <>
      <span className="key">{step.key}</span> <span className="dep-list-title">{step.title}</span>
    </>
  );
  return step.key ? (
    <Link to={paths.item(step.key)} state={{ background }}>
      {text}
    </Link>
  ) : (
    <span>{text}</span>
  );
}

export function PathSummary(props: { map: DependencyMapT; store: ProductStore; background: Location }) {
  const { map, store, background } = props;
  const pathId = useId();
  const blockedId = useId();
  const nodes = new Map(map.nodes.map((node) => [node.id, node]));
  const steps = map.criticalPath.map((id) => stepOf(id, nodes, store));
  const blocked = map.nodes.filter(
    (node): node is Extract<GraphNodeT, { kind: 'item' }> =>
      node.kind === 'item' && node.blocked && !node.foreign,
  );

  return (
    <>
      <section className="dep-panel" aria-labelledby={pathId}>
        <h2 id={pathId}>Critical path</h2>
        {steps.length === 0 ? (
          <p className="hint">No chain of estimated work waits on another.</p>
        ) : (
          <>
            <p className="dep-panel-figure">
              {plural(steps.length, 'item')}, {plural(map.criticalPoints, 'point')}
            </p>
            <ol className="dep-list dep-critical-list">
              {steps.map((step) => (
                <li key={step.id}>
                  <ItemLink step={step} background={background} />
                  <span className="dep-points">
                    {step.estimate === null ? '–' : plural(step.estimate, 'pt')}
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </section>
      <section className="dep-panel" aria-labelledby={blockedId}>
        <h2 id={blockedId}>
          Blocked items{' '}
          <span className={`dep-count${blocked.length === 0 ? ' is-zero' : ''}`}>
            {blocked.length.toLocaleString('en')}
          </span>
        </h2>
        {blocked.length === 0 ? (
          <p className="hint">Nothing on this map is blocked.</p>
        ) : (
          <ul className="dep-list">
            {blocked.slice(0, BLOCKED_LISTED).map((node) => (
              <li key={node.id}>
                <ItemLink step={node} background={background} />
              </li>
            ))}
            {blocked.length > BLOCKED_LISTED && (
              <li className="hint">and {plural(blocked.length - BLOCKED_LISTED, 'more item')}</li>
            )}
          </ul>
        )}
      </section>
    </>
  );
}
