/** Asks before the sequencing suggestion reorders the backlog, listing what will move. */
import type { BacklogSequenceT } from '../../api/analysis.ts';
import { Dialog } from '../../components/dialog.tsx';
import { applyLabel, describeMove, type KeyOf, plural } from './map-text.ts';

/** Moves listed in the dialog; the rest are counted. */
const LISTED = 8;

interface Props {
  /** The suggestion as it was when the button was pressed: what is confirmed is what is applied. */
  sequence: BacklogSequenceT;
  keyOf: KeyOf;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmApplyDialog({ sequence, keyOf, onConfirm, onClose }: Props) {
  const count = sequence.moves.length;
  return (
    <Dialog label="Apply the suggested order" onClose={onClose} className="confirm-dialog dep-confirm">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <h2>Apply the suggested order?</h2>
        <p>
          {plural(count, 'item')} {count === 1 ? 'moves' : 'move'} in the backlog, each recorded as a move in
          its history:
        </p>
        <ul className="dep-moves">
          {sequence.moves.slice(0, LISTED).map((move) => (
            <li key={move.itemId}>{describeMove(move, keyOf)}</li>
          ))}
          {count > LISTED && <li className="hint">and {plural(count - LISTED, 'more move')}</li>}
        </ul>
        <p className="hint">If the backlog changes before this is applied, nothing moves.</p>
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {applyLabel(count)}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
