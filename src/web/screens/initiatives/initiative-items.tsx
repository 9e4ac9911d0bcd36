/**
 * The backlog work serving an initiative, in rank order, with its progress. Each item opens in the side
 * panel over this screen; new items can be added straight into the initiative.
 */
import { useMemo } from 'react';
import { Link, useLocation } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import type { InitiativeT } from '../../api/types.ts';
import { ProgressBar, StatusChip, TypeBadge } from '../../components/chips.tsx';
import { InlineAdd } from '../../components/inline-add.tsx';
import { paths } from '../../routes.ts';
import { createItem } from '../../state/mutations/backlog.ts';
import { useStore } from '../../state/use-store.ts';

export function InitiativeItems({ initiative }: { initiative: InitiativeT }) {
  const store = useStore();
  const location = useLocation();
  const version = store.version;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the store is mutable; its version says when it changed
  const items = useMemo(
    () => store.orderedItems().filter((item) => item.initiativeId === initiative.id),
    [store, version, initiative.id],
  );
  // The initiative screen is drawn once the whole backlog is in, so progress is counted.
  const progress = store.progress()?.get(initiative.id);

  return (
    <section className="initiative-items" aria-labelledby="initiative-items-title">
      <h2 id="initiative-items-title">
        Backlog work <span className="hint">{items.length}</span>
      </h2>
      <ProgressBar progress={progress} label={initiative.title} />
      {progress && progress.unestimated > 0 && (
        <p className="hint">
          {progress.unestimated} {progress.unestimated === 1 ? 'item has' : 'items have'} no estimate: the
          points understate the work.
        </p>
      )}
      {items.length === 0 ? (
        <p className="editable-text-empty">
          No backlog items serve this initiative yet. Add one below, or choose this initiative on an item in
          the backlog.
        </p>
      ) : (
        <ul className="initiative-item-list">
          {items.map((item) => (
            <li key={item.id} className={item.status === 'done' || item.status === 'wont_do' ? 'closed' : ''}>
              <Link
                to={paths.item(item.key)}
                state={{ background: location }}
                className="initiative-item-link"
              >
                <TypeBadge type={item.type} />
                <span className="key">{item.key}</span>
                <span className="initiative-item-title">{item.title}</span>
              </Link>
              <StatusChip status={item.status} />
              <span className="initiative-item-estimate">
                {item.estimate === null ? 'No estimate' : `${item.estimate} pts`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <InlineAdd
        label="Add an item to this initiative"
        placeholder="New backlog item for this initiative, then Enter"
        maxLength={LIMITS.itemTitle}
        button="Add item"
        onAdd={(title) => void createItem(store, { title, initiativeId: initiative.id }, 'bottom')}
      />
    </section>
  );
}
