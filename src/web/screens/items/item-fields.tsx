/**
 * The item's planning fields: status, estimate, initiative, sprint, release, assignee and labels, each saved
 * as it changes.
 */
import { Link } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemStatusT, ItemT } from '../../api/types.ts';
import { StatusOptions } from '../../components/options.tsx';
import { ReleaseSelect, SprintSelect } from '../../components/plan-selects.tsx';
import { paths } from '../../routes.ts';
import { fieldError } from '../../state/mutations/field-errors.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { notify } from '../../state/notices.ts';
import { useReleases, useSprints } from '../../state/use-plan-lists.ts';
import { useStore } from '../../state/use-store.ts';
import { InlineField } from './inline-field.tsx';
import { LabelsField } from './labels-field.tsx';

export function ItemFields({ item }: { item: ItemT }) {
  const store = useStore();
  const initiative = item.initiativeId ? store.initiatives.get(item.initiativeId) : undefined;
  const users = [...store.users.values()].sort((a, b) => a.name.localeCompare(b.name));
  const sprints = useSprints(store.product.id);
  const releases = useReleases(store.product.id);
  return (
    <div className="item-fields">
      <label className="item-field">
        <span>Status</span>
        <select
          value={item.status}
          onChange={(event) => void updateItem(store, item.id, { status: event.target.value as ItemStatusT })}
        >
          <StatusOptions />
        </select>
      </label>
      <div className="item-field">
        <label htmlFor="item-estimate">Estimate</label>
        <InlineField
          id="item-estimate"
          type="number"
          className="item-estimate"
          label="Estimate (points)"
          placeholder="No estimate"
          min={0}
          max={LIMITS.estimate}
          value={item.estimate === null ? '' : String(item.estimate)}
          version={item.version}
          error={fieldError(store, item.id, 'estimate')}
          onSave={(next) => {
            const estimate = next.trim() === '' ? null : Number(next);
            if (estimate !== null && (!Number.isFinite(estimate) || estimate < 0 || estimate > 1000)) {
              notify({ kind: 'error', message: 'An estimate is a number of points from 0 to 1000.' });
              return;
            }
            if (estimate !== item.estimate) void updateItem(store, item.id, { estimate });
          }}
        />
      </div>
      <div className="item-field">
        <label htmlFor="item-initiative">Initiative</label>
        <div className="item-field-value">
          <select
            id="item-initiative"
            value={item.initiativeId ?? ''}
            onChange={(event) =>
              void updateItem(store, item.id, { initiativeId: event.target.value || null })
            }
          >
            <option value="">No initiative</option>
            {store.sortedInitiatives().map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.title}
              </option>
            ))}
          </select>
          {initiative && (
            <Link to={paths.initiative(store.product.key, initiative.id)} className="item-field-link">
              Open<span className="visually-hidden"> initiative {initiative.title}</span>
            </Link>
          )}
        </div>
      </div>
      <div className="item-field">
        <label htmlFor="item-sprint">Sprint</label>
        <SprintSelect
          id="item-sprint"
          label="Sprint"
          value={item.sprintId}
          sprints={sprints}
          onChange={(sprintId) => void updateItem(store, item.id, { sprintId })}
        />
      </div>
      <div className="item-field">
        <label htmlFor="item-release">Release</label>
        <ReleaseSelect
          id="item-release"
          label="Release"
          value={item.releaseId}
          releases={releases}
          onChange={(releaseId) => void updateItem(store, item.id, { releaseId })}
        />
      </div>
      <label className="item-field">
        <span>Assignee</span>
        <select
          value={item.assigneeId ?? ''}
          onChange={(event) => void updateItem(store, item.id, { assigneeId: event.target.value || null })}
        >
          <option value="">Unassigned</option>
          {users.map((user) => (
            <option key={user.id} value={user.id}>
              {user.name}
            </option>
          ))}
        </select>
      </label>
      <div className="item-field">
        <span id="item-labels-label">Labels</span>
        <LabelsField item={item} />
      </div>
    </div>
  );
}
