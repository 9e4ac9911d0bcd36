/**
 * The editors' tools above the map: a new activity, a new slice tied to a release or a sprint, and the
 * dialogs to add a step and to place a story (picked from the backlog by searching its key or title).
 */
import { useMemo, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { StoryMapOperationT, StoryMapT } from '../../api/story-maps.ts';
import { Dialog } from '../../components/dialog.tsx';
import { InlineAdd } from '../../components/inline-add.tsx';
import { useReleases, useSprints } from '../../state/use-plan-lists.ts';
import { useStore } from '../../state/use-store.ts';

type Operate = (operation: StoryMapOperationT) => Promise<boolean>;

export function MapToolbar(props: {
  map: StoryMapT;
  productId: string;
  operate: Operate;
  onPlace: () => void;
}) {
  const releases = useReleases(props.productId);
  const sprints = useSprints(props.productId);
  const [name, setName] = useState('');
  const [target, setTarget] = useState('');
  const taken = new Set(props.map.slices.flatMap((s) => [s.releaseId, s.sprintId]));
  const full = props.map.slices.length >= LIMITS.storyMapSlices;
  return (
    <div className="sm-toolbar">
      {props.map.activities.length < LIMITS.storyMapActivities && (
        <InlineAdd
          label="New activity"
          placeholder="New activity…"
          maxLength={LIMITS.storyMapName}
          button="Add activity"
          onAdd={(title) => props.operate({ op: 'addActivity', title })}
        />
      )}
      <form
        className="sm-slice-form"
        onSubmit={async (event) => {
          event.preventDefault();
          const [kind, id] = target.split(':');
          if (!name.trim() || !id) return;
          const ok = await props.operate({
            op: 'addSlice',
            name: name.trim(),
            ...(kind === 'release' ? { releaseId: id } : { sprintId: id }),
          });
          if (ok) {
            setName('');
            setTarget('');
          }
        }}
      >
        <input
          aria-label="New slice"
          placeholder="New slice…"
          maxLength={LIMITS.storyMapName}
          value={name}
          disabled={full}
          onChange={(event) => setName(event.target.value)}
        />
        <select aria-label="Slice line" value={target} onChange={(event) => setTarget(event.target.value)}>
          <option value="">Release or sprint…</option>
          <optgroup label="Releases">
            {releases
              .filter((r) => r.state === 'planned' && !taken.has(r.id))
              .map((r) => (
                <option key={r.id} value={`release:${r.id}`}>
                  {r.name}
                </option>
              ))}
          </optgroup>
          <optgroup label="Sprints">
            {sprints
              .filter((s) => s.state !== 'closed' && !taken.has(s.id))
              .map((s) => (
                <option key={s.id} value={`sprint:${s.id}`}>
                  {s.name}
                </option>
              ))}
          </optgroup>
        </select>
        <button type="submit" disabled={full || !name.trim() || !target}>
          Add slice
        </button>
      </form>
      <button type="button" onClick={props.onPlace} disabled={props.map.steps.length === 0}>
        Place stories…
      </button>
    </div>
  );
}

export function AddStepDialog(props: {
  activityTitle: string;
  onAdd: (title: string) => unknown;
  onClose: () => void;
}) {
  return (
    <Dialog label={`Add a step to ${props.activityTitle}`} onClose={props.onClose}>
      <h2>Add a step to {props.activityTitle}</h2>
      <InlineAdd
        label="New step"
        placeholder="New step…"
        maxLength={LIMITS.storyMapName}
        button="Add step"
        onAdd={async (title) => {
          const ok = await props.onAdd(title);
          if (ok !== false) props.onClose();
          return ok;
        }}
      />
    </Dialog>
  );
}

/** Results shown at once: a search narrows them. */
const PICKER_RESULTS = 30;

export function PlaceStoryDialog(props: { map: StoryMapT; operate: Operate; onClose: () => void }) {
  const store = useStore();
  const [query, setQuery] = useState('');
  const [stepId, setStepId] = useState(props.map.steps[0]?.id ?? '');
  const onMap = useMemo(() => new Set(props.map.cards.map((c) => c.itemId)), [props.map.cards]);
  const needle = query.trim().toLowerCase();
  const matches: { id: string; key: string; title: string }[] = [];
  for (const item of store.items.values()) {
    if (matches.length >= PICKER_RESULTS) break;
    if (onMap.has(item.id)) continue;
    if (needle && !item.key.toLowerCase().includes(needle) && !item.title.toLowerCase().includes(needle))
      continue;
    matches.push(item);
  }
  const stepLabel = (id: string) => {
    const step = props.map.steps.find((s) => s.id === id);
    const activity = props.map.activities.find((a) => a.id === step?.activityId);
    return `${activity?.title ?? ''} › ${step?.title ?? ''}`;
  };
  return (
    <Dialog label="Place stories on the map" onClose={props.onClose} className="sm-picker">
      <h2>Place stories</h2>
      <label>
        Under the step{' '}
        <select value={stepId} onChange={(event) => setStepId(event.target.value)}>
          {props.map.steps.map((s) => (
            <option key={s.id} value={s.id}>
              {stepLabel(s.id)}
            </option>
          ))}
        </select>
      </label>
      <input
        type="search"
        aria-label="Search the backlog"
        placeholder="Search by key or title…"
        maxLength={LIMITS.search}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <ul className="sm-picker-results">
        {matches.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              onClick={() => void props.operate({ op: 'placeStory', itemId: item.id, stepId })}
            >
              <span className="sm-card-key">{item.key}</span> {item.title}
            </button>
          </li>
        ))}
        {matches.length === 0 && <li className="hint">No backlog item off the map matches.</li>}
      </ul>
      <button type="button" onClick={props.onClose}>
        Done
      </button>
    </Dialog>
  );
}
