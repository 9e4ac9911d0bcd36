/**
 * Where the backlog has drifted from the roadmap, grouped by kind under plain headings; each finding
 * links to the initiative it concerns while that initiative still exists.
 */
import { Link } from 'react-router';
import type { DriftT } from '../../api/analysis.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { groupDrift } from './health-text.ts';

export function DriftList({ drift }: { drift: readonly DriftT[] }) {
  const store = useStore();
  const groups = groupDrift(drift);
  if (groups.length === 0) {
    return <p className="health-good">No drift: the sprints and the roadmap agree.</p>;
  }
  return (
    <div className="drift-groups">
      {groups.map((group) => (
        <section key={group.kind} className={`drift-group drift-${group.kind}`} aria-label={group.title}>
          <h4>
            {group.title} <span className="hint">{group.entries.length}</span>
          </h4>
          <ul>
            {group.entries.map((entry) => (
              <li key={`${entry.initiativeId ?? ''}-${entry.itemId ?? ''}-${entry.message}`}>
                {entry.initiativeId && store.initiatives.has(entry.initiativeId) ? (
                  <Link to={paths.initiative(store.product.key, entry.initiativeId)}>{entry.message}</Link>
                ) : (
                  entry.message
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
