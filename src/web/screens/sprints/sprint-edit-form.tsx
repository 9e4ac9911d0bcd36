/**
 * Edits a sprint's name, goal, dates and capacity (a closed sprint: name and goal only). Sends only what
 * changed, with the version it began from: if someone saved the sprint meanwhile, the server refuses (412)
 * and the form says so instead of overwriting their change.
 */
import { useState } from 'react';
import { sprintDatesProblem } from '../../../domain/sprint-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import type { SprintT, UpdateSprintBody } from '../../api/execution.ts';
import { FormError } from '../../components/form-error.tsx';
import { SprintDateInputs } from './sprint-date-inputs.tsx';
import { useSprintMutations } from './sprint-mutations.ts';

interface Props {
  sprint: SprintT;
  onDone: (saved: SprintT | null) => void;
}

export function SprintEditForm({ sprint, onDone }: Props) {
  const closed = sprint.state === 'closed';
  const { update } = useSprintMutations(sprint.productId);
  const [fields, setFields] = useState({
    name: sprint.name,
    goal: sprint.goal,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    capacity: sprint.capacity === null ? '' : String(sprint.capacity),
  });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  // A sprint stored before the 8-week rule keeps its dates until one of them changes.
  const datesChanged = fields.startDate !== sprint.startDate || fields.endDate !== sprint.endDate;

  const save = async () => {
    if (!closed && datesChanged && sprintDatesProblem(fields)) return;
    const patch: UpdateSprintBody = {};
    if (fields.name.trim() !== sprint.name) patch.name = fields.name.trim();
    if (fields.goal.trim() !== sprint.goal) patch.goal = fields.goal.trim();
    if (!closed) {
      if (fields.startDate !== sprint.startDate) patch.startDate = fields.startDate;
      if (fields.endDate !== sprint.endDate) patch.endDate = fields.endDate;
      const capacity = fields.capacity.trim() === '' ? null : Number(fields.capacity);
      if (capacity !== sprint.capacity) patch.capacity = capacity;
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
        void save();
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
    </form>
  );
}
