/**
 * Edits a sprint's name, goal, dates, capacity and refinement reserve (a closed sprint: name and goal only).
 * New dates that meet another planned or active sprint of the team are warned about before saving. Sends
 * only what changed, with the version it began from: if someone saved the sprint meanwhile, the server
 * refuses (412) and the form says so instead of overwriting their change.
 */
import { useState } from 'react';
import { sprintDatesProblem } from '../../../domain/sprint-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import type { SprintT, UpdateSprintBody } from '../../api/execution.ts';
import { FormError } from '../../components/form-error.tsx';
import { OverlapWarning } from './overlap-warning.tsx';
import { RefinementInput } from './refinement-input.tsx';
import { SprintDateInputs } from './sprint-date-inputs.tsx';
import { useSprintMutations } from './sprint-mutations.ts';
import { shareFromPercent, sharePercent } from './sprint-numbers.ts';
import { overlappingSprints } from './sprint-overlap.ts';

interface Props {
  sprint: SprintT;
  /** The product's sprints, to warn about overlapping dates. */
  sprints: readonly SprintT[];
  onDone: (saved: SprintT | null) => void;
}

export function SprintEditForm({ sprint, sprints, onDone }: Props) {
  const closed = sprint.state === 'closed';
  const { update } = useSprintMutations(sprint.productId);
  const [fields, setFields] = useState({
    name: sprint.name,
    goal: sprint.goal,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    capacity: sprint.capacity === null ? '' : String(sprint.capacity),
    refinement: sharePercent(sprint.refinementShare),
  });
  // The sprints the new dates would overlap, while the warning asks before saving.
  const [overlaps, setOverlaps] = useState<SprintT[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  // A sprint stored before the 8-week rule keeps its dates until one of them changes.
  const datesChanged = fields.startDate !== sprint.startDate || fields.endDate !== sprint.endDate;

  const submit = () => {
    if (!closed && datesChanged && sprintDatesProblem(fields)) return;
    // Only new dates are checked: renaming a sprint that already overlaps is not the moment to ask.
    const overlapping = !closed && datesChanged ? overlappingSprints({ ...sprint, ...fields }, sprints) : [];
    if (overlapping.length > 0) setOverlaps(overlapping);
    else void save();
  };

  const save = async () => {
    setOverlaps(null);
    const patch: UpdateSprintBody = {};
    if (fields.name.trim() !== sprint.name) patch.name = fields.name.trim();
    if (fields.goal.trim() !== sprint.goal) patch.goal = fields.goal.trim();
    if (!closed) {
      if (fields.startDate !== sprint.startDate) patch.startDate = fields.startDate;
      if (fields.endDate !== sprint.endDate) patch.endDate = fields.endDate;
      const capacity = fields.capacity.trim() === '' ? null : Number(fields.capacity);
      if (capacity !== sprint.capacity) patch.capacity = capacity;
      const refinementShare = shareFromPercent(fields.refinement);
      // Out of bounds: the input's min and max say so (the browser keeps the form from submitting).
      if (refinementShare === undefined) return;
      if (refinementShare !== sprint.refinementShare) patch.refinementShare = refinementShare;
    }
    if (Object.keys(patch).length === 0) {
      onDone(null);
      return;
    }
    setSaving(true);
    try {
      onDone(await update.mutateAsync({ sprint, patch }));
    } catch (failure) {
      setSaving(false);
      setError(
        failure instanceof ApiError && failure.status === 412
          ? new Error(
              'Someone else changed this sprint meanwhile. Cancel to see their version, then edit again.',
            )
          : failure,
      );
    }
  };

  return (
    <form
      className="sprint-edit stack"
      aria-label="Edit sprint"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDone(null);
        }
      }}
    >
      <label>
        Sprint name
        {/* biome-ignore lint/a11y/noAutofocus: the user just pressed "Edit sprint" */}
        <input autoFocus required maxLength={LIMITS.name} value={fields.name} onChange={set('name')} />
      </label>
      <label>
        Sprint goal
        <textarea rows={2} maxLength={LIMITS.sprintGoal} value={fields.goal} onChange={set('goal')} />
      </label>
      {!closed && (
        <>
          <SprintDateInputs
            startDate={fields.startDate}
            endDate={fields.endDate}
            onStart={set('startDate')}
            onEnd={set('endDate')}
            check={datesChanged}
          />
          <div className="sprint-form-row">
            <label>
              Capacity <span className="hint">points</span>
              <input
                type="number"
                min={0}
                max={LIMITS.capacity}
                step="any"
                value={fields.capacity}
                onChange={set('capacity')}
              />
            </label>
            <RefinementInput value={fields.refinement} onChange={set('refinement')} />
          </div>
        </>
      )}
      <FormError error={error} />
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={saving}>
          Save sprint
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {overlaps && (
        <OverlapWarning
          name={fields.name.trim() || sprint.name}
          overlaps={overlaps}
          saving={saving}
          onSave={() => void save()}
          onCancel={() => setOverlaps(null)}
        />
      )}
    </form>
  );
}
