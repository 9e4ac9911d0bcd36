/** The "fits a sprint" rule's limit: a share of the velocity (a fixed number of points until there is one), or always a fixed number. */
import { FITS_SPRINT_BOUNDS } from '../../../domain/definition-of-ready.ts';
import type { DraftProblem, ReadyRulesDraft } from './ready-rules-draft.ts';

export function FitsSprintLimit(props: {
  draft: ReadyRulesDraft;
  problem: DraftProblem | null;
  readOnly: boolean;
  onDraft: (draft: ReadyRulesDraft) => void;
}) {
  const { draft, problem, readOnly } = props;
  const problemAt = (field: DraftProblem['field']) =>
    problem?.field === field ? problem.message : undefined;
  const shareProblem = problemAt('sharePercent');
  const pointsProblem = problemAt('maxPoints');
  const { maxPoints, velocityShare } = FITS_SPRINT_BOUNDS;
  return (
    <fieldset className="fits-sprint" disabled={readOnly}>
      <legend className="visually-hidden">The limit of “Fits in a sprint”</legend>
      <label className="switch">
        <input
          type="radio"
          name="fits-sprint-limit"
          checked={draft.limit === 'share'}
          onChange={() => props.onDraft({ ...draft, limit: 'share' })}
        />
        At most
        <input
          className="fits-number"
          type="number"
          min={velocityShare.min * 100}
          max={velocityShare.max * 100}
          aria-label="Share of the velocity (%)"
          aria-invalid={shareProblem !== undefined}
          aria-describedby={shareProblem ? 'fits-share-error' : undefined}
          value={draft.sharePercent}
          disabled={readOnly || draft.limit !== 'share'}
          onChange={(event) => props.onDraft({ ...draft, sharePercent: event.target.value })}
        />
        % of the velocity
      </label>
      {shareProblem && (
        <span id="fits-share-error" className="field-error">
          {shareProblem}
        </span>
      )}
      <label className="switch">
        <input
          type="radio"
          name="fits-sprint-limit"
          checked={draft.limit === 'fixed'}
          onChange={() => props.onDraft({ ...draft, limit: 'fixed' })}
        />
        Always a fixed number of points
      </label>
      <label className="switch">
        {draft.limit === 'share' ? 'Points until there is a velocity' : 'At most'}
        <input
          className="fits-number"
          type="number"
          min={maxPoints.min}
          max={maxPoints.max}
          step={1}
          aria-invalid={pointsProblem !== undefined}
          aria-describedby={pointsProblem ? 'fits-points-error' : undefined}
          value={draft.maxPoints}
          onChange={(event) => props.onDraft({ ...draft, maxPoints: event.target.value })}
        />
        points
      </label>
      {pointsProblem && (
        <span id="fits-points-error" className="field-error">
          {pointsProblem}
        </span>
      )}
    </fieldset>
  );
}
