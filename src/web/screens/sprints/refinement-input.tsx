/**
 * The share of a sprint's capacity kept for backlog refinement, typed as a percentage ("Keep 10 % for
 * refinement"); the bounds are the schema's (LIMITS.refinementShare), shown as a percentage too.
 */
import { MAX_REFINEMENT_PERCENT } from './sprint-numbers.ts';

interface Props {
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}

export function RefinementInput({ value, onChange }: Props) {
  return (
    <label>
      Keep for refinement <span className="hint">% of the points, up to {MAX_REFINEMENT_PERCENT} %</span>
      <input
        type="number"
        min={0}
        max={MAX_REFINEMENT_PERCENT}
        step="any"
        inputMode="decimal"
        value={value}
        onChange={onChange}
      />
    </label>
  );
}
