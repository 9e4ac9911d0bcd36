/** Initiatives with no dates yet, each with a one-click way onto the timeline (this month). */
import { Link } from 'react-router';
import type { InitiativeT } from '../../api/types.ts';
import { ConfidenceBadge } from '../../components/chips.tsx';
import { paths } from '../../routes.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { saveInitiativeChange } from './baseline-announce.tsx';
import { FlagList } from './flag-list.tsx';
import type { InitiativeFlag } from './initiative-flags.ts';
import { fromDay, monthOf, today } from './timeline-dates.ts';

export function UnscheduledList({
  initiatives,
  flags,
}: {
  initiatives: InitiativeT[];
  flags: ReadonlyMap<string, readonly InitiativeFlag[]>;
}) {
  const store = useStoreOnce();
  if (initiatives.length === 0) return null;
  const schedule = (id: string) => {
    const month = monthOf(today());
    void saveInitiativeChange(store, id, { startDate: fromDay(month.start), targetDate: fromDay(month.end) });
  };
  return (
    <section className="tl-unscheduled" aria-labelledby="tl-unscheduled-title">
      <h2 id="tl-unscheduled-title">
        Not scheduled <span className="hint">{initiatives.length}</span>
      </h2>
      <p className="hint">
        These have no start or target date.
        {store.readOnly ? '' : ' Schedule one for this month, then drag it into place.'}
      </p>
      <ul>
        {initiatives.map((initiative) => (
          <li key={initiative.id}>
            <Link to={paths.initiative(store.product.key, initiative.id)}>{initiative.title}</Link>
            <ConfidenceBadge confidence={initiative.confidence} />
            <FlagList flags={flags.get(initiative.id)} variant="chips" title={initiative.title} />
            {!store.readOnly && (
              <button
                type="button"
                aria-label={`Schedule this month: ${initiative.title}`}
                onClick={() => schedule(initiative.id)}
              >
                Schedule this month
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
