/**
 * Changes to every selected item at once: status, initiative, sprint, release, labels. Each change is one transaction on
 * the server (all saved or none), shown at once here.
 */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { SprintT } from '../../api/execution.ts';
import type { ReleaseT } from '../../api/releases.ts';
import type { InitiativeT, ItemStatusT } from '../../api/types.ts';
import { StatusOptions } from '../../components/options.tsx';
import { type BulkChange, bulkUpdate } from '../../state/mutations/backlog.ts';
import { notify } from '../../state/notices.ts';
import type { ProductStore } from '../../state/product-store.ts';

/** The server takes this many items per bulk change. */
const BULK_LIMIT = LIMITS.bulkItems;

async function applyToAll(store: ProductStore, ids: string[], change: BulkChange): Promise<void> {
  // Beyond the limit the change goes in consecutive batches (each batch is still all or nothing).
  for (let start = 0; start < ids.length; start += BULK_LIMIT) {
    const saved = await bulkUpdate(store, ids.slice(start, start + BULK_LIMIT), change);
    if (!saved) return;
  }
}

function labelProblem(label: string): string | null {
  if (label.length > 50) return 'A label is at most 50 characters.';
  if (label.includes(',')) return 'A label cannot contain a comma.';
  return null;
}

export function BulkBar(props: {
  store: ProductStore;
  ids: ReadonlySet<string>;
  initiatives: InitiativeT[];
  /** Planned and active sprints; releases not cancelled. */
  sprints: readonly SprintT[];
  releases: readonly ReleaseT[];
  onClear: () => void;
}) {
  const { store } = props;
  const [label, setLabel] = useState('');
  const ids = [...props.ids];
  const apply = (change: BulkChange) => void applyToAll(store, ids, change);
  const selectedLabels = new Set<string>();
  let points = 0;
  for (const id of ids) {
    const item = store.items.get(id);
    for (const l of item?.labels ?? []) selectedLabels.add(l);
    points += item?.estimate ?? 0;
  }
  const count = ids.length;
  return (
    <section className="bulk-bar" aria-label="Change the selected items">
      <strong className="bulk-count">{count.toLocaleString('en')} selected</strong>
      <span className="bulk-points">{Math.round(points * 10) / 10} points</span>
      <select
        aria-label="Set the status of the selected items"
        value=""
        onChange={(event) => {
          if (event.target.value) apply({ set: { status: event.target.value as ItemStatusT } });
        }}
      >
        <option value="">Set status…</option>
        <StatusOptions />
      </select>
      <select
        aria-label="Set the initiative of the selected items"
        value=""
        onChange={(event) => {
          const value = event.target.value;
          if (value) apply({ set: { initiativeId: value === 'none' ? null : value } });
        }}
      >
        <option value="">Set initiative…</option>
        <option value="none">No initiative</option>
        {props.initiatives.map((initiative) => (
          <option key={initiative.id} value={initiative.id}>
            {initiative.title}
          </option>
        ))}
      </select>
      <select
        aria-label="Set the sprint of the selected items"
        value=""
        onChange={(event) => {
          const value = event.target.value;
          if (value) apply({ set: { sprintId: value === 'none' ? null : value } });
        }}
      >
        <option value="">Set sprint…</option>
        <option value="none">No sprint</option>
        {props.sprints.map((sprint) => (
          <option key={sprint.id} value={sprint.id}>
            {sprint.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Set the release of the selected items"
        value=""
        onChange={(event) => {
          const value = event.target.value;
          if (value) apply({ set: { releaseId: value === 'none' ? null : value } });
        }}
      >
        <option value="">Set release…</option>
        <option value="none">No release</option>
        {props.releases.map((release) => (
          <option key={release.id} value={release.id}>
            {release.name}
          </option>
        ))}
      </select>
      <form
        className="bulk-label"
        onSubmit={(event) => {
          event.preventDefault();
          const text = label.trim();
          if (!text) return;
          const problem = labelProblem(text);
          if (problem) {
            notify({ kind: 'error', message: problem });
            return;
          }
          setLabel('');
          apply({ addLabels: [text] });
        }}
      >
        <input
          aria-label="Label to add to the selected items"
          placeholder="Label"
          value={label}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit">Add label</button>
      </form>
      <select
        aria-label="Remove a label from the selected items"
        value=""
        disabled={selectedLabels.size === 0}
        onChange={(event) => {
          if (event.target.value) apply({ removeLabels: [event.target.value] });
        }}
      >
        <option value="">Remove label…</option>
        {[...selectedLabels].sort().map((l) => (
          <option key={l} value={l}>
            {l}
          </option>
        ))}
      </select>
      <button type="button" onClick={props.onClear} aria-keyshortcuts="Escape">
        Clear selection
      </button>
    </section>
  );
}
