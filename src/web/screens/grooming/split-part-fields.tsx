/** One part of a split: its title and estimate, each showing its own problem; a later part can be removed. */
import { LIMITS } from '../../../schemas/limits.ts';
import {
  type PartDraft,
  removePart,
  SPLIT_PARTS,
  type SplitDraft,
  type SplitProblem,
  updatePart,
} from './split-parts.ts';

export function PartFields(props: {
  index: number;
  part: PartDraft;
  draft: SplitDraft;
  problems: SplitProblem[];
  onDraft: (draft: SplitDraft) => void;
}) {
  const { index, part, draft } = props;
  const problem = (field: SplitProblem['field']) => props.problems.find((p) => p.field === field)?.message;
  const titleProblem = problem('title');
  const estimateProblem = problem('estimate');
  const number = index + 1;
  return (
    <li className="split-part">
      <label className="split-title">
        Part {number} title
        <input
          value={part.title}
          maxLength={LIMITS.itemTitle}
          aria-invalid={titleProblem !== undefined}
          aria-describedby={titleProblem ? `split-title-${index}-error` : undefined}
          onChange={(event) => props.onDraft(updatePart(draft, index, { title: event.target.value }))}
        />
        {titleProblem && (
          <span id={`split-title-${index}-error`} className="field-error">
            {titleProblem}
          </span>
        )}
      </label>
      <label className="split-estimate">
        Points
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={LIMITS.estimate}
          step="any"
          placeholder="–"
          value={part.estimate}
          aria-label={`Part ${number} estimate (points)`}
          aria-invalid={estimateProblem !== undefined}
          aria-describedby={estimateProblem ? `split-estimate-${index}-error` : undefined}
          onChange={(event) => props.onDraft(updatePart(draft, index, { estimate: event.target.value }))}
        />
        {estimateProblem && (
          <span id={`split-estimate-${index}-error`} className="field-error">
            {estimateProblem}
          </span>
        )}
      </label>
      {index > 0 && draft.parts.length > SPLIT_PARTS.min ? (
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove part ${number}`}
          onClick={() => props.onDraft(removePart(draft, index))}
        >
          ×
        </button>
      ) : (
        <span className="split-part-spacer" />
      )}
    </li>
  );
}
