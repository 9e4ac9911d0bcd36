/**
 * Plans a new sprint: name, goal, team, dates, capacity and time zone. It starts from a suggestion that
 * follows the team's latest sprint (next number, next dates, same capacity) and the browser's time zone.
 */
import { useId, useMemo, useState } from 'react';
import { sprintDatesProblem } from '../../../domain/sprint-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import type { CreateSprintBody, SprintT, TeamT } from '../../api/execution.ts';
import { FormError } from '../../components/form-error.tsx';
import { OverlapWarning } from './overlap-warning.tsx';
import { RefinementInput } from './refinement-input.tsx';
import { SprintDateInputs } from './sprint-date-inputs.tsx';
import { useSprintMutations } from './sprint-mutations.ts';
import {
  browserTimeZone,
  type SprintSuggestion,
  shareFromPercent,
  sharePercent,
  suggestNextSprint,
} from './sprint-numbers.ts';
import { overlappingSprints } from './sprint-overlap.ts';

interface Props {
  productId: string;
  teams: TeamT[];
  sprints: SprintT[];
  /** The team the form starts on: the one the list shows ('none': no team). */
  teamId: string;
  today: string;
  onCreated: (sprint: SprintT) => void;
}

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

export function CreateSprintForm(props: Props) {
  const id = useId();
  const suggest = (teamId: string): SprintSuggestion =>
    suggestNextSprint(
      props.sprints.filter((s) => (s.teamId ?? 'none') === teamId),
      props.today,
    );
  const [teamId, setTeamId] = useState(props.teamId);
  const [fields, setFields] = useState(() => {
    const suggestion = suggest(props.teamId);
    return {
      name: suggestion.name,
      goal: '',
      startDate: suggestion.startDate,
      endDate: suggestion.endDate,
      capacity: suggestion.capacity === null ? '' : String(suggestion.capacity),
      refinement: sharePercent(suggestion.refinementShare),
      timezone: browserTimeZone(),
    };
  });
  // The sprints it would overlap, while the warning asks before saving.
  const [overlaps, setOverlaps] = useState<SprintT[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const { create } = useSprintMutations(props.productId);
  const zones = useMemo(timeZones, []);
  const set = (field: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [field]: event.target.value }));

  const chooseTeam = (next: string) => {
    setTeamId(next);
    // Another team has its own sequence of sprints: follow that one.
    const suggestion = suggest(next);
    setFields((current) => ({
      ...current,
      name: suggestion.name,
      startDate: suggestion.startDate,
      endDate: suggestion.endDate,
      capacity: suggestion.capacity === null ? '' : String(suggestion.capacity),
      refinement: sharePercent(suggestion.refinementShare),
    }));
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // The date inputs say what is wrong; the server would refuse it the same way.
    if (sprintDatesProblem(fields)) return;
    const overlapping = overlappingSprints({ teamId, ...fields }, props.sprints);
    if (overlapping.length > 0) setOverlaps(overlapping);
    else void save();
  };

  const save = async () => {
    const refinementShare = shareFromPercent(fields.refinement);
    // Out of bounds: the input's min and max already say so (the browser keeps the form from submitting).
    if (refinementShare === undefined) return;
    const body: CreateSprintBody = {
      name: fields.name,
      goal: fields.goal,
      teamId: teamId === 'none' ? null : teamId,
      startDate: fields.startDate,
      endDate: fields.endDate,
      timezone: fields.timezone.trim() || 'UTC',
      capacity: fields.capacity.trim() === '' ? null : Number(fields.capacity),
      refinementShare,
    };
    setSaving(true);
    try {
      const sprint = await create.mutateAsync(body);
      setError(null);
      setOverlaps(null);
      props.onCreated(sprint);
    } catch (failure) {
      setOverlaps(null);
      setError(failure);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="sprint-form stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>New sprint</h2>
      <label>
        Name
        <input required maxLength={LIMITS.name} value={fields.name} onChange={set('name')} />
      </label>
      <label>
        Goal <span className="hint">What the sprint is for, in a sentence</span>
        <textarea rows={2} maxLength={LIMITS.sprintGoal} value={fields.goal} onChange={set('goal')} />
      </label>
      <label>
        Team
        <select value={teamId} onChange={(event) => chooseTeam(event.target.value)}>
          {props.teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
          <option value="none">No team</option>
        </select>
      </label>
      <SprintDateInputs
        startDate={fields.startDate}
        endDate={fields.endDate}
        onStart={set('startDate')}
        onEnd={set('endDate')}
      />
      <div className="sprint-form-row">
        <label>
          Capacity <span className="hint">points</span>
          <input
            type="number"
            min={0}
            max={LIMITS.capacity}
            step="any"
            inputMode="decimal"
            value={fields.capacity}
            onChange={set('capacity')}
          />
        </label>
        <RefinementInput value={fields.refinement} onChange={set('refinement')} />
        <label>
          Time zone <span className="hint">days end at its midnight</span>
          <input list={`${id}-zones`} required value={fields.timezone} onChange={set('timezone')} />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </label>
      </div>
      <FormError error={error} />
      <div>
        <button type="submit" className="primary" disabled={saving}>
          Create sprint
        </button>
      </div>
      {overlaps && (
        <OverlapWarning
          name={fields.name.trim() || 'This sprint'}
          overlaps={overlaps}
          saving={saving}
          onSave={() => void save()}
          onCancel={() => setOverlaps(null)}
        />
      )}
    </form>
  );
}
