/**
 * The warning before saving a sprint whose days meet another planned or active sprint of the same team:
 * it names each one and its dates, and saving anyway is the user's call (a guardrail, not a rule).
 */
import type { SprintT } from '../../api/execution.ts';
import { Dialog } from '../../components/dialog.tsx';
import { sprintRange } from './sprint-numbers.ts';

interface Props {
  /** The sprint being saved, as the form names it. */
  name: string;
  overlaps: readonly SprintT[];
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}

export function OverlapWarning({ name, overlaps, saving, onSave, onCancel }: Props) {
  const first = overlaps[0];
  return (
    <Dialog label="Sprints overlap" onClose={onCancel} className="confirm-dialog">
      <div className="stack">
        <h2>
          {first && overlaps.length === 1
            ? `${name} overlaps ${first.name}`
            : `${name} overlaps ${overlaps.length} sprints`}
        </h2>
        <p>The team would run two sprints on the same days:</p>
        <ul className="overlap-list">
          {overlaps.map((other) => (
            <li key={other.id}>
              <strong>{other.name}</strong> ({other.state}): {sprintRange(other)}
            </li>
          ))}
        </ul>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Change the dates
          </button>
          <button type="button" className="primary" disabled={saving} onClick={onSave}>
            Save anyway
          </button>
        </div>
      </div>
    </Dialog>
  );
}
